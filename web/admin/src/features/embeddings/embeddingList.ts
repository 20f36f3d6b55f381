import type { EmbeddingState } from '@kinora/shared';

import { mergeParams, offsetOf, readEnum, readInt } from '../../ui/urlState';
import { EMBEDDING_FILTERS } from '../titles/listParams';

// The embeddings page's titles table in the URL: ?embedding=&page=&similar= (the title whose
// similar titles are shown). Other keys (?job=) are left alone.
export const EMBEDDING_PAGE_SIZE = 10;
const MAX_PAGE = 100_000 / EMBEDDING_PAGE_SIZE + 1;

export interface EmbeddingListState {
  embedding?: EmbeddingState;
  page: number;
  similar?: number;
}

export function parseEmbeddingList(params: URLSearchParams): EmbeddingListState {
  const similar = readInt(params, 'similar', { min: 1, max: 999_999_999, fallback: 0 });
  return {
    embedding: readEnum(params, 'embedding', EMBEDDING_FILTERS),
    page: readInt(params, 'page', { min: 1, max: MAX_PAGE, fallback: 1 }),
    similar: similar || undefined,
  };
}

// A new filter starts again at page 1; choosing a title keeps the page.
export function updateEmbeddingList(params: URLSearchParams, change: Partial<EmbeddingListState>): URLSearchParams {
  const next = { ...parseEmbeddingList(params), ...change };
  if ('embedding' in change && change.page === undefined) next.page = 1;
  return mergeParams(params, { embedding: next.embedding, page: next.page, similar: next.similar }, { page: 1 });
}

export const embeddingListQuery = (state: EmbeddingListState) => ({
  embedding: state.embedding,
  sort: 'title' as const,
  limit: EMBEDDING_PAGE_SIZE,
  offset: offsetOf(state.page, EMBEDDING_PAGE_SIZE),
});

// Cosine similarity with three decimals: neighbours often differ only in the third.
export const formatScore = (score: number | null) => (score === null ? '—' : score.toFixed(3));
