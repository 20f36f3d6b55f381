import { api, unwrap, type EmbeddingJob } from '@kinora/shared';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import { embeddingListQuery, type EmbeddingListState } from './embeddingList';

export const embeddingKeys = {
  all: ['admin', 'embeddings'] as const,
  status: () => [...embeddingKeys.all, 'status'] as const,
  catalogSize: () => [...embeddingKeys.all, 'catalog-size'] as const,
  job: (id: string) => [...embeddingKeys.all, 'job', id] as const,
  titles: (state: EmbeddingListState) => [...embeddingKeys.all, 'titles', state.embedding, state.page] as const,
  similar: (id: number) => [...embeddingKeys.all, 'similar', id] as const,
};

// Titles with their embedding status, from the admin list and its embedding= filter.
export const embeddingTitlesQuery = (state: EmbeddingListState) =>
  queryOptions({
    queryKey: embeddingKeys.titles(state),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/admin/titles', { params: { query: embeddingListQuery(state) }, signal })),
    placeholderData: keepPreviousData,
  });

// What More Like This would show next to a title, over the whole catalog, with scores.
export const similarTitlesQuery = (id: number) =>
  queryOptions({
    queryKey: embeddingKeys.similar(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/admin/titles/{id}/similar', { params: { path: { id }, query: { limit: 10 } }, signal })),
  });

export const embeddingStatusQuery = () =>
  queryOptions({
    queryKey: embeddingKeys.status(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/embeddings', { signal })),
    staleTime: 0,
  });

// How many titles there are, to say "68 of 70 embedded": one row of the admin list.
export const catalogSizeQuery = () =>
  queryOptions({
    queryKey: embeddingKeys.catalogSize(),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/admin/titles', { params: { query: { limit: 1 } }, signal }))).total,
    staleTime: 0,
  });

export const isRunning = (job: EmbeddingJob | undefined) => job?.status === 'running';

// Jobs live in the server's memory; polled each second while running.
export const embeddingJobQuery = (id: string) =>
  queryOptions({
    queryKey: embeddingKeys.job(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/admin/embeddings/jobs/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) =>
      query.state.error || (query.state.data && !isRunning(query.state.data)) ? false : 1000,
    staleTime: 0,
  });

export function useGenerateEmbeddings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (regenerate: boolean) =>
      unwrap(api.POST('/api/v1/admin/embeddings/generate', { params: { query: { regenerate } } })),
    onSuccess: (job) => queryClient.setQueryData(embeddingKeys.job(job.id), job),
  });
}
