import type { TitleDetail } from '@kinora/shared';
import { describe, expect, it } from 'vitest';

import { episodeLabel, findEpisode, nextEpisode, upNextFrom } from './episodes';

const ep = (id: number, season_id: number, number: number, title = `Ep ${id}`) => ({
  id,
  season_id,
  number,
  title,
  synopsis: '',
  runtime_minutes: 30,
});

const series = {
  id: 53,
  type: 'series',
  title: 'Rainmouth',
  seasons: [
    { id: 2, title_id: 53, number: 2, name: 'Season 2', episodes: [ep(21, 2, 1)] },
    { id: 0, title_id: 53, number: 0, name: 'Specials', episodes: [ep(99, 0, 1, 'Behind the scenes')] },
    { id: 1, title_id: 53, number: 1, name: 'Season 1', episodes: [ep(12, 1, 2), ep(11, 1, 1)] },
  ],
} as unknown as TitleDetail;

describe('nextEpisode', () => {
  it('goes through a season in episode order, then to the next season', () => {
    expect(nextEpisode(series, 11)?.episode.id).toBe(12);
    expect(nextEpisode(series, 12)?.episode.id).toBe(21);
  });
  it('puts specials last and ends after them', () => {
    expect(nextEpisode(series, 21)?.episode.id).toBe(99);
    expect(nextEpisode(series, 99)).toBeNull();
  });
  it('has nothing for a movie, an unknown episode or no title yet', () => {
    expect(nextEpisode({ ...series, seasons: undefined } as TitleDetail, 11)).toBeNull();
    expect(nextEpisode(series, 5)).toBeNull();
    expect(nextEpisode(undefined, 11)).toBeNull();
    expect(nextEpisode(series, null)).toBeNull();
  });
});

describe('episodeLabel', () => {
  it('names season, number and title', () => {
    expect(episodeLabel(findEpisode(series, 12)!)).toBe('S1 · E2 · Ep 12');
    expect(episodeLabel(findEpisode(series, 99)!)).toBe('Special 1 · Behind the scenes');
  });
});

describe('upNextFrom', () => {
  it('offers the next episode for the last 20 s of a long episode', () => {
    expect(upNextFrom(2700)).toBe(2680);
  });
  it('offers it for the last tenth of a short one', () => {
    expect(upNextFrom(16)).toBeCloseTo(14.4);
    expect(upNextFrom(0)).toBe(0);
  });
});
