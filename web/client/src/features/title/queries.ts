import { api, isApiError, unwrap } from '@kinora/shared';
import { queryOptions } from '@tanstack/react-query';

import { isPreparing, preparingPollMs } from './availability';

export const titleKeys = {
  all: ['title'] as const,
  detail: (id: number) => [...titleKeys.all, id, 'detail'] as const,
  similar: (id: number) => [...titleKeys.all, id, 'similar'] as const,
  resume: (id: number) => [...titleKeys.all, id, 'bookmark'] as const,
  history: () => [...titleKeys.all, 'history'] as const,
};

export const titleQuery = (id: number) =>
  queryOptions({
    queryKey: titleKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/catalog/titles/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) => (isPreparing(query.state.data) ? preparingPollMs : false),
  });

export const similarQuery = (id: number) =>
  queryOptions({
    queryKey: titleKeys.similar(id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/recommendations/similar/{id}', { params: { path: { id }, query: { limit: 12 } }, signal }),
      ),
  });

// Where the title was left; null when the profile has not watched it (a 404 no-bookmark).
export const bookmarkQuery = (id: number) =>
  queryOptions({
    queryKey: titleKeys.resume(id),
    queryFn: async ({ signal }) => {
      try {
        return await unwrap(
          api.GET('/api/v1/viewing/bookmarks/{title_id}', { params: { path: { title_id: id } }, signal }),
        );
      } catch (err) {
        if (isApiError(err) && err.status === 404) return null;
        throw err;
      }
    },
  });

// One entry per watched episode; the episode list reads its progress bars from here.
// The API pages history at 100 at most, which covers the recent episodes of a series.
export const historyQuery = () =>
  queryOptions({
    queryKey: titleKeys.history(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/viewing/history', { params: { query: { limit: 100 } }, signal })),
  });
