import type { Episode, TitleDetail } from '@kinora/shared';

export interface EpisodeAt {
  episode: Episode;
  season: number;
}

// Seasons and episodes in viewing order: specials (season 0) after the numbered seasons.
function ordered(title: TitleDetail): EpisodeAt[] {
  const seasons = [...(title.seasons ?? [])].sort(
    (a, b) => (a.number === 0 ? 1e9 : a.number) - (b.number === 0 ? 1e9 : b.number),
  );
  return seasons.flatMap((s) =>
    [...s.episodes].sort((a, b) => a.number - b.number).map((episode) => ({ episode, season: s.number })),
  );
}

export function findEpisode(title: TitleDetail | undefined, episodeId: number | null): EpisodeAt | null {
  if (!title || episodeId === null) return null;
  return ordered(title).find((e) => e.episode.id === episodeId) ?? null;
}

// The episode after this one, across seasons; null after the last.
export function nextEpisode(title: TitleDetail | undefined, episodeId: number | null): EpisodeAt | null {
  if (!title || episodeId === null) return null;
  const all = ordered(title);
  const i = all.findIndex((e) => e.episode.id === episodeId);
  return i >= 0 && i + 1 < all.length ? all[i + 1] : null;
}

// "S1 · E3 · Title"
export function episodeLabel(at: EpisodeAt): string {
  const where = at.season === 0 ? `Special ${at.episode.number}` : `S${at.season} · E${at.episode.number}`;
  return at.episode.title ? `${where} · ${at.episode.title}` : where;
}

// When "Next episode" is offered: the last 20 s (the credits), or the last tenth of a
// short video, so a 16 s clip is not interrupted at its start.
export function upNextFrom(durationSeconds: number): number {
  return Math.max(0, durationSeconds - Math.min(20, durationSeconds * 0.1));
}
