import { listQuery, parseTitleList, toggleSort, updateTitleList } from './listParams';

const parse = (qs: string) => parseTitleList(new URLSearchParams(qs));

describe('titles table URL state', () => {
  it('reads the defaults from an empty query', () => {
    expect(parse('')).toEqual({ q: '', sort: 'popularity', order: 'desc', page: 1 });
  });

  it('reads every known parameter', () => {
    expect(parse('q=%20star%20&type=series&genre=Sci-Fi&maturity=13%2B&sort=title&order=desc&page=3')).toEqual({
      q: 'star',
      type: 'series',
      genre: 'sci-fi',
      maturity: '13+',
      sort: 'title',
      order: 'desc',
      page: 3,
    });
  });

  it('drops malformed values instead of failing', () => {
    expect(parse('type=film&genre=%3Cb%3E&maturity=21&sort=rank&order=up&page=-2')).toEqual({
      q: '',
      sort: 'popularity',
      order: 'desc',
      page: 1,
    });
    expect(parse('page=1e3').page).toBe(1);
    expect(parse('page=999999').page).toBe(1);
    expect(parse(`q=${'a'.repeat(300)}`).q).toHaveLength(200);
  });

  it('takes the API default order for the sort', () => {
    expect(parse('sort=title').order).toBe('asc');
    expect(parse('sort=year').order).toBe('desc');
  });

  it('writes a canonical query: defaults out, page reset on a new search or filter', () => {
    const from = new URLSearchParams('page=4&sort=year');
    expect(updateTitleList(from, { q: 'moon' }).toString()).toBe('q=moon&sort=year');
    expect(updateTitleList(from, { page: 5 }).toString()).toBe('page=5&sort=year');
    expect(updateTitleList(from, { sort: 'popularity' }).toString()).toBe('');
    expect(updateTitleList(new URLSearchParams(), { sort: 'title', order: 'desc' }).toString()).toBe(
      'order=desc&sort=title',
    );
    expect(updateTitleList(new URLSearchParams('type=movie'), { type: undefined }).toString()).toBe('');
  });

  it('flips the direction on the same column, takes the default on another', () => {
    const state = parse('sort=year');
    expect(toggleSort(state, 'year')).toEqual({ sort: 'year', order: 'asc' });
    expect(toggleSort(state, 'title')).toEqual({ sort: 'title', order: 'asc' });
  });

  it('turns the page into an API offset', () => {
    expect(listQuery(parse('page=3&type=movie'))).toMatchObject({ type: 'movie', limit: 20, offset: 40 });
  });

  it('keeps the media and embedding filters in the URL and sends them to the API', () => {
    const state = parse('media=none&embedding=stale&page=2');
    expect(state).toMatchObject({ media: 'none', embedding: 'stale', page: 2 });
    expect(listQuery(state)).toMatchObject({ media: 'none', embedding: 'stale', offset: 20 });
    expect(parse('media=broken&embedding=old')).toEqual({ q: '', sort: 'popularity', order: 'desc', page: 1 });
    const from = new URLSearchParams('page=3&embedding=missing');
    expect(updateTitleList(from, { media: 'ready' }).toString()).toBe('embedding=missing&media=ready');
    expect(updateTitleList(from, { embedding: undefined }).toString()).toBe('');
  });
});
