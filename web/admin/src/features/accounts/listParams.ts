import type { Tier } from '@kinora/shared';

import { TIERS } from '../../ui/options';
import { mergeParams, readEnum, readInt, readText } from '../../ui/urlState';

// The accounts table's state in the URL: ?q=&tier=&page=.
export const ACCOUNT_PAGE_SIZE = 25;
const MAX_OFFSET = 100_000; // the API's offset bound

export interface AccountListState {
  q: string;
  tier?: Tier;
  page: number;
}

export function parseAccountList(params: URLSearchParams): AccountListState {
  return {
    q: readText(params, 'q', 200),
    tier: readEnum(
      params,
      'tier',
      TIERS.map((t) => t.value),
    ),
    page: readInt(params, 'page', { min: 1, max: MAX_OFFSET / ACCOUNT_PAGE_SIZE + 1, fallback: 1 }),
  };
}

// A change as the next query string: a new search or tier starts again at page 1.
export function updateAccountList(params: URLSearchParams, change: Partial<AccountListState>): URLSearchParams {
  const next = { ...parseAccountList(params), ...change };
  if (change.page === undefined) next.page = 1;
  return mergeParams(params, { q: next.q, tier: next.tier, page: next.page }, { page: 1 });
}
