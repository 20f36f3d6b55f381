import { useEffect, useRef } from 'react';

export interface PlayerKeyActions {
  toggle: () => void;
  seekBy: (seconds: number) => void;
  volumeBy: (delta: number) => void;
  toggleMute: () => void;
  toggleFullscreen: () => void;
  back: () => void; // Escape/Backspace: leave full screen first, then the player
  activity: () => void;
}

// The player's keys, read before the global spatial navigation (capture phase), so the
// arrows seek and set the volume instead of moving focus. Menus keep their own keys.
export function usePlayerKeys(actions: PlayerKeyActions) {
  const ref = useRef(actions);
  ref.current = actions;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = ref.current;
      a.activity();
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target?.closest('[role="menu"], dialog')) return;
      const onControl = !!target?.closest('button, a, [role="slider"]');
      const onRange = target instanceof HTMLInputElement && target.type === 'range';
      switch (e.key) {
        case ' ':
          if (onControl && !target?.matches('[role="slider"]')) return; // Space clicks the focused button
          a.toggle();
          break;
        case 'k':
        case 'K':
          a.toggle();
          break;
        case 'ArrowLeft':
        case 'ArrowRight':
          if (onRange) return;
          a.seekBy(e.key === 'ArrowLeft' ? -10 : 10);
          break;
        case 'ArrowUp':
        case 'ArrowDown':
          a.volumeBy(e.key === 'ArrowUp' ? 0.1 : -0.1);
          break;
        case 'f':
        case 'F':
          a.toggleFullscreen();
          break;
        case 'm':
        case 'M':
          a.toggleMute();
          break;
        case 'Escape':
        case 'Backspace':
          if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
          else a.back();
          break;
        default:
          return;
      }
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
