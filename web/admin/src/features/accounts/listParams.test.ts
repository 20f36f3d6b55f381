import { describe, expect, it } from 'vitest';

import { parseAccountList, updateAccountList } from './listParams';

const params = (s: string) => new URLSearchParams(s);

describe('account list state in the URL', () => {
  it('reads search, tier and page, dropping what is malformed', () => {
    expect(parseAccountList(params('q=%20basic%20&tier=premium&page=3'))).toEqual({
      q: 'basic',
      tier: 'premium',
      page: 3,
    });
    expect(parseAccountList(params('tier=gold&page=-1'))).toEqual({ q: '', tier: undefined, page: 1 });
    expect(parseAccountList(params('page=999999')).page).toBe(1);
  });

  it('starts a new search or filter at page 1 and leaves defaults out', () => {
    expect(updateAccountList(params('page=4&q=a'), { q: 'ott' }).toString()).toBe('q=ott');
    expect(updateAccountList(params('page=4&q=a'), { tier: 'basic' }).toString()).toBe('q=a&tier=basic');
    expect(updateAccountList(params('q=a&tier=basic'), { page: 2 }).toString()).toBe('page=2&q=a&tier=basic');
    expect(updateAccountList(params('page=2&tier=basic'), { tier: undefined }).toString()).toBe('');
  });
});
