import type { ContinueItem, TitleDetail, WatchEntry } from '@kinora/shared';
import { playsNow } from './availability';

export interface ResumePoint {
  episodeId?: number;
  positionSeconds: number;
  upNext: boolean; // the episode after a finished one, from its start
  episode?: { season_number: number; number: number; title: string };
}

// Where Play should take this profile: continue watching knows best (it moves on to the
// next episode); without an entry there (dismissed), an unfinished bookmark still counts.
export function resumePoint(
  cont: ContinueItem | undefined,
  bookmark: WatchEntry | null | undefined,
): ResumePoint | null {
  if (cont) {
    return {
      episodeId: cont.episode?.id,
      positionSeconds: cont.position_seconds,
      upNext: cont.up_next,
      episode: cont.episode ?? undefined,
    };
  }
  if (bookmark && bookmark.position_seconds > 0 && bookmark.progress < 0.95) {
    return {
      episodeId: bookmark.episode?.id,
      positionSeconds: bookmark.position_seconds,
      upNext: false,
      episode: bookmark.episode ?? undefined,
    };
  }
  return null;
}

export function firstEpisode(title: TitleDetail) {
  // Specials (season 0) come after the numbered seasons for a first play.
  const seasons = [...(title.seasons ?? [])].sort((a, b) => (a.number || 1e9) - (b.number || 1e9));
  // The first episode that plays now, else the first one (whose page says why it does not).
  for (const season of seasons) {
    const episode = season.episodes.find((e) => playsNow(e.media));
    if (episode) return { season, episode };
  }
  for (const season of seasons) {
    if (season.episodes.length > 0) return { season, episode: season.episodes[0] };
  }
  return null;
}
