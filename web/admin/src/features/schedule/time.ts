// The schedule page works in UTC days, as the API's day routes and XMLTV do, and says so
// next to every time: one admin's local clock is not the channel's.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(text: string | null): text is string {
  const m = text ? DAY.exec(text) : null;
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}

// The API's window for one UTC day: [from, to).
export const dayWindow = (day: string) => ({ from: `${day}T00:00:00Z`, to: `${addDays(day, 1)}T00:00:00Z` });

// RFC 3339 (UTC) <-> a datetime-local input's "YYYY-MM-DDTHH:MM", read as UTC.
export function toInput(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 16);
}

export function fromInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  return `${value.length === 16 ? `${value}:00` : value}Z`;
}

export function addMinutes(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' });

export const formatClock = (iso: string) => clock.format(new Date(iso));
export const formatDay = (day: string) => longDay.format(new Date(`${day}T00:00:00Z`));

// "23:30 (Fri) – 01:00": a time on another day than the page's names that day.
export function formatSpan(start: string, stop: string, day: string): string {
  const mark = (iso: string) => {
    const d = dayOf(new Date(iso));
    if (d === day) return formatClock(iso);
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }).format(new Date(iso));
    return `${formatClock(iso)} (${weekday})`;
  };
  return `${mark(start)} – ${mark(stop)}`;
}
