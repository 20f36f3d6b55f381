import type { WatchEntry } from '@kinora/shared';
import { describe, expect, it } from 'vitest';

import { continueItem, seriesDetail, titleSummary } from '../catalog/testData';
import { firstEpisode, resumePoint } from './resume';

const bookmark = (overrides: Partial<WatchEntry>): WatchEntry => ({
  title: titleSummary(1),
  episode: null,
  position_seconds: 600,
  duration_seconds: 5700,
  progress: 600 / 5700,
  completed: false,
  watched_seconds: 600,
  first_watched_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  ...overrides,
});

describe('resumePoint', () => {
  it('follows continue watching first, including its next episode', () => {
    const episode = { id: 102, season_number: 1, number: 2, title: 'Second', runtime_minutes: 50 };
    const next = continueItem(titleSummary(1), { episode, position_seconds: 0, progress: 0, up_next: true });
    expect(resumePoint(next, bookmark({}))).toEqual({ episodeId: 102, positionSeconds: 0, upNext: true, episode });
  });

  it('falls back to an unfinished bookmark (a title dismissed from continue watching)', () => {
    expect(resumePoint(undefined, bookmark({}))).toMatchObject({ positionSeconds: 600, upNext: false });
  });

  it('starts from the beginning when nothing is in progress', () => {
    expect(resumePoint(undefined, null)).toBeNull();
    expect(resumePoint(undefined, bookmark({ position_seconds: 5500, progress: 0.965, completed: true }))).toBeNull();
    expect(resumePoint(undefined, bookmark({ position_seconds: 0, progress: 0 }))).toBeNull();
  });
});

describe('firstEpisode', () => {
  it('is the first episode of the lowest-numbered season', () => {
    expect(firstEpisode(seriesDetail(5))?.episode.id).toBe(101);
  });

  it('is null for a series without episodes', () => {
    expect(firstEpisode({ ...seriesDetail(5), seasons: [] })).toBeNull();
  });
});
