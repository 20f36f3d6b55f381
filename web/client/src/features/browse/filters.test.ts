import { describe, expect, it } from 'vitest';

import { browsePath, parseFilters, serialiseFilters } from './filters';

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe('browse filters in the URL', () => {
  it('reads type, genre and sort', () => {
    expect(parse('type=series&genre=crime&sort=title')).toEqual({ type: 'series', genre: 'crime', sort: 'title' });
  });

  it('defaults to every type and genre, most popular first', () => {
    expect(parse('')).toEqual({ type: undefined, genre: undefined, sort: 'popularity' });
  });

  it('drops values the API would not take', () => {
    expect(parse('type=podcast&sort=random&genre=')).toEqual({ type: undefined, genre: undefined, sort: 'popularity' });
    expect(parse(`genre=${'x'.repeat(65)}`).genre).toBeUndefined();
    expect(parse('genre=%3Cscript%3E').genre).toBeUndefined();
  });

  it('normalises the genre slug', () => {
    expect(parse('genre=%20Sci-Fi%20').genre).toBe('sci-fi');
  });

  it('writes a canonical query: defaults left out, stable order', () => {
    expect(serialiseFilters({ sort: 'popularity' }).toString()).toBe('');
    expect(serialiseFilters({ sort: 'year', genre: 'drama', type: 'movie' }).toString()).toBe(
      'type=movie&genre=drama&sort=year',
    );
  });

  it('round-trips', () => {
    for (const q of ['', 'type=movie', 'genre=comedy&sort=added', 'type=series&genre=crime&sort=title']) {
      expect(serialiseFilters(parse(q)).toString()).toBe(q);
    }
  });

  it('builds links', () => {
    expect(browsePath({})).toBe('/browse');
    expect(browsePath({ genre: 'family' })).toBe('/browse?genre=family');
    expect(browsePath({ sort: 'year' })).toBe('/browse?sort=year');
  });
});
