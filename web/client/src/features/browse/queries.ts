import { api, unwrap } from '@kinora/shared';
import { infiniteQueryOptions } from '@tanstack/react-query';

import type { BrowseFilters } from './filters';

export const PAGE_SIZE = 30;

export const browseKeys = {
  all: ['browse'] as const,
  list: (filters: BrowseFilters) => [...browseKeys.all, filters] as const,
};

export const browseQuery = (filters: BrowseFilters) =>
  infiniteQueryOptions({
    queryKey: browseKeys.list(filters),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/catalog/titles', {
          params: {
            query: {
              type: filters.type,
              genre: filters.genre,
              year_from: filters.yearFrom,
              year_to: filters.yearTo,
              maturity: filters.maturity,
              sort: filters.sort,
              limit: PAGE_SIZE,
              offset: pageParam,
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => {
      const next = last.offset + last.items.length;
      return last.items.length > 0 && next < last.total ? next : undefined;
    },
  });
