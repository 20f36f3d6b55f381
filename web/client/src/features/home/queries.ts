import { api, unwrap } from '@kinora/shared';
import { queryOptions } from '@tanstack/react-query';

export const homeKeys = {
  all: ['home'] as const,
  rails: () => [...homeKeys.all, 'rails'] as const,
  featured: () => [...homeKeys.all, 'featured'] as const,
};

export const homeRailsQuery = () =>
  queryOptions({
    queryKey: homeKeys.rails(),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/recommendations/home', { params: { query: { per_rail: 20 } }, signal })),
  });

export const featuredQuery = () =>
  queryOptions({
    queryKey: homeKeys.featured(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/catalog/featured', { params: { query: { limit: 5 } }, signal })),
  });
