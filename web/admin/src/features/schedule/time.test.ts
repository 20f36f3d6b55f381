import { addDays, addMinutes, dayWindow, formatSpan, fromInput, isDay, toInput } from './time';

describe('schedule times (UTC)', () => {
  it('accepts only real YYYY-MM-DD days', () => {
    expect(isDay('2026-12-06')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-1-6')).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it('steps days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayWindow('2026-12-06')).toEqual({ from: '2026-12-06T00:00:00Z', to: '2026-12-07T00:00:00Z' });
  });

  it('round-trips RFC 3339 through a datetime-local value read as UTC', () => {
    expect(toInput('2026-12-06T17:15:00Z')).toBe('2026-12-06T17:15');
    expect(toInput('2026-12-06T18:15:00+01:00')).toBe('2026-12-06T17:15');
    expect(fromInput('2026-12-06T17:15')).toBe('2026-12-06T17:15:00Z');
    expect(fromInput('2026-12-06T17:15:30')).toBe('2026-12-06T17:15:30Z');
    expect(fromInput('')).toBeUndefined();
    expect(toInput('nonsense')).toBe('');
  });

  it('adds minutes in the API format', () => {
    expect(addMinutes('2026-12-06T23:45:00Z', 30)).toBe('2026-12-07T00:15:00Z');
  });

  it('names the other day when a programme crosses midnight', () => {
    expect(formatSpan('2026-12-06T10:00:00Z', '2026-12-06T11:30:00Z', '2026-12-06')).toBe('10:00 – 11:30');
    expect(formatSpan('2026-12-06T23:30:00Z', '2026-12-07T01:00:00Z', '2026-12-06')).toBe('23:30 – 01:00 (Mon)');
  });
});
