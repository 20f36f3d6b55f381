import { api, unwrap } from '@kinora/shared';
import { queryOptions } from '@tanstack/react-query';

export const playerKeys = {
  all: ['player'] as const,
  title: (id: number) => [...playerKeys.all, 'title', id] as const,
  schedule: (channelId: number, from: string, to: string) =>
    [...playerKeys.all, 'schedule', channelId, from, to] as const,
};

// The title playing, for its name and (series) the episode after this one.
export const titleQuery = (id: number) =>
  queryOptions({
    queryKey: playerKeys.title(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/catalog/titles/{id}', { params: { path: { id } }, signal })),
    staleTime: 5 * 60_000,
    retry: false,
  });

// A channel's programmes in [from, to): the one on air, or the one started over.
export const scheduleQuery = (channelId: number, from: string, to: string) =>
  queryOptions({
    queryKey: playerKeys.schedule(channelId, from, to),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/epg/schedule/{channel_id}', {
          params: { path: { channel_id: channelId }, query: { from, to } },
          signal,
        }),
      ),
    staleTime: 60_000,
    retry: false,
  });
