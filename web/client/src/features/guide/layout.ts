// The guide's time maths, pure: the time zone is a parameter (the viewer's own in the
// app, a fixed IANA zone in tests), so days and labels never depend on the machine.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const TICK_MINUTES = 30;
// Grid pages are fetched in fixed UTC windows, so their query keys do not depend on the
// zone or the scroll position and a page once loaded is found again.
export const WINDOW_MS = 6 * HOUR;
export const CHANNEL_PAGE = 50;
// Start-over plays any programme that started up to 7 days ago (POST /playback/sessions).
export const CATCH_UP_MS = 7 * 24 * HOUR;

export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormats.set(timeZone, f);
  }
  return f;
}

// The local date and time of an instant in a zone.
export function wallClock(ms: number, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const p of partFormat(timeZone).formatToParts(ms)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second,
  };
}

// Local time minus UTC at an instant, in minutes (Berlin: 60 in winter, 120 in summer).
export function offsetMinutes(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE);
}

// The instant of a local wall-clock time. A time inside a DST gap is read with the
// offset before the change (02:30 on Berlin's spring day is 03:30 CEST, a day whose
// midnight is skipped starts at 01:00); a repeated time is its first occurrence.
export function zonedTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  // A zone changes its offset at most once a day: the offsets a day either side are the
  // only candidates.
  const before = offsetMinutes(naive - 24 * HOUR, timeZone);
  const after = offsetMinutes(naive + 24 * HOUR, timeZone);
  const valid = [naive - before * MINUTE, naive - after * MINUTE].filter(
    (t) => offsetMinutes(t, timeZone) === Math.round((naive - t) / MINUTE),
  );
  return valid.length ? Math.min(...valid) : naive - before * MINUTE;
}

// The first instant of the local day that holds `ms` (midnight, or the end of a DST gap
// in the zones that change their clocks at midnight).
export function startOfLocalDay(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return zonedTime(w.year, w.month, w.day, 0, 0, timeZone);
}

// The start of the local day `days` after the day starting at `dayStart`.
export function addLocalDays(dayStart: number, days: number, timeZone: string): number {
  // Noon is never inside a DST change, so its date is the day's date.
  const w = wallClock(dayStart + 12 * HOUR, timeZone);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return zonedTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, 0, timeZone);
}

export interface GuideDay {
  start: number;
  end: number; // the next day's start: 23, 24 or 25 hours later
  offset: number; // days from today: -1 yesterday, 0 today, 1 tomorrow
  key: string; // YYYY-MM-DD, local
}

export function dayKey(dayStart: number, timeZone: string): string {
  const w = wallClock(dayStart + 12 * HOUR, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

// The local days from `past` days ago to `future` days ahead, today included.
export function guideDays(now: number, timeZone: string, past: number, future: number): GuideDay[] {
  const today = startOfLocalDay(now, timeZone);
  const days: GuideDay[] = [];
  for (let offset = -past; offset <= future; offset++) {
    const start = addLocalDays(today, offset, timeZone);
    days.push({ start, end: addLocalDays(today, offset + 1, timeZone), offset, key: dayKey(start, timeZone) });
  }
  return days;
}

// Which of `days` holds the instant: the nearest end one when it is outside them all.
export function dayIndexAt(t: number, days: GuideDay[]): number {
  if (days.length === 0) return -1;
  if (t < days[0].start) return 0;
  const i = days.findIndex((d) => t >= d.start && t < d.end);
  return i < 0 ? days.length - 1 : i;
}

// The same clock time on another day (a DST day has an hour more or less).
export function sameTimeOnDay(t: number, day: GuideDay, timeZone: string): number {
  const w = wallClock(t, timeZone);
  const d = wallClock(day.start + 12 * HOUR, timeZone);
  const at = zonedTime(d.year, d.month, d.day, w.hour, w.minute, timeZone);
  return Math.min(Math.max(at, day.start), day.end - MINUTE);
}

// The grid's horizontal axis: real elapsed time, so a programme's width is its duration
// even across a DST change (the 25-hour day is an hour wider).
export interface Timeline {
  start: number;
  end: number;
  pxPerMinute: number;
}

export const timeToX = (t: number, tl: Timeline): number => ((t - tl.start) / MINUTE) * tl.pxPerMinute;
export const xToTime = (x: number, tl: Timeline): number => tl.start + (x / tl.pxPerMinute) * MINUTE;
export const timelineWidth = (tl: Timeline): number => Math.round(timeToX(tl.end, tl));

export interface Block {
  left: number;
  width: number;
  cutStart: boolean; // began before the range drawn
  cutEnd: boolean;
}

// A programme's cell, clipped to the timeline; whole pixels so neighbours share edges.
export function blockBox(start: number, stop: number, tl: Timeline): Block | null {
  const s = Math.max(start, tl.start);
  const e = Math.min(stop, tl.end);
  if (e <= s) return null;
  const left = Math.round(timeToX(s, tl));
  const right = Math.round(timeToX(e, tl));
  if (right <= left) return null;
  return { left, width: right - left, cutStart: start < tl.start, cutEnd: stop > tl.end };
}

// Half-hour ticks from the timeline's start (a local midnight, so they fall on :00 and :30).
export const tickCount = (tl: Timeline): number => Math.ceil((tl.end - tl.start) / (TICK_MINUTES * MINUTE));
export const tickTime = (index: number, tl: Timeline): number => tl.start + index * TICK_MINUTES * MINUTE;

// The fetch windows and channel pages a viewport needs.
export function windowsCovering(from: number, to: number, windowMs = WINDOW_MS): number[] {
  const out: number[] = [];
  for (let w = Math.floor(from / windowMs) * windowMs; w < to; w += windowMs) out.push(w);
  return out;
}

export function pagesCovering(firstRow: number, lastRow: number, pageSize = CHANNEL_PAGE): number[] {
  const out: number[] = [];
  if (lastRow < firstRow) return out;
  for (let p = Math.floor(firstRow / pageSize); p <= Math.floor(lastRow / pageSize); p++) out.push(p * pageSize);
  return out;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

// 24-hour clock time, as guides print it ("20:00").
export function formatClock(ms: number, timeZone: string): string {
  let f = clockFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(timeZone, f);
  }
  return f.format(ms);
}

export const formatRange = (start: number, stop: number, timeZone: string): string =>
  `${formatClock(start, timeZone)}–${formatClock(stop, timeZone)}`;

// Building a DateTimeFormat costs far more than using one: they are kept per zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

// "Today", "Tomorrow", "Yesterday", else "Mon 8 Dec".
export function dayLabel(day: GuideDay, timeZone: string, { long = false } = {}): string {
  if (day.offset === 0) return 'Today';
  if (day.offset === 1) return 'Tomorrow';
  if (day.offset === -1) return 'Yesterday';
  const key = `${timeZone}|${long}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, {
      timeZone,
      weekday: long ? 'long' : 'short',
      day: 'numeric',
      month: 'short',
    });
    dayFormats.set(key, f);
  }
  return f.format(day.start + 12 * HOUR);
}
