import { embeddingBadge, MEDIA_OPTIONS, mediaBadge } from './titleStatus';

describe('title status badges', () => {
  it('names a movie’s media state', () => {
    expect(mediaBadge({ status: 'none' })).toEqual({ label: 'No media', tone: 'none' });
    expect(mediaBadge({ status: 'processing' })).toEqual({ label: 'Processing', tone: 'busy' });
  });

  it('counts a series’ episodes with media', () => {
    expect(mediaBadge({ status: 'partial', episodes: 8, episodes_with_media: 3 })).toEqual({
      label: 'Partial',
      tone: 'warn',
      detail: '3 of 8 episodes',
    });
    expect(mediaBadge({ status: 'ready', episodes: 1, episodes_with_media: 1 }).detail).toBe('1 of 1 episode');
  });

  it('names embedding states and offers every media filter', () => {
    expect(embeddingBadge('stale')).toEqual({ label: 'Stale', tone: 'warn' });
    expect(MEDIA_OPTIONS.map((o) => o.value)).toEqual(['', 'ready', 'partial', 'processing', 'failed', 'none']);
  });
});
