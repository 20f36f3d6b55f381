import type { ContinueItem, TitleDetail, TitleSummary } from '@kinora/shared';

// Fixtures for unit tests, typed by the API schema so they stay in its shape.
export function titleSummary(id: number, overrides: Partial<TitleSummary> = {}): TitleSummary {
  return {
    id,
    slug: `title-${id}`,
    type: 'movie',
    title: `Title ${id}`,
    synopsis: 'A story.',
    year: 2020 + (id % 5),
    runtime_minutes: 95,
    maturity_rating: '13+',
    tier: 'basic',
    genres: ['drama'],
    cast: [],
    director: '',
    moods: [],
    themes: [],
    popularity: 50,
    featured: false,
    added_at: '2026-01-01T00:00:00Z',
    poster_url: `/api/v1/artwork/titles/${id}/poster.svg`,
    backdrop_url: `/api/v1/artwork/titles/${id}/backdrop.svg`,
    ...overrides,
  };
}

export function seriesDetail(id: number): TitleDetail {
  return {
    ...titleSummary(id, { type: 'series' }),
    seasons: [
      {
        id: 20,
        title_id: id,
        number: 2,
        name: 'Season 2',
        episodes: [{ id: 201, season_id: 20, number: 1, title: 'Later', synopsis: '', runtime_minutes: 50 }],
      },
      {
        id: 10,
        title_id: id,
        number: 1,
        name: 'Season 1',
        episodes: [
          { id: 101, season_id: 10, number: 1, title: 'Pilot', synopsis: '', runtime_minutes: 50 },
          { id: 102, season_id: 10, number: 2, title: 'Second', synopsis: '', runtime_minutes: 50 },
        ],
      },
    ],
  };
}

export function continueItem(title: TitleSummary, overrides: Partial<ContinueItem> = {}): ContinueItem {
  return {
    title,
    episode: null,
    position_seconds: 754,
    duration_seconds: 5700,
    progress: 754 / 5700,
    up_next: false,
    updated_at: '2026-01-02T00:00:00Z',
    ...overrides,
  };
}
