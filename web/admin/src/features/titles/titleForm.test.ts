import type { TitleDetail } from '@kinora/shared';

import { createTitleBody, titleValues, updateTitleBody } from './titleForm';

const stored: TitleDetail = {
  id: 7,
  slug: 'moon-bakery',
  type: 'movie',
  title: 'Moon Bakery',
  synopsis: 'Bread in orbit.',
  year: 2024,
  runtime_minutes: 95,
  maturity_rating: '7+',
  tier: 'standard',
  genres: ['comedy'],
  cast: ['Ada Crumb', 'Bo Leaven, Jr.'],
  director: 'Cy Proof',
  moods: ['cozy'],
  themes: ['space', 'baking'],
  popularity: 10,
  featured: false,
  added_at: '2026-01-01T00:00:00Z',
  poster_url: '/api/v1/artwork/titles/7/poster.svg',
  backdrop_url: '/api/v1/artwork/titles/7/backdrop.svg',
};

describe('title form values', () => {
  it('round-trips a stored title into inputs, cast one per line', () => {
    const v = titleValues(stored);
    expect(v.cast).toBe('Ada Crumb\nBo Leaven, Jr.');
    expect(v.themes).toBe('space, baking');
    expect(v.year).toBe('2024');
    expect(updateTitleBody(stored, v)).toEqual({});
  });

  it('creates with typed values and leaves empty boxes out for the server to name', () => {
    const v = { ...titleValues(), title: '  Orbit ', year: '', runtime_minutes: '30', moods: 'cozy,, warm ' };
    const body = createTitleBody(v);
    expect(body).toMatchObject({ type: 'movie', title: 'Orbit', runtime_minutes: 30, moods: ['cozy', 'warm'] });
    expect('year' in body).toBe(false);
    expect('slug' in body).toBe(false);
  });

  it('patches only what changed', () => {
    const v = {
      ...titleValues(stored),
      title: 'Lunar Patisserie',
      tier: 'basic' as const,
      genres: ['comedy', 'family'],
    };
    expect(updateTitleBody(stored, v)).toEqual({
      title: 'Lunar Patisserie',
      tier: 'basic',
      genres: ['comedy', 'family'],
    });
  });

  it('sends an emptied number or slug so the server refuses it at its field', () => {
    const v = { ...titleValues(stored), year: '', slug: ' ' };
    expect(updateTitleBody(stored, v)).toEqual({ year: null, slug: '' });
  });
});
