import type { Channel, GridProgramme } from '@kinora/shared';

import { groupTabs } from './GroupTabs';
import { HOUR, MINUTE } from './layout';
import {
  airing,
  canCatchUp,
  canStartOver,
  episodeLabel,
  liveUrl,
  mergeSlots,
  programmeLabel,
  startOverUrl,
  type Slot,
} from './programme';

const T = Date.parse('2026-01-15T19:00:00Z'); // 20:00 in Berlin
const programme = (id: number, over: Partial<GridProgramme> = {}): GridProgramme => ({
  id,
  channel_id: 1,
  title: 'World Tonight',
  subtitle: null,
  description: '',
  category: 'News',
  season: null,
  episode: null,
  start: '',
  stop: '',
  rating: 'all',
  title_id: null,
  clipped_start: '',
  clipped_stop: '',
  ...over,
});
const slot = (id: number, start: number, stop: number): Slot => ({ id, start, stop, programme: programme(id) });
const channel = { id: 1, name: 'Meridian News 24', number: 101 } as Channel;

describe('programme states', () => {
  const s = slot(1, T, T + HOUR);
  test('past, on now and later, with the stop exclusive', () => {
    expect(airing(s, T - 1)).toBe('later');
    expect(airing(s, T)).toBe('now');
    expect(airing(s, T + HOUR - 1)).toBe('now');
    expect(airing(s, T + HOUR)).toBe('past');
  });

  test('start-over and catch-up reach back 7 days from the start', () => {
    expect(canStartOver(s, T + 10 * MINUTE)).toBe(true);
    expect(canCatchUp(s, T + 10 * MINUTE)).toBe(false); // still on: start over, not catch up
    expect(canCatchUp(s, T + 2 * HOUR)).toBe(true);
    expect(canCatchUp(s, T + 7 * 24 * HOUR)).toBe(true);
    expect(canCatchUp(s, T + 7 * 24 * HOUR + MINUTE)).toBe(false);
    expect(canStartOver(s, T - MINUTE)).toBe(false);
  });

  test('the label says what, when, where and whether it is on', () => {
    expect(programmeLabel(s, channel, T + MINUTE, 'Europe/Berlin')).toBe(
      'World Tonight, 20:00–21:00, Meridian News 24, on now',
    );
    expect(programmeLabel(s, channel, T - MINUTE, 'Europe/Berlin')).toBe(
      'World Tonight, 20:00–21:00, Meridian News 24',
    );
    expect(programmeLabel(s, channel, T + 2 * HOUR, 'America/New_York')).toBe(
      'World Tonight, 14:00–15:00, Meridian News 24, catch-up',
    );
  });

  test('episode line and watch URLs', () => {
    expect(episodeLabel(programme(1, { season: 2, episode: 5, subtitle: 'The Vote' }))).toBe('S2E5 · The Vote');
    expect(episodeLabel(programme(1))).toBeNull();
    expect(liveUrl(7)).toBe('/watch/channel/7');
    expect(startOverUrl(7, 42)).toBe('/watch/channel/7?programme=42');
  });
});

describe('mergeSlots', () => {
  test('a programme across a window edge appears once, in start order', () => {
    const a = slot(1, T, T + HOUR);
    const b = slot(2, T + HOUR, T + 3 * HOUR);
    const c = slot(3, T + 3 * HOUR, T + 4 * HOUR);
    expect(
      mergeSlots([
        [b, c],
        [a, b],
      ]).map((x) => x.id),
    ).toEqual([1, 2, 3]);
    const one = [a, b];
    expect(mergeSlots([one])).toBe(one);
  });
});

describe('groupTabs', () => {
  const news = { id: 'news', name: 'News', kind: 'category' as const, count: 3, channel_ids: [1, 2, 3] };
  const sports = { id: 'sports', name: 'Sports', kind: 'category' as const, count: 2, channel_ids: [4, 5] };
  test('All, then the categories; All counts every channel once', () => {
    expect(groupTabs([news, sports]).map((t) => [t.key, t.label, t.count])).toEqual([
      ['all', 'All', 5],
      ['category:news', 'News', 3],
      ['category:sports', 'Sports', 2],
    ]);
  });

  test('Favourites first when the profile has any', () => {
    const fav = { id: 'favorites', name: 'Favorites', kind: 'favorites' as const, count: 1, channel_ids: [4] };
    const tabs = groupTabs([fav, news, sports]);
    expect(tabs.map((t) => t.label)).toEqual(['Favourites', 'All', 'News', 'Sports']);
    expect(tabs[0].filter).toEqual({ kind: 'favorites' });
    expect(tabs[1].count).toBe(5);
  });
});
