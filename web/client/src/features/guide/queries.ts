import { api, unwrap, type Channel } from '@kinora/shared';
import {
  infiniteQueryOptions,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';

import { CHANNEL_PAGE, WINDOW_MS } from './layout';
import { mergeSlots, parseGrid, type GuidePage, type Slot } from './programme';

// Which channels the grid shows: a tab of the guide.
export type GuideFilter = { kind: 'all' } | { kind: 'favorites' } | { kind: 'category'; id: string };

export const filterKey = (f: GuideFilter): string => (f.kind === 'category' ? `category:${f.id}` : f.kind);

export function filterFromKey(key: string | null): GuideFilter {
  if (key === 'favorites') return { kind: 'favorites' };
  if (key?.startsWith('category:')) return { kind: 'category', id: key.slice('category:'.length) };
  return { kind: 'all' };
}

export const guideKeys = {
  all: ['guide'] as const,
  groups: () => [...guideKeys.all, 'groups'] as const,
  grids: () => [...guideKeys.all, 'grid'] as const,
  gridsOf: (filter: string) => [...guideKeys.grids(), filter] as const,
  grid: (filter: string, offset: number, from: number, to: number, limit: number) =>
    [...guideKeys.gridsOf(filter), offset, from, to, limit] as const,
};

export const groupsQuery = () =>
  queryOptions({
    queryKey: guideKeys.groups(),
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/epg/groups', { signal }))).items,
  });

const unixSeconds = (ms: number) => String(Math.floor(ms / 1000));

function filterParams(f: GuideFilter) {
  if (f.kind === 'favorites') return { favorites: 'only' as const };
  if (f.kind === 'category') return { category: f.id };
  return {};
}

async function fetchGridPage(
  filter: GuideFilter,
  offset: number,
  from: number,
  to: number,
  limit: number,
  signal: AbortSignal,
): Promise<GuidePage> {
  const query = { ...filterParams(filter), from: unixSeconds(from), to: unixSeconds(to), limit, offset };
  return parseGrid(await unwrap(api.GET('/api/v1/epg/grid', { params: { query }, signal })));
}

// One page of the grid: CHANNEL_PAGE channels from `offset` over [from, to). Pages stay
// cached a while after they scroll away, so scrolling back is instant.
export const gridPageQuery = (
  filter: GuideFilter,
  offset: number,
  from: number,
  to = from + WINDOW_MS,
  limit = CHANNEL_PAGE,
) =>
  queryOptions({
    queryKey: guideKeys.grid(filterKey(filter), offset, from, to, limit),
    // Parsed before caching, so the keyboard model can read the cache as the grid draws it.
    queryFn: ({ signal }) => fetchGridPage(filter, offset, from, to, limit, signal),
    staleTime: 5 * 60_000,
    gcTime: 30 * 60_000,
  });

// Flips a channel's star in every cached grid page that holds it, leaving other pages
// (and their parsed rows) untouched.
function setFavoriteInGrids(queryClient: QueryClient, channelId: number, favorite: boolean) {
  queryClient.setQueriesData<GuidePage>({ queryKey: guideKeys.grids() }, (page) => {
    if (!page || !page.rows.some((r) => r.channel.id === channelId && r.channel.favorite !== favorite)) return page;
    return {
      ...page,
      rows: page.rows.map((r) => (r.channel.id === channelId ? { ...r, channel: { ...r.channel, favorite } } : r)),
    };
  });
}

export function useToggleFavorite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ channel, favorite }: { channel: Channel; favorite: boolean }) => {
      const path = { channel_id: channel.id };
      if (favorite) await unwrap(api.PUT('/api/v1/epg/favorites/{channel_id}', { params: { path } }));
      else await unwrap(api.DELETE('/api/v1/epg/favorites/{channel_id}', { params: { path } }));
    },
    onMutate: ({ channel, favorite }) => setFavoriteInGrids(queryClient, channel.id, favorite),
    onError: (_err, { channel, favorite }) => setFavoriteInGrids(queryClient, channel.id, !favorite),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: guideKeys.groups() }),
        queryClient.invalidateQueries({ queryKey: guideKeys.gridsOf('favorites') }),
      ]),
  });
}

// A row's programmes from every cached window of its page; undefined when none is loaded.
export function cachedRowSlots(queryClient: QueryClient, filter: GuideFilter, row: number): Slot[] | undefined {
  const offset = Math.floor(row / CHANNEL_PAGE) * CHANNEL_PAGE;
  const parts = queryClient
    .getQueriesData<GuidePage>({ queryKey: [...guideKeys.gridsOf(filterKey(filter)), offset] })
    .map(([, page]) => page?.rows[row - offset]?.slots)
    .filter((s): s is Slot[] => s !== undefined);
  return parts.length ? mergeSlots(parts) : undefined;
}

// Whether the page holding `row` is loaded for the window holding `t`.
export function isLoadedAt(queryClient: QueryClient, filter: GuideFilter, row: number, t: number): boolean {
  const offset = Math.floor(row / CHANNEL_PAGE) * CHANNEL_PAGE;
  const from = Math.floor(t / WINDOW_MS) * WINDOW_MS;
  return queryClient.getQueryData(gridPageQuery(filter, offset, from).queryKey) !== undefined;
}

export const CATCH_UP_PAGE = 20;

// The catch-up listing of one local day: the grid over the whole day, CATCH_UP_PAGE
// channels at a time (the API has no catch-up route of its own; start-over is it).
export const catchUpQuery = (dayStart: number, dayEnd: number) =>
  infiniteQueryOptions({
    queryKey: [...guideKeys.all, 'catch-up', dayStart, dayEnd] as const,
    queryFn: ({ pageParam, signal }) =>
      fetchGridPage({ kind: 'all' }, pageParam, dayStart, dayEnd, CATCH_UP_PAGE, signal),
    initialPageParam: 0,
    getNextPageParam: (last: GuidePage, all: GuidePage[]) => {
      const loaded = all.length * CATCH_UP_PAGE;
      return loaded < last.total ? loaded : undefined;
    },
    staleTime: 5 * 60_000,
  });
