// The arithmetic of the admin's small SVG charts, kept apart from the drawing so it can
// be tested: a round top for the value axis, where each bar or point sits, and a sentence
// saying what the chart shows for its role="img" label.

export interface ChartPoint {
  label: string;
  value: number;
}

// The smallest 1, 2, 2.5 or 5 times a power of ten at or above max (1 for nothing).
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max - 1e-9 * power) return step * power;
  return 10 * power;
}

// The value axis: a round step (whole numbers for counts) and the top it reaches, about
// four steps above zero. Ticks are the step's multiples from 0 to the top.
export function valueAxis(max: number, { integer = false } = {}): { top: number; ticks: number[] } {
  const m = Number.isFinite(max) && max > 0 ? max : 0;
  let step = niceMax(m / 4);
  if (integer) step = Math.max(1, Math.round(step));
  const top = Math.max(step, Math.ceil(m / step - 1e-9) * step);
  const count = Math.round(top / step);
  return { top, ticks: Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12))) };
}

export interface Plot {
  width: number;
  height: number;
}

export interface PlacedPoint extends ChartPoint {
  x: number; // centre of its band
  y: number; // top of its bar / the point, from the plot's top
  band: number; // width of one band
}

// Each point in its own band across the width; values below zero or not numbers sit on the axis.
export function place(
  points: readonly ChartPoint[],
  plot: Plot,
  { integer = false } = {},
): { top: number; ticks: number[]; placed: PlacedPoint[] } {
  const { top, ticks } = valueAxis(Math.max(0, ...points.map((p) => (Number.isFinite(p.value) ? p.value : 0))), {
    integer,
  });
  const band = points.length ? plot.width / points.length : plot.width;
  const placed = points.map((p, i) => {
    const v = Number.isFinite(p.value) ? Math.max(0, p.value) : 0;
    return { ...p, x: band * (i + 0.5), y: plot.height - (v / top) * plot.height, band };
  });
  return { top, ticks, placed };
}

// "Plays by title, 5 titles: highest The Long Quiet (12), lowest Fire & Flour (1)."
export function chartSummary(
  kind: 'bar' | 'line',
  points: readonly ChartPoint[],
  { x, y, format = String }: { x: string; y: string; format?: (n: number) => string },
): string {
  const what = `${kind === 'bar' ? 'Bar' : 'Line'} chart of ${y} by ${x.toLowerCase()}`;
  if (!points.length) return `${what}: nothing to show.`;
  const say = (p: ChartPoint) => `${p.label} (${format(p.value)})`;
  if (kind === 'line') {
    const first = points[0];
    const last = points[points.length - 1];
    const high = points.reduce((a, b) => (b.value > a.value ? b : a));
    return `${what}, ${points.length} points from ${say(first)} to ${say(last)}; highest ${say(high)}.`;
  }
  const high = points.reduce((a, b) => (b.value > a.value ? b : a));
  const low = points.reduce((a, b) => (b.value < a.value ? b : a));
  return points.length === 1
    ? `${what}, 1 bar: ${say(high)}.`
    : `${what}, ${points.length} bars: highest ${say(high)}, lowest ${say(low)}.`;
}

// A label cut to fit its band, with an ellipsis.
export function fitLabel(label: string, chars: number): string {
  const max = Math.max(3, Math.floor(chars));
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
