import { api, unwrap } from '@kinora/shared';
import { queryOptions } from '@tanstack/react-query';

export const playerKeys = {
  all: ['player'] as const,
  title: (id: number) => [...playerKeys.all, 'title', id] as const,
  schedule: (channelId: number, from: string, to: string) =>
    [...playerKeys.all, 'schedule', channelId, from, to] as const,
  sessions: ['player', 'sessions'] as const,
  titleName: (id: number) => [...playerKeys.all, 'title-name', id] as const,
  channelName: (id: number) => [...playerKeys.all, 'channel-name', id] as const,
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

// The account's live streams, shown when the plan's limit is reached.
export const sessionsQuery = () =>
  queryOptions({
    queryKey: playerKeys.sessions,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/playback/sessions', { signal })),
    refetchInterval: 15_000,
  });

// What another stream plays, in words; titles of another profile may be hidden (404).
export const titleNameQuery = (id: number) =>
  queryOptions({
    queryKey: playerKeys.titleName(id),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/catalog/titles/{id}', { params: { path: { id } }, signal }))).title,
    staleTime: Infinity,
    retry: false,
  });

export const channelNameQuery = (id: number) =>
  queryOptions({
    queryKey: playerKeys.channelName(id),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/epg/channels/{channel_id}', { params: { path: { channel_id: id } }, signal })))
        .name,
    staleTime: Infinity,
    retry: false,
  });
