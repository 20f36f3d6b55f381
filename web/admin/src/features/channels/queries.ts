import { api, unwrap, type AdminChannel, type ChannelCreate, type ChannelUpdate } from '@kinora/shared';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export const CHANNEL_PAGE = 50;
const MAX_PAGE = 200; // the API's largest page

export const channelKeys = {
  all: ['admin', 'channels'] as const,
  lists: () => [...channelKeys.all, 'list'] as const,
  page: (page: number) => [...channelKeys.lists(), 'page', page] as const,
  everything: () => [...channelKeys.lists(), 'all'] as const,
  detail: (id: number) => [...channelKeys.all, 'detail', id] as const,
};

export const channelPageQuery = (page: number) =>
  queryOptions({
    queryKey: channelKeys.page(page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/admin/channels', {
          params: { query: { limit: CHANNEL_PAGE, offset: (page - 1) * CHANNEL_PAGE } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

// Every channel, page by page, for pickers (the schedule's channel list).
export const allChannelsQuery = () =>
  queryOptions({
    queryKey: channelKeys.everything(),
    queryFn: async ({ signal }) => {
      const items: AdminChannel[] = [];
      for (;;) {
        const page = await unwrap(
          api.GET('/api/v1/admin/channels', { params: { query: { limit: MAX_PAGE, offset: items.length } }, signal }),
        );
        items.push(...page.items);
        if (!page.items.length || items.length >= page.total) return items;
      }
    },
  });

export const channelQuery = (id: number) =>
  queryOptions({
    queryKey: channelKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/admin/channels/{channel_id}', { params: { path: { channel_id: id } }, signal })),
  });

export function useCreateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChannelCreate) => unwrap(api.POST('/api/v1/admin/channels', { body })),
    onSuccess: (channel) => {
      queryClient.setQueryData(channelKeys.detail(channel.id), channel);
      void queryClient.invalidateQueries({ queryKey: channelKeys.lists() });
    },
  });
}

export function useUpdateChannel(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChannelUpdate) =>
      unwrap(api.PATCH('/api/v1/admin/channels/{channel_id}', { params: { path: { channel_id: id } }, body })),
    onSuccess: (channel) => {
      queryClient.setQueryData(channelKeys.detail(id), channel);
      void queryClient.invalidateQueries({ queryKey: channelKeys.lists() });
    },
  });
}

export function useDeleteChannel(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/v1/admin/channels/{channel_id}', { params: { path: { channel_id: id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: channelKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: channelKeys.lists() });
    },
  });
}
