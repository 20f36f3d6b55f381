import { api, unwrap } from '@kinora/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

// The account's live streams, as the account page and the player's stream-limit page show them.
export const streamKeys = {
  all: ['streams'] as const,
  titleName: (id: number) => ['streams', 'title-name', id] as const,
  channelName: (id: number) => ['streams', 'channel-name', id] as const,
};

export const streamsQuery = () =>
  queryOptions({
    queryKey: streamKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/playback/sessions', { signal })),
    refetchInterval: 15_000,
  });

// What a stream plays, in words; another profile's title may be hidden from this one (404).
export const titleNameQuery = (id: number) =>
  queryOptions({
    queryKey: streamKeys.titleName(id),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/catalog/titles/{id}', { params: { path: { id } }, signal }))).title,
    staleTime: Infinity,
    retry: false,
  });

export const channelNameQuery = (id: number) =>
  queryOptions({
    queryKey: streamKeys.channelName(id),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/epg/channels/{channel_id}', { params: { path: { channel_id: id } }, signal })))
        .name,
    staleTime: Infinity,
    retry: false,
  });

export function useStopStream() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/playback/sessions/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: streamKeys.all }),
  });
}
