import { describe, expect, it } from 'vitest';

import { seriesDetail, titleSummary } from '../catalog/testData';
import { isOnWatchlist, ratingOf, withoutContinue, withRating, withWatchlist } from './optimistic';

const now = new Date('2026-03-01T10:00:00.123Z');
const entry = (id: number) => ({ title: titleSummary(id), added_at: '2026-01-01T00:00:00Z' });

describe('watchlist cache edits', () => {
  it('adds a title at the top, as the API lists the newest first', () => {
    const next = withWatchlist({ items: [entry(1)] }, titleSummary(2), true, now);
    expect(next?.items.map((e) => e.title.id)).toEqual([2, 1]);
    expect(next?.items[0].added_at).toBe('2026-03-01T10:00:00Z');
  });

  it('keeps the place of a title added again', () => {
    const list = { items: [entry(1), entry(2)] };
    expect(withWatchlist(list, titleSummary(2), true, now)).toBe(list);
  });

  it('removes a title', () => {
    expect(
      withWatchlist({ items: [entry(1), entry(2)] }, titleSummary(1), false)?.items.map((e) => e.title.id),
    ).toEqual([2]);
  });

  it('stores a series as a summary, without its seasons', () => {
    const next = withWatchlist({ items: [] }, seriesDetail(9), true, now);
    expect(next?.items[0].title).not.toHaveProperty('seasons');
    expect(next?.items[0].title.id).toBe(9);
  });

  it('leaves a list that was never loaded alone', () => {
    expect(withWatchlist(undefined, titleSummary(1), true)).toBeUndefined();
  });

  it('answers membership', () => {
    expect(isOnWatchlist({ items: [entry(3)] }, 3)).toBe(true);
    expect(isOnWatchlist({ items: [entry(3)] }, 4)).toBe(false);
    expect(isOnWatchlist(undefined, 3)).toBe(false);
  });
});

describe('ratings and continue watching cache edits', () => {
  it('replaces a rating and removes one', () => {
    const list = { items: [{ title: titleSummary(1), rating: 'up' as const, updated_at: '2026-01-01T00:00:00Z' }] };
    const loved = withRating(list, titleSummary(1), 'love', now);
    expect(loved?.items).toHaveLength(1);
    expect(ratingOf(loved, 1)).toBe('love');
    expect(ratingOf(withRating(loved, titleSummary(1), null), 1)).toBeNull();
  });

  it('drops a dismissed title', () => {
    const list = {
      items: [1, 2].map((id) => ({
        title: titleSummary(id),
        episode: null,
        position_seconds: 10,
        duration_seconds: 100,
        progress: 0.1,
        up_next: false,
        updated_at: '2026-01-01T00:00:00Z',
      })),
    };
    expect(withoutContinue(list, 1)?.items.map((i) => i.title.id)).toEqual([2]);
  });
});
