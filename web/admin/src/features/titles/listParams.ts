import type { EmbeddingState, MaturityRating, TitleMediaStatus } from '@kinora/shared';

import { RATINGS } from '../../ui/options';
import { mergeParams, offsetOf, readEnum, readInt, readText } from '../../ui/urlState';

// The titles table's state in the URL: ?q=&type=&genre=&maturity=&media=&embedding=&sort=&order=&page=.
export const SORT_KEYS = ['title', 'year', 'added', 'popularity'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Order = 'asc' | 'desc';
export const PAGE_SIZE = 20;
const MAX_OFFSET = 100_000; // the API's offset bound
export type MediaFilter = TitleMediaStatus['status'];
export const MEDIA_FILTERS: readonly MediaFilter[] = ['none', 'processing', 'failed', 'partial', 'ready'];
export const EMBEDDING_FILTERS: readonly EmbeddingState[] = ['missing', 'stale', 'current'];

export interface TitleListState {
  q: string;
  type?: 'movie' | 'series';
  genre?: string;
  maturity?: MaturityRating;
  media?: MediaFilter;
  embedding?: EmbeddingState;
  sort: SortKey;
  order: Order;
  page: number;
}

// The API's own default direction: A–Z for titles, biggest first for the rest.
export const defaultOrder = (sort: SortKey): Order => (sort === 'title' ? 'asc' : 'desc');
const GENRE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function parseTitleList(params: URLSearchParams): TitleListState {
  const sort = readEnum(params, 'sort', SORT_KEYS) ?? 'popularity';
  const genre = readText(params, 'genre', 64).toLowerCase();
  return {
    q: readText(params, 'q', 200),
    type: readEnum(params, 'type', ['movie', 'series'] as const),
    genre: GENRE.test(genre) ? genre : undefined,
    maturity: readEnum(
      params,
      'maturity',
      RATINGS.map((r) => r.value),
    ),
    media: readEnum(params, 'media', MEDIA_FILTERS),
    embedding: readEnum(params, 'embedding', EMBEDDING_FILTERS),
    sort,
    order: readEnum(params, 'order', ['asc', 'desc'] as const) ?? defaultOrder(sort),
    page: readInt(params, 'page', { min: 1, max: MAX_OFFSET / PAGE_SIZE + 1, fallback: 1 }),
  };
}

// A change to the state as the next query string: a new search, filter or sort starts again
// at page 1; the default direction for a sort is left out of the URL.
export function updateTitleList(params: URLSearchParams, change: Partial<TitleListState>): URLSearchParams {
  const current = parseTitleList(params);
  const next = { ...current, ...change };
  if (change.sort && change.order === undefined) next.order = defaultOrder(change.sort);
  if (change.page === undefined) next.page = 1;
  return mergeParams(
    params,
    {
      q: next.q,
      type: next.type,
      genre: next.genre,
      maturity: next.maturity,
      media: next.media,
      embedding: next.embedding,
      sort: next.sort,
      order: next.order === defaultOrder(next.sort) ? null : next.order,
      page: next.page,
    },
    { sort: 'popularity', page: 1 },
  );
}

// Clicking a column header: the same column flips direction, another one takes its default.
export function toggleSort(state: TitleListState, key: SortKey): Partial<TitleListState> {
  if (state.sort !== key) return { sort: key, order: defaultOrder(key) };
  return { sort: key, order: state.order === 'asc' ? 'desc' : 'asc' };
}

export function listQuery(state: TitleListState) {
  return {
    type: state.type,
    genre: state.genre,
    maturity: state.maturity,
    media: state.media,
    embedding: state.embedding,
    sort: state.sort,
    order: state.order,
    limit: PAGE_SIZE,
    offset: offsetOf(state.page, PAGE_SIZE),
  };
}
