import type { Programme } from '@kinora/shared';
import { describe, expect, it } from 'vitest';

import { followingDays, programmesForDay } from './copyDay';

const programme = (id: number, start: string, stop: string): Programme => ({
  id,
  channel_id: 3,
  title: `Show ${id}`,
  subtitle: null,
  description: '',
  category: 'news',
  season: null,
  episode: null,
  start,
  stop,
  rating: '7+',
  title_id: null,
});

describe('programmesForDay', () => {
  it("moves the day's programmes to another day at the same UTC times, the last past midnight too", () => {
    const items = [
      programme(1, '2026-03-28T23:30:00Z', '2026-03-29T00:30:00Z'), // began the day before: stays
      programme(2, '2026-03-29T06:00:00Z', '2026-03-29T07:00:00Z'),
      programme(3, '2026-03-29T23:00:00Z', '2026-03-30T01:00:00Z'),
    ];
    expect(programmesForDay(items, '2026-03-29', '2026-04-02')).toEqual([
      expect.objectContaining({ title: 'Show 2', start: '2026-04-02T06:00:00Z', stop: '2026-04-02T07:00:00Z' }),
      expect.objectContaining({ title: 'Show 3', start: '2026-04-02T23:00:00Z', stop: '2026-04-03T01:00:00Z' }),
    ]);
  });

  it('sends only what the replace-day route takes', () => {
    const [moved] = programmesForDay(
      [programme(2, '2026-03-29T06:00:00Z', '2026-03-29T07:00:00Z')],
      '2026-03-29',
      '2026-03-30',
    );
    expect(Object.keys(moved).sort()).toEqual(
      [
        'category',
        'description',
        'episode',
        'rating',
        'season',
        'start',
        'stop',
        'subtitle',
        'title',
        'title_id',
      ].sort(),
    );
  });
});

describe('followingDays', () => {
  it('lists the week after a day, across a month end', () => {
    expect(followingDays('2026-01-29', 4)).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
  });
});
