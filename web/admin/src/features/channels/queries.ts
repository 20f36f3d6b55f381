import {
  api,
  unwrap,
  unwrapWithEtag,
  type AdminChannel,
  type ChannelCreate,
  type ChannelUpdate,
  type Versioned,
} from '@kinora/shared';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeleteVars } from '../../ui/VersionedDeleteButton';

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

// The channel with its ETag: a save sends back the tag of the version its form was opened on.
export const channelQuery = (id: number) =>
  queryOptions({
    queryKey: channelKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrapWithEtag(api.GET('/api/v1/admin/channels/{channel_id}', { params: { path: { channel_id: id } }, signal })),
  });

export function useCreateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChannelCreate) => unwrapWithEtag(api.POST('/api/v1/admin/channels', { body })),
    onSuccess: (created) => {
      queryClient.setQueryData(channelKeys.detail(created.data.id), created);
      void queryClient.invalidateQueries({ queryKey: channelKeys.lists() });
    },
  });
}

export function useUpdateChannel(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    // etag: what the form was opened on; a stale one makes the server answer 412
    // precondition-failed and change nothing.
    mutationFn: ({ body, etag }: { body: ChannelUpdate; etag: string | null }) =>
      unwrapWithEtag(
        api.PATCH('/api/v1/admin/channels/{channel_id}', {
          params: { path: { channel_id: id }, header: etag ? { 'If-Match': etag } : undefined },
          body,
        }),
      ),
    onSuccess: (saved: Versioned<AdminChannel>) => {
      queryClient.setQueryData(channelKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: channelKeys.lists() });
    },
  });
}

export function useDeleteChannel(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    // etag: the version the page shows; deleting a channel someone changed since is refused
    // (412 precondition-failed) so the admin sees their change before it is gone. While
    // viewers watch it, 409 in-use, unless endStreams ends their streams first.
    mutationFn: ({ etag, endStreams }: DeleteVars) =>
      unwrap(
        api.DELETE('/api/v1/admin/channels/{channel_id}', {
          params: {
            path: { channel_id: id },
            query: endStreams ? { end_streams: true } : undefined,
            header: etag ? { 'If-Match': etag } : undefined,
          },
        }),
      ),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: channelKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: channelKeys.lists() });
    },
  });
}
