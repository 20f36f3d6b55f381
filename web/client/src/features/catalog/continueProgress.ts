import type { ContinueItem } from '@kinora/shared';

import { formatClock } from '../../lib/format';
import type { CardProgress } from './TitleCard';
import { watchPath } from './links';

export const episodeCode = (e: { season_number: number; number: number }) => `S${e.season_number}:E${e.number}`;

// What a continue-watching card says under its poster, and where it goes: straight back
// into the player at the bookmark (or the next episode).
export function continueProgress(item: ContinueItem): CardProgress {
  if (item.episode) {
    const code = episodeCode(item.episode);
    return { value: item.progress, label: item.up_next ? `Next: ${code}` : `${code} · ${item.episode.title}` };
  }
  const left = Math.max(0, item.duration_seconds - item.position_seconds);
  return { value: item.progress, label: `${formatClock(left)} left` };
}

export function resumePath(item: ContinueItem): string {
  return watchPath(item.title.id, { episodeId: item.episode?.id });
}
