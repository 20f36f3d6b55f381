import {
  api,
  unwrap,
  unwrapWithEtag,
  type AdminTitlePage,
  type EpisodeCreate,
  type EpisodeUpdate,
  type SeasonCreate,
  type SearchPage,
  type SeasonUpdate,
  type TitleCreate,
  type TitleDetail,
  type TitleUpdate,
  type Versioned,
} from '@kinora/shared';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import { listQuery, PAGE_SIZE, type TitleListState } from './listParams';
import type { DeleteVars } from '../../ui/VersionedDeleteButton';

export const titleKeys = {
  all: ['admin', 'titles'] as const,
  lists: () => [...titleKeys.all, 'list'] as const,
  list: (state: TitleListState) => [...titleKeys.lists(), state] as const,
  detail: (id: number) => [...titleKeys.all, 'detail', id] as const,
  genres: () => ['admin', 'genres'] as const,
};

// The admin list has filters and sorting but no text search; a search goes to the catalog's
// full-text search, which ranks by relevance and applies the admin profile's visibility
// (an admin's own profile normally sees everything).
export const titleListQuery = (state: TitleListState) =>
  queryOptions({
    queryKey: titleKeys.list(state),
    queryFn: ({ signal }): Promise<SearchPage | AdminTitlePage> =>
      state.q
        ? unwrap(
            api.GET('/api/v1/catalog/search', {
              params: { query: { q: state.q, limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE } },
              signal,
            }),
          )
        : unwrap(api.GET('/api/v1/admin/titles', { params: { query: listQuery(state) }, signal })),
    placeholderData: keepPreviousData,
  });

// The title with its ETag: a save sends back the tag of the version its form was opened on.
export const titleQuery = (id: number) =>
  queryOptions({
    queryKey: titleKeys.detail(id),
    queryFn: ({ signal }) => unwrapWithEtag(api.GET('/api/v1/admin/titles/{id}', { params: { path: { id } }, signal })),
  });

export const genresQuery = () =>
  queryOptions({
    queryKey: titleKeys.genres(),
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/catalog/genres', { signal }))).items,
    staleTime: 5 * 60_000,
  });

export function useCreateTitle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TitleCreate) => unwrapWithEtag(api.POST('/api/v1/admin/titles', { body })),
    onSuccess: (created) => {
      queryClient.setQueryData(titleKeys.detail(created.data.id), created);
      void queryClient.invalidateQueries({ queryKey: titleKeys.lists() });
    },
  });
}

export function useUpdateTitle(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    // etag: what the form was opened on; a stale one makes the server answer 412
    // precondition-failed and change nothing.
    mutationFn: ({ body, etag }: { body: TitleUpdate; etag: string | null }) =>
      unwrapWithEtag(
        api.PATCH('/api/v1/admin/titles/{id}', {
          params: { path: { id }, header: etag ? { 'If-Match': etag } : undefined },
          body,
        }),
      ),
    onSuccess: (saved: Versioned<TitleDetail>) => {
      queryClient.setQueryData(titleKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: titleKeys.lists() });
    },
  });
}

export function useDeleteTitle(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    // etag: the version the edit page shows; when someone changed the title since, the
    // server answers 412 precondition-failed and deletes nothing. While viewers watch it,
    // 409 in-use, unless endStreams ends their streams first.
    mutationFn: ({ etag, endStreams }: DeleteVars) =>
      unwrap(
        api.DELETE('/api/v1/admin/titles/{id}', {
          params: {
            path: { id },
            query: endStreams ? { end_streams: true } : undefined,
            header: etag ? { 'If-Match': etag } : undefined,
          },
        }),
      ),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: titleKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: titleKeys.lists() });
    },
  });
}

// Seasons and episodes answer only themselves; the title (with its seasons) is read again.
function useSeriesMutation<V>(titleId: number, call: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: titleKeys.detail(titleId) }),
  });
}

export const useCreateSeason = (titleId: number) =>
  useSeriesMutation(titleId, (body: SeasonCreate) =>
    unwrap(api.POST('/api/v1/admin/titles/{id}/seasons', { params: { path: { id: titleId } }, body })),
  );

export const useUpdateSeason = (titleId: number) =>
  useSeriesMutation(titleId, ({ id, body }: { id: number; body: SeasonUpdate }) =>
    unwrap(api.PATCH('/api/v1/admin/seasons/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteSeason = (titleId: number) =>
  useSeriesMutation(titleId, (id: number) =>
    unwrap(api.DELETE('/api/v1/admin/seasons/{id}', { params: { path: { id } } })),
  );

export const useCreateEpisode = (titleId: number) =>
  useSeriesMutation(titleId, ({ seasonId, body }: { seasonId: number; body: EpisodeCreate }) =>
    unwrap(api.POST('/api/v1/admin/seasons/{id}/episodes', { params: { path: { id: seasonId } }, body })),
  );

export const useUpdateEpisode = (titleId: number) =>
  useSeriesMutation(titleId, ({ id, body }: { id: number; body: EpisodeUpdate }) =>
    unwrap(api.PATCH('/api/v1/admin/episodes/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteEpisode = (titleId: number) =>
  useSeriesMutation(titleId, (id: number) =>
    unwrap(api.DELETE('/api/v1/admin/episodes/{id}', { params: { path: { id } } })),
  );
