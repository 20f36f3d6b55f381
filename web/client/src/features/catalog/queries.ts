import { api, unwrap } from '@kinora/shared';
import { queryOptions } from '@tanstack/react-query';

// Catalog data several pages share.
export const catalogKeys = {
  all: ['catalog'] as const,
  genres: () => [...catalogKeys.all, 'genres'] as const,
};

export const genresQuery = () =>
  queryOptions({
    queryKey: catalogKeys.genres(),
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/catalog/genres', { signal }))).items,
    staleTime: 5 * 60_000,
  });
