import { useEffect, useId, useRef, useState } from 'react';

import { Icon } from './icons';
import type { MenuOption } from './tracks';

// A control-bar button with a pop-up list of choices (quality, subtitles, audio). The
// list moves focus with ↑/↓ itself and closes on Escape, giving focus back.
export function TrackMenu({
  label,
  icon,
  options,
  value,
  onSelect,
  onOpenChange,
}: {
  label: string;
  icon: 'settings' | 'subtitles' | 'audio';
  options: MenuOption[];
  value: string | null;
  onSelect: (id: string) => void;
  onOpenChange?: (open: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();

  const setOpenAndTell = (next: boolean) => {
    setOpen(next);
    onOpenChange?.(next);
  };

  useEffect(() => {
    if (!open) return;
    const checked = list.current?.querySelector<HTMLElement>('[aria-checked="true"]');
    (checked ?? list.current?.querySelector<HTMLElement>('[role="menuitemradio"]'))?.focus();
    const onDown = (e: PointerEvent) => {
      if (!list.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) {
        setOpen(false);
        onOpenChange?.(false);
      }
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open, onOpenChange]);

  const close = () => {
    setOpenAndTell(false);
    button.current?.focus();
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        className="focus-ring rounded-md p-2 hover:bg-white/10"
        onClick={() => setOpenAndTell(!open)}
      >
        <Icon name={icon} />
      </button>
      {open && (
        <div className="absolute bottom-full right-0 mb-2 min-w-44 rounded-md bg-neutral-900/95 py-1 shadow-xl ring-1 ring-white/10">
          <p aria-hidden="true" className="px-4 py-1 text-xs font-semibold uppercase tracking-wide text-neutral-400">
            {label}
          </p>
          <div
            ref={list}
            id={id}
            role="menu"
            aria-label={label}
            className="flex max-h-[60vh] flex-col overflow-y-auto"
            onKeyDown={(e) => {
              if (e.key === 'Tab') return setOpenAndTell(false);
              // Enter and Space click the focused item, and only that.
              if (e.key === 'Enter' || e.key === ' ') return e.stopPropagation();
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                const items = Array.from(list.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? []);
                const at = items.indexOf(document.activeElement as HTMLElement);
                const step = e.key === 'ArrowDown' ? 1 : -1;
                items[(at + step + items.length) % items.length]?.focus();
              } else if (e.key === 'Escape' || e.key === 'Backspace') {
                close();
              } else if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') {
                return;
              }
              e.preventDefault();
              e.stopPropagation();
            }}
          >
            {options.map((o) => (
              <button
                key={o.id}
                type="button"
                role="menuitemradio"
                aria-checked={o.id === value}
                className="focus-ring flex items-center gap-3 px-4 py-2 text-left text-sm hover:bg-white/10"
                onClick={() => {
                  onSelect(o.id);
                  close();
                }}
              >
                <span aria-hidden="true" className="w-4 text-brand-400">
                  {o.id === value ? '✓' : ''}
                </span>
                {o.label}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
