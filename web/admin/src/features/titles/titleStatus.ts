import type { EmbeddingState, TitleMediaStatus } from '@kinora/shared';

// Words and colours for the media and embedding badges of the titles and embeddings tables.
export type Tone = 'good' | 'busy' | 'warn' | 'bad' | 'none';

const MEDIA: Record<TitleMediaStatus['status'], { label: string; tone: Tone }> = {
  ready: { label: 'Ready', tone: 'good' },
  partial: { label: 'Partial', tone: 'warn' },
  processing: { label: 'Processing', tone: 'busy' },
  failed: { label: 'Failed', tone: 'bad' },
  none: { label: 'No media', tone: 'none' },
};

const EMBEDDING: Record<EmbeddingState, { label: string; tone: Tone }> = {
  current: { label: 'Current', tone: 'good' },
  stale: { label: 'Stale', tone: 'warn' },
  missing: { label: 'Missing', tone: 'bad' },
};

export function mediaBadge(media: TitleMediaStatus): { label: string; tone: Tone; detail?: string } {
  const { label, tone } = MEDIA[media.status];
  // A series says how much of it plays: "3 of 8 episodes".
  if (media.episodes === undefined) return { label, tone };
  const detail = `${media.episodes_with_media ?? 0} of ${media.episodes} episode${media.episodes === 1 ? '' : 's'}`;
  return { label, tone, detail };
}

export const embeddingBadge = (state: EmbeddingState) => EMBEDDING[state];

export const MEDIA_OPTIONS = [
  { value: '', label: 'Any media' },
  ...Object.entries(MEDIA).map(([value, m]) => ({ value, label: m.label })),
];

export const EMBEDDING_OPTIONS = [
  { value: '', label: 'Any embedding' },
  ...Object.entries(EMBEDDING).map(([value, e]) => ({ value, label: e.label })),
];
