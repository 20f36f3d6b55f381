import { describe, expect, it } from 'vitest';

import { browsePath, parseFilters, serialiseFilters } from './filters';

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe('browse filters in the URL', () => {
  it('reads type, genre and sort', () => {
    expect(parse('type=series&genre=crime&sort=title')).toMatchObject({
      type: 'series',
      genre: 'crime',
      sort: 'title',
    });
  });

  it('defaults to every type and genre, most popular first', () => {
    expect(parse('')).toEqual({ sort: 'popularity' });
  });

  it('drops values the API would not take', () => {
    expect(parse('type=podcast&sort=random&genre=&maturity=21%2B&year_from=99&year_to=3000')).toEqual({
      sort: 'popularity',
    });
    expect(parse(`genre=${'x'.repeat(65)}`).genre).toBeUndefined();
    expect(parse('genre=%3Cscript%3E').genre).toBeUndefined();
  });

  it('reads a year range, in either order, and a maturity ceiling', () => {
    expect(parse('year_from=2010&year_to=2019&maturity=13%2B')).toMatchObject({
      yearFrom: 2010,
      yearTo: 2019,
      maturity: '13+',
    });
    expect(parse('year_from=2019&year_to=2010')).toMatchObject({ yearFrom: 2010, yearTo: 2019 });
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
    for (const q of [
      '',
      'type=movie',
      'genre=comedy&sort=added',
      'type=series&genre=crime&sort=title',
      'year_from=2000&year_to=2009&maturity=7%2B',
    ]) {
      expect(serialiseFilters(parse(q)).toString()).toBe(q);
    }
  });

  it('builds links', () => {
    expect(browsePath({})).toBe('/browse');
    expect(browsePath({ genre: 'family' })).toBe('/browse?genre=family');
    expect(browsePath({ sort: 'year' })).toBe('/browse?sort=year');
  });
});
