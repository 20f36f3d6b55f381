import { chartSummary, fitLabel, place, type ChartPoint } from './chartScale';

const W = 640;
const H = 260;
const M = { top: 16, right: 8, bottom: 36, left: 52 };
const PLOT = { width: W - M.left - M.right, height: H - M.top - M.bottom };

// A small hand-drawn SVG bar or line chart. It is one image to assistive technology, named
// by a sentence saying what it shows; the numbers themselves belong in a table beside it.
export function Chart({
  kind,
  points,
  x,
  y,
  format = (n) => n.toLocaleString(),
  integer = false,
  className = '',
}: {
  kind: 'bar' | 'line';
  points: readonly ChartPoint[];
  x: string; // what the labels are ("Title")
  y: string; // what the values are ("Plays")
  format?: (n: number) => string;
  integer?: boolean; // counts: whole-number axis steps
  className?: string;
}) {
  const { top, ticks, placed } = place(points, PLOT, { integer });
  const band = placed[0]?.band ?? PLOT.width;
  // Every label when they fit, otherwise every n-th one.
  const every = Math.max(1, Math.ceil(placed.length / (kind === 'bar' ? 12 : 8)));
  const labelChars = (band * every) / 7;
  const values = kind === 'bar' && placed.length <= 12;
  return (
    <svg
      role="img"
      aria-label={chartSummary(kind, points, { x, y, format })}
      viewBox={`0 0 ${W} ${H}`}
      className={`h-auto w-full max-w-3xl ${className}`}
    >
      <g transform={`translate(${M.left},${M.top})`} className="text-[11px]">
        {ticks.map((t) => {
          const ty = PLOT.height - (t / top) * PLOT.height;
          return (
            <g key={t}>
              <line x1={0} x2={PLOT.width} y1={ty} y2={ty} className="stroke-neutral-800" />
              <text x={-6} y={ty} dy="0.32em" textAnchor="end" className="fill-neutral-400">
                {format(t)}
              </text>
            </g>
          );
        })}
        {kind === 'bar' ? (
          placed.map((p) => (
            <rect
              key={`${p.label}-${p.x}`}
              x={p.x - p.band * 0.35}
              width={p.band * 0.7}
              y={Math.min(p.y, PLOT.height - 1)}
              height={Math.max(1, PLOT.height - p.y)}
              rx={2}
              className="fill-brand-500"
            />
          ))
        ) : (
          <>
            <polyline
              points={placed.map((p) => `${p.x},${p.y}`).join(' ')}
              fill="none"
              strokeWidth={2}
              className="stroke-brand-500"
            />
            {placed.map((p) => (
              <circle key={`${p.label}-${p.x}`} cx={p.x} cy={p.y} r={3} className="fill-brand-500" />
            ))}
          </>
        )}
        {values &&
          placed.map((p) => (
            <text key={`v-${p.x}`} x={p.x} y={p.y - 4} textAnchor="middle" className="fill-neutral-200">
              {format(p.value)}
            </text>
          ))}
        {placed.map((p, i) =>
          i % every ? null : (
            <text key={`l-${p.x}`} x={p.x} y={PLOT.height + 16} textAnchor="middle" className="fill-neutral-300">
              {fitLabel(p.label, labelChars)}
            </text>
          ),
        )}
        <line x1={0} x2={PLOT.width} y1={PLOT.height} y2={PLOT.height} className="stroke-neutral-500" />
      </g>
    </svg>
  );
}
