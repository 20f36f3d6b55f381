import { api, unwrap } from '@kinora/shared';
import { infiniteQueryOptions } from '@tanstack/react-query';

export const SEARCH_PAGE_SIZE = 24;
// The API reads at most 200 bytes of `q`; the input stops there too.
export const SEARCH_MAX_LENGTH = 200;

export const searchKeys = {
  all: ['search'] as const,
  results: (q: string) => [...searchKeys.all, q] as const,
};

// The signal lets TanStack Query abort the previous request when the query changes.
export const searchQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: searchKeys.results(q),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/catalog/search', {
          params: { query: { q, limit: SEARCH_PAGE_SIZE, offset: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => {
      const next = last.offset + last.items.length;
      return last.items.length > 0 && next < last.total ? next : undefined;
    },
    enabled: q.trim().length > 0,
  });
