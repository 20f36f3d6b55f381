import {
  api,
  isApiError,
  unwrap,
  type ContinueWatchingList,
  type Rating,
  type RatingList,
  type TitleSummary,
  type Watchlist,
} from '@kinora/shared';
import { queryOptions, useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

import { homeKeys } from '../home/queries';
import { titleKeys } from '../title/queries';
import { withoutContinue, withRating, withWatchlist } from './optimistic';

// The profile's own lists. Query keys need no profile id: the query cache is cleared
// whenever the profile changes (see RequireSession).
export const libraryKeys = {
  all: ['library'] as const,
  watchlist: () => [...libraryKeys.all, 'watchlist'] as const,
  continueWatching: () => [...libraryKeys.all, 'continue-watching'] as const,
  ratings: () => [...libraryKeys.all, 'ratings'] as const,
};

export const watchlistQuery = () =>
  queryOptions({
    queryKey: libraryKeys.watchlist(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/viewing/watchlist', { signal })),
  });

export const continueWatchingQuery = () =>
  queryOptions({
    queryKey: libraryKeys.continueWatching(),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/viewing/continue-watching', { params: { query: { limit: 100 } }, signal })),
  });

export const ratingsQuery = () =>
  queryOptions({
    queryKey: libraryKeys.ratings(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/viewing/ratings', { signal })),
  });

// A DELETE of something already gone is the outcome that was wanted.
async function ignoreNotFound(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (err) {
    if (!isApiError(err) || err.status !== 404) throw err;
  }
}

// Shows the change at once, puts the list back if the server refuses, and refetches
// everything that shows the list (My List, the home rails, the title page) either way.
function useOptimistic<V, D>({
  key,
  call,
  edit,
  invalidate,
}: {
  key: QueryKey;
  call: (vars: V) => Promise<unknown>;
  edit: (old: D | undefined, vars: V) => D | undefined;
  invalidate: (vars: V) => QueryKey[];
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onMutate: async (vars: V) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<D>(key);
      queryClient.setQueryData<D>(key, (old) => edit(old, vars));
      return { previous };
    },
    onError: (_err, _vars, context) => {
      if (context) queryClient.setQueryData(key, context.previous);
    },
    onSettled: (_data, _err, vars) =>
      Promise.all([key, ...invalidate(vars)].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export interface WatchlistChange {
  title: TitleSummary;
  add: boolean;
}

export const useWatchlistMutation = () =>
  useOptimistic<WatchlistChange, Watchlist>({
    key: libraryKeys.watchlist(),
    call: ({ title, add }) => {
      const params = { path: { title_id: title.id } };
      return add
        ? unwrap(api.PUT('/api/v1/viewing/watchlist/{title_id}', { params }))
        : ignoreNotFound(unwrap(api.DELETE('/api/v1/viewing/watchlist/{title_id}', { params })));
    },
    edit: (old, { title, add }) => withWatchlist(old, title, add),
    invalidate: ({ title }) => [homeKeys.rails(), titleKeys.detail(title.id)],
  });

export interface RatingChange {
  title: TitleSummary;
  rating: Rating | null;
}

export const useRatingMutation = () =>
  useOptimistic<RatingChange, RatingList>({
    key: libraryKeys.ratings(),
    call: ({ title, rating }) => {
      const params = { path: { title_id: title.id } };
      return rating
        ? unwrap(api.PUT('/api/v1/viewing/ratings/{title_id}', { params, body: { rating } }))
        : ignoreNotFound(unwrap(api.DELETE('/api/v1/viewing/ratings/{title_id}', { params })));
    },
    edit: (old, { title, rating }) => withRating(old, title, rating),
    // For You and Because You Watched follow ratings.
    invalidate: () => [homeKeys.rails()],
  });

export const useDismissContinueMutation = () =>
  useOptimistic<number, ContinueWatchingList>({
    key: libraryKeys.continueWatching(),
    call: (titleId) =>
      ignoreNotFound(
        unwrap(api.DELETE('/api/v1/viewing/continue-watching/{title_id}', { params: { path: { title_id: titleId } } })),
      ),
    edit: (old, titleId) => withoutContinue(old, titleId),
    invalidate: (titleId) => [homeKeys.rails(), titleKeys.resume(titleId)],
  });
