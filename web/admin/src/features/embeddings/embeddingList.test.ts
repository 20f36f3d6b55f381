import { embeddingListQuery, formatScore, parseEmbeddingList, updateEmbeddingList } from './embeddingList';

const parse = (qs: string) => parseEmbeddingList(new URLSearchParams(qs));

describe('embeddings titles URL state', () => {
  it('reads the filter, page and chosen title, dropping malformed ones', () => {
    expect(parse('embedding=stale&page=3&similar=42')).toEqual({ embedding: 'stale', page: 3, similar: 42 });
    expect(parse('embedding=old&page=x&similar=-1')).toEqual({ page: 1 });
  });

  it('starts a new filter at page 1 and keeps other keys', () => {
    const from = new URLSearchParams('job=abc&page=4&similar=7');
    expect(updateEmbeddingList(from, { embedding: 'missing' }).toString()).toBe('embedding=missing&job=abc&similar=7');
    expect(updateEmbeddingList(from, { similar: 9 }).toString()).toBe('job=abc&page=4&similar=9');
    expect(updateEmbeddingList(from, { similar: undefined, page: 1 }).toString()).toBe('job=abc');
  });

  it('asks the admin list for one page, A to Z', () => {
    expect(embeddingListQuery(parse('embedding=missing&page=2'))).toEqual({
      embedding: 'missing',
      sort: 'title',
      limit: 10,
      offset: 10,
    });
  });

  it('formats scores', () => {
    expect(formatScore(0.82346)).toBe('0.823');
    expect(formatScore(null)).toBe('—');
  });
});
