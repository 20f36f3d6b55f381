import { api, unwrap } from '@kinora/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export const accountKeys = {
  streams: ['account', 'streams'] as const,
  titleName: (id: number) => ['account', 'title-name', id] as const,
  channelName: (id: number) => ['account', 'channel-name', id] as const,
};

export const streamsQuery = () =>
  queryOptions({
    queryKey: accountKeys.streams,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/playback/sessions', { signal })),
    refetchInterval: 30_000,
  });

// What a stream is playing, in words: the title's or the channel's name.
export const titleNameQuery = (id: number) =>
  queryOptions({
    queryKey: accountKeys.titleName(id),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/catalog/titles/{id}', { params: { path: { id } }, signal }))).title,
    staleTime: Infinity,
  });

export const channelNameQuery = (id: number) =>
  queryOptions({
    queryKey: accountKeys.channelName(id),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/epg/channels/{channel_id}', { params: { path: { channel_id: id } }, signal })))
        .name,
    staleTime: Infinity,
  });

export function useStopStream() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/playback/sessions/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.streams }),
  });
}
