import { useRef, useState } from 'react';

import { formatClock } from '../../lib/format';

// The seek bar: played and buffered fills over the seekable range, dragged with a pointer.
// Its keys (arrows ±10 s) are the player's own; Home/End jump to either end.
export function SeekBar({
  start,
  end,
  current,
  buffered,
  onSeek,
  label = 'Seek',
}: {
  start: number;
  end: number;
  current: number;
  buffered: number;
  onSeek: (time: number) => void;
  label?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<number | null>(null);
  const span = Math.max(0.001, end - start);
  const shown = drag ?? current;
  const pct = (t: number) => `${Math.min(100, Math.max(0, ((t - start) / span) * 100))}%`;

  const timeAt = (clientX: number) => {
    const r = ref.current?.getBoundingClientRect();
    if (!r || r.width === 0) return current;
    return start + Math.min(1, Math.max(0, (clientX - r.left) / r.width)) * span;
  };

  return (
    <div
      ref={ref}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.round(span)}
      aria-valuenow={Math.round(shown - start)}
      aria-valuetext={`${formatClock(shown - start)} of ${formatClock(span)}`}
      className="focus-ring group relative flex h-6 cursor-pointer touch-none items-center rounded"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        setDrag(timeAt(e.clientX));
      }}
      onPointerMove={(e) => drag !== null && setDrag(timeAt(e.clientX))}
      onPointerUp={(e) => {
        if (drag === null) return;
        onSeek(timeAt(e.clientX));
        setDrag(null);
      }}
      onPointerCancel={() => setDrag(null)}
      onKeyDown={(e) => {
        if (e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          onSeek(e.key === 'Home' ? start : end);
        }
      }}
    >
      <div className="relative h-1 w-full overflow-hidden rounded-full bg-white/25 transition-[height] group-hover:h-1.5 motion-reduce:transition-none">
        <div className="absolute inset-y-0 left-0 bg-white/40" style={{ width: pct(buffered) }} />
        <div className="absolute inset-y-0 left-0 bg-brand-500" style={{ width: pct(shown) }} />
      </div>
      <div
        aria-hidden="true"
        className="absolute h-3.5 w-3.5 -translate-x-1/2 rounded-full bg-white shadow"
        style={{ left: pct(shown) }}
      />
    </div>
  );
}
