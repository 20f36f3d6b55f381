import { dayWindow, formatClock } from './time';

// The free time of one UTC day: from its start to the first programme, between programmes
// and from the last one to its end, clipped to the day (a programme from the evening
// before covers the morning up to its stop). Overlapping programmes cover their union.
export interface Gap {
  start: string; // RFC 3339, UTC
  stop: string;
  minutes: number;
}

interface Timed {
  start: string;
  stop: string;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function dayGaps(day: string, programmes: readonly Timed[]): Gap[] {
  const { from, to } = dayWindow(day);
  const dayStart = Date.parse(from);
  const dayEnd = Date.parse(to);
  const spans = programmes
    .map((p) => ({ start: Math.max(Date.parse(p.start), dayStart), stop: Math.min(Date.parse(p.stop), dayEnd) }))
    .filter((s) => s.stop > s.start)
    .sort((a, b) => a.start - b.start);
  const gaps: Gap[] = [];
  const gap = (start: number, stop: number) =>
    gaps.push({ start: iso(start), stop: iso(stop), minutes: (stop - start) / 60_000 });
  let cursor = dayStart;
  for (const s of spans) {
    if (s.start > cursor) gap(cursor, s.start);
    cursor = Math.max(cursor, s.stop);
  }
  if (cursor < dayEnd) gap(cursor, dayEnd);
  return gaps;
}

// A day's rows in time order: its programmes with its gaps between them.
export type Slot<P> = { kind: 'programme'; programme: P } | { kind: 'gap'; gap: Gap };

export function daySlots<P extends Timed>(day: string, programmes: readonly P[]): Slot<P>[] {
  const slots: Slot<P>[] = [
    ...programmes.map((programme) => ({ kind: 'programme' as const, programme })),
    ...dayGaps(day, programmes).map((gap) => ({ kind: 'gap' as const, gap })),
  ];
  const at = (s: Slot<P>) => Date.parse(s.kind === 'gap' ? s.gap.start : s.programme.start);
  // A gap sorts after a programme starting at the same instant: the one before it ended there.
  return slots.sort((a, b) => at(a) - at(b) || (a.kind === 'gap' ? 1 : 0) - (b.kind === 'gap' ? 1 : 0));
}

// "1 h 30 min", "45 min", "24 h"; under a minute is said as such.
export function formatDuration(minutes: number): string {
  if (minutes < 1) return 'under 1 min';
  const whole = Math.round(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}

// A gap's span on its day: the day's end is "24:00", not the next day's midnight.
export function formatGapSpan(gap: Gap, day: string): string {
  const end = Date.parse(gap.stop) === Date.parse(dayWindow(day).to);
  return `${formatClock(gap.start)} – ${end ? '24:00' : formatClock(gap.stop)}`;
}
