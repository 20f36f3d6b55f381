// Every case names its zone, so the results are the same on any machine's TZ.
import {
  addLocalDays,
  blockBox,
  dayIndexAt,
  dayKey,
  dayLabel,
  formatClock,
  formatRange,
  guideDays,
  HOUR,
  MINUTE,
  offsetMinutes,
  pagesCovering,
  sameTimeOnDay,
  startOfLocalDay,
  tickCount,
  tickTime,
  timelineWidth,
  timeToX,
  windowsCovering,
  xToTime,
  zonedTime,
  type Timeline,
} from './layout';

const BERLIN = 'Europe/Berlin';
const utc = (iso: string) => Date.parse(iso);

describe('local time in a zone', () => {
  test('Berlin is UTC+1 in winter and UTC+2 in summer', () => {
    expect(offsetMinutes(utc('2026-01-15T12:00:00Z'), BERLIN)).toBe(60);
    expect(offsetMinutes(utc('2026-07-15T12:00:00Z'), BERLIN)).toBe(120);
    expect(offsetMinutes(utc('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
  });

  test('local midnight is the start of the day, whatever the instant in it', () => {
    expect(startOfLocalDay(utc('2026-01-15T22:59:00Z'), BERLIN)).toBe(utc('2026-01-14T23:00:00Z'));
    expect(startOfLocalDay(utc('2026-01-15T23:00:00Z'), BERLIN)).toBe(utc('2026-01-15T23:00:00Z'));
    expect(startOfLocalDay(utc('2026-07-15T03:00:00Z'), 'America/New_York')).toBe(utc('2026-07-14T04:00:00Z'));
  });

  test('a time in the spring gap moves forward; a repeated autumn time is its first occurrence', () => {
    // 2026-03-29: Berlin's clocks jump from 02:00 to 03:00.
    expect(zonedTime(2026, 3, 29, 2, 30, BERLIN)).toBe(utc('2026-03-29T01:30:00Z'));
    expect(zonedTime(2026, 3, 29, 3, 0, BERLIN)).toBe(utc('2026-03-29T01:00:00Z'));
    // 2026-10-25: 03:00 CEST goes back to 02:00 CET, so 02:30 happens twice.
    expect(zonedTime(2026, 10, 25, 2, 30, BERLIN)).toBe(utc('2026-10-25T00:30:00Z'));
    expect(zonedTime(2026, 10, 25, 3, 30, BERLIN)).toBe(utc('2026-10-25T02:30:00Z'));
  });

  test('a day whose midnight is skipped starts at 01:00', () => {
    // Brazil moved its clocks at midnight: 2018-11-04 00:00 did not exist in São Paulo.
    const start = startOfLocalDay(utc('2018-11-04T15:00:00Z'), 'America/Sao_Paulo');
    expect(start).toBe(utc('2018-11-04T03:00:00Z'));
    expect(formatClock(start, 'America/Sao_Paulo')).toBe('01:00');
  });
});

describe('guide days', () => {
  test('a week either side of today, labelled by their local dates', () => {
    const days = guideDays(utc('2026-01-15T10:00:00Z'), BERLIN, 7, 6);
    expect(days).toHaveLength(14);
    expect(days[7]).toMatchObject({ offset: 0, key: '2026-01-15', start: utc('2026-01-14T23:00:00Z') });
    expect(days[0].key).toBe('2026-01-08');
    expect(days[13].key).toBe('2026-01-21');
    for (let i = 1; i < days.length; i++) expect(days[i].start).toBe(days[i - 1].end);
  });

  test('the spring DST day lasts 23 hours and the autumn one 25, in Berlin', () => {
    const spring = guideDays(utc('2026-03-29T10:00:00Z'), BERLIN, 0, 0)[0];
    expect(spring.start).toBe(utc('2026-03-28T23:00:00Z'));
    expect(spring.end - spring.start).toBe(23 * HOUR);
    const autumn = guideDays(utc('2026-10-25T10:00:00Z'), BERLIN, 0, 0)[0];
    expect(autumn.end - autumn.start).toBe(25 * HOUR);
    // A DST change later in the week does not shift the days after it.
    const week = guideDays(utc('2026-03-26T10:00:00Z'), BERLIN, 0, 6);
    expect(week.map((d) => d.key)).toEqual([
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
      '2026-04-01',
    ]);
    expect(week[4].start).toBe(utc('2026-03-29T22:00:00Z'));
  });

  test('adding days across a DST change lands on local midnight', () => {
    const sat = utc('2026-03-27T23:00:00Z');
    expect(addLocalDays(sat, 2, BERLIN)).toBe(utc('2026-03-29T22:00:00Z'));
    expect(addLocalDays(utc('2026-03-29T22:00:00Z'), -2, BERLIN)).toBe(sat);
    expect(dayKey(addLocalDays(sat, 10, BERLIN), BERLIN)).toBe('2026-04-07');
  });

  test('the day at an instant, and the same clock time on another day', () => {
    const days = guideDays(utc('2026-10-24T10:00:00Z'), BERLIN, 1, 2);
    expect(dayIndexAt(utc('2026-10-24T21:59:00Z'), days)).toBe(1);
    expect(dayIndexAt(utc('2026-10-24T22:00:00Z'), days)).toBe(2);
    expect(dayIndexAt(utc('2020-01-01T00:00:00Z'), days)).toBe(0);
    expect(dayIndexAt(utc('2030-01-01T00:00:00Z'), days)).toBe(3);
    // 20:00 on Saturday (CEST) is 20:00 on Sunday (CET), an hour later in UTC.
    const sun = days[2];
    const at = sameTimeOnDay(utc('2026-10-24T18:00:00Z'), sun, BERLIN);
    expect(at).toBe(utc('2026-10-25T19:00:00Z'));
    expect(formatClock(at, BERLIN)).toBe('20:00');
  });

  test('the short labels', () => {
    const days = guideDays(utc('2026-01-15T10:00:00Z'), BERLIN, 1, 1);
    expect(days.map((d) => dayLabel(d, BERLIN))).toEqual(['Yesterday', 'Today', 'Tomorrow']);
  });
});

describe('minutes to pixels', () => {
  const day = guideDays(utc('2026-01-15T10:00:00Z'), BERLIN, 0, 0)[0];
  const tl: Timeline = { start: day.start, end: day.end, pxPerMinute: 4 };

  test('a programme is as wide as it lasts, from its start', () => {
    const start = zonedTime(2026, 1, 15, 20, 0, BERLIN);
    expect(timeToX(start, tl)).toBe(20 * 60 * 4);
    expect(xToTime(20 * 60 * 4, tl)).toBe(start);
    expect(blockBox(start, start + HOUR, tl)).toEqual({ left: 4800, width: 240, cutStart: false, cutEnd: false });
    expect(timelineWidth(tl)).toBe(24 * 60 * 4);
  });

  test('blocks are clipped at the edges and dropped outside', () => {
    expect(blockBox(day.start - HOUR, day.start + 30 * MINUTE, tl)).toEqual({
      left: 0,
      width: 120,
      cutStart: true,
      cutEnd: false,
    });
    expect(blockBox(day.end - 15 * MINUTE, day.end + HOUR, tl)).toMatchObject({ width: 60, cutEnd: true });
    expect(blockBox(day.end, day.end + HOUR, tl)).toBeNull();
    expect(blockBox(day.start - 2 * HOUR, day.start, tl)).toBeNull();
  });

  test('neighbours share an edge at fractional scales', () => {
    const odd: Timeline = { ...tl, pxPerMinute: 3.3 };
    const a = blockBox(day.start + 7 * MINUTE, day.start + 52 * MINUTE, odd)!;
    const b = blockBox(day.start + 52 * MINUTE, day.start + 97 * MINUTE, odd)!;
    expect(a.left + a.width).toBe(b.left);
  });

  test('on the 25-hour day the repeated hour is drawn twice, with 50 half-hour ticks', () => {
    const autumn = guideDays(utc('2026-10-25T10:00:00Z'), BERLIN, 0, 0)[0];
    const atl: Timeline = { start: autumn.start, end: autumn.end, pxPerMinute: 2 };
    expect(tickCount(atl)).toBe(50);
    const labels = Array.from({ length: 8 }, (_, i) => formatClock(tickTime(i + 3, atl), BERLIN));
    expect(labels).toEqual(['01:30', '02:00', '02:30', '02:00', '02:30', '03:00', '03:30', '04:00']);
    expect(formatClock(tickTime(49, atl), BERLIN)).toBe('23:30');
    // 01:00–04:00 on the clock is four real hours that night.
    const p = blockBox(zonedTime(2026, 10, 25, 1, 0, BERLIN), zonedTime(2026, 10, 25, 4, 0, BERLIN), atl)!;
    expect(p.width).toBe(4 * 60 * 2);
  });

  test('on the 23-hour day there is no 02:00 tick and 46 ticks in all', () => {
    const spring = guideDays(utc('2026-03-29T10:00:00Z'), BERLIN, 0, 0)[0];
    const stl: Timeline = { start: spring.start, end: spring.end, pxPerMinute: 2 };
    expect(tickCount(stl)).toBe(46);
    const labels = Array.from({ length: 4 }, (_, i) => formatClock(tickTime(i + 2, stl), BERLIN));
    expect(labels).toEqual(['01:00', '01:30', '03:00', '03:30']);
    expect(formatRange(zonedTime(2026, 3, 29, 1, 0, BERLIN), zonedTime(2026, 3, 29, 4, 0, BERLIN), BERLIN)).toBe(
      '01:00–04:00',
    );
  });
});

describe('pages to fetch', () => {
  test('fixed UTC windows covering a time range', () => {
    const w = 6 * HOUR;
    expect(windowsCovering(utc('2026-01-15T05:00:00Z'), utc('2026-01-15T13:00:00Z'), w)).toEqual([
      utc('2026-01-15T00:00:00Z'),
      utc('2026-01-15T06:00:00Z'),
      utc('2026-01-15T12:00:00Z'),
    ]);
    expect(windowsCovering(utc('2026-01-15T06:00:00Z'), utc('2026-01-15T12:00:00Z'), w)).toEqual([
      utc('2026-01-15T06:00:00Z'),
    ]);
  });

  test('channel pages covering a row range', () => {
    expect(pagesCovering(0, 12, 50)).toEqual([0]);
    expect(pagesCovering(45, 101, 50)).toEqual([0, 50, 100]);
    expect(pagesCovering(5, 4, 50)).toEqual([]);
  });
});
