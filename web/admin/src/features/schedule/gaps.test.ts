import { dayGaps, daySlots, formatDuration, formatGapSpan } from './gaps';

const day = '2026-12-10';
const p = (start: string, stop: string, title = `${start}-${stop}`) => ({
  title,
  start: `${day}T${start}:00Z`,
  stop: `${day}T${stop}:00Z`,
});

describe('a day’s gaps', () => {
  it('is one gap, the whole day, when nothing is scheduled', () => {
    expect(dayGaps(day, [])).toEqual([{ start: `${day}T00:00:00Z`, stop: '2026-12-11T00:00:00Z', minutes: 1440 }]);
  });

  it('finds the free time before, between and after programmes, in order', () => {
    const gaps = dayGaps(day, [p('14:00', '15:00'), p('10:00', '11:30')]);
    expect(gaps.map((g) => [g.start.slice(11, 16), g.stop.slice(11, 16), g.minutes])).toEqual([
      ['00:00', '10:00', 600],
      ['11:30', '14:00', 150],
      ['15:00', '00:00', 540],
    ]);
  });

  it('sees no gap between back-to-back programmes', () => {
    const gaps = dayGaps(day, [p('00:00', '08:00'), p('08:00', '16:00'), p('16:00', '23:59')]);
    expect(gaps).toEqual([{ start: `${day}T23:59:00Z`, stop: '2026-12-11T00:00:00Z', minutes: 1 }]);
  });

  it('clips programmes crossing midnight at either end of the day', () => {
    const gaps = dayGaps(day, [
      { start: '2026-12-09T23:00:00Z', stop: `${day}T01:30:00Z` },
      { start: `${day}T22:00:00Z`, stop: '2026-12-11T02:00:00Z' },
    ]);
    expect(gaps).toEqual([{ start: `${day}T01:30:00Z`, stop: `${day}T22:00:00Z`, minutes: 1230 }]);
  });

  it('covers the union of overlapping programmes, and one covering the whole day leaves none', () => {
    expect(dayGaps(day, [p('10:00', '12:00'), p('11:00', '11:30'), p('11:45', '13:00')]).map((g) => g.minutes)).toEqual(
      [600, 660],
    );
    expect(dayGaps(day, [{ start: '2026-12-09T20:00:00Z', stop: '2026-12-11T04:00:00Z' }])).toEqual([]);
  });

  it('ignores programmes outside the day and reads offsets as instants', () => {
    const gaps = dayGaps(day, [
      { start: '2026-12-09T20:00:00Z', stop: '2026-12-09T23:00:00Z' },
      { start: `${day}T12:00:00+02:00`, stop: `${day}T13:00:00+02:00` },
    ]);
    expect(gaps.map((g) => g.start.slice(11, 16))).toEqual(['00:00', '11:00']);
  });

  it('puts programmes and gaps in time order, a gap after the programme it follows', () => {
    const slots = daySlots(day, [p('11:00', '12:00', 'B'), p('10:00', '11:00', 'A')]);
    expect(slots.map((s) => (s.kind === 'gap' ? `gap ${s.gap.start.slice(11, 16)}` : s.programme.title))).toEqual([
      'gap 00:00',
      'A',
      'B',
      'gap 12:00',
    ]);
  });
});

describe('gap wording', () => {
  it('says durations in hours and minutes', () => {
    expect(formatDuration(1440)).toBe('24 h');
    expect(formatDuration(90)).toBe('1 h 30 min');
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(0.5)).toBe('under 1 min');
  });

  it('ends the day at 24:00', () => {
    const [whole] = dayGaps(day, []);
    expect(formatGapSpan(whole, day)).toBe('00:00 – 24:00');
    expect(formatGapSpan({ start: `${day}T11:30:00Z`, stop: `${day}T14:00:00Z`, minutes: 150 }, day)).toBe(
      '11:30 – 14:00',
    );
  });
});
