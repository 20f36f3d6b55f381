import type { Playability, TitleDetail } from '@kinora/shared';

// Whether something plays now; an older server that does not say counts as playable
// (the player's refusal page still explains a title without media).
export const playsNow = (media: Playability | undefined) => media === undefined || media === 'ready';

// While the title or one of its episodes is being packaged, the title page polls its
// detail so Play appears by itself once the media is ready.
export const preparingPollMs = 7000;

export function isPreparing(title: TitleDetail | undefined) {
  if (!title) return false;
  if (title.media === 'preparing') return true;
  return (title.seasons ?? []).some((s) => s.episodes.some((e) => e.media === 'preparing'));
}
