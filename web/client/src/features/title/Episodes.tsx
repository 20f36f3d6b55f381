import type { SeasonWithEpisodes, WatchEntry } from '@kinora/shared';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';

import { formatRuntime } from '../../lib/format';
import { watchPath } from '../catalog/links';
import { percentWatched, ProgressBar } from '../catalog/ProgressBar';
import { playsNow } from './availability';

const seasonLabel = (s: SeasonWithEpisodes) => s.name || (s.number === 0 ? 'Specials' : `Season ${s.number}`);

// A series' seasons (picker) and the chosen season's episodes with their progress.
// Episodes are links only when the plan includes the title and the episode has media;
// one still being packaged (or without media) says so instead.
export function Episodes({
  titleId,
  seasons,
  progress,
  initialSeasonId,
  playable,
}: {
  titleId: number;
  seasons: SeasonWithEpisodes[];
  progress: Map<number, WatchEntry>;
  initialSeasonId?: number;
  playable: boolean;
}) {
  const [seasonId, setSeasonId] = useState(initialSeasonId ?? seasons[0]?.id);
  const headingId = useId();
  const season = seasons.find((s) => s.id === seasonId) ?? seasons[0];
  if (!season) return null;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 px-4 md:px-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-xl font-bold text-white">
          Episodes
        </h2>
        {seasons.length > 1 && (
          <div role="group" aria-label="Season" className="flex flex-wrap gap-1 rounded-lg bg-neutral-900 p-1">
            {seasons.map((s) => (
              <button
                key={s.id}
                type="button"
                aria-pressed={s.id === season.id}
                onClick={() => setSeasonId(s.id)}
                className={`focus-ring rounded-md px-3 py-1.5 text-sm font-semibold ${s.id === season.id ? 'bg-white text-neutral-950' : 'text-neutral-300 hover:text-white'}`}
              >
                {seasonLabel(s)}
              </button>
            ))}
          </div>
        )}
      </div>
      {season.episodes.length === 0 ? (
        <p className="text-neutral-300">No episodes in {seasonLabel(season)} yet.</p>
      ) : (
        <ol aria-label={seasonLabel(season)} className="flex flex-col gap-2">
          {season.episodes.map((e) => {
            const watched = progress.get(e.id);
            const canPlay = playable && playsNow(e.media);
            const name = (
              <>
                <span className="sr-only">{canPlay ? 'Play episode' : 'Episode'} </span>
                <span className="mr-3 text-neutral-400">{e.number}</span>
                {e.title}
              </>
            );
            return (
              // The title is the link; stretched over the row so all of it is clickable.
              <li key={e.id} className="relative flex flex-col gap-1 rounded-lg p-3 hover:bg-white/5">
                <span className="flex flex-wrap items-baseline justify-between gap-x-4">
                  {canPlay ? (
                    <Link
                      to={watchPath(titleId, { episodeId: e.id })}
                      // The focus ring goes round the whole row (the stretched ::after), as focus-ring would.
                      className="font-semibold text-white outline-none after:absolute after:inset-0 after:rounded-lg focus-visible:after:ring-4 focus-visible:after:ring-brand-500"
                    >
                      {name}
                    </Link>
                  ) : (
                    <span className="font-semibold text-white">{name}</span>
                  )}
                  <span className="flex items-baseline gap-3 text-sm text-neutral-400">
                    {playable && e.media === 'preparing' && <span className="text-sky-200">Being prepared</span>}
                    {playable && e.media === 'none' && <span>Not available yet</span>}
                    {formatRuntime(e.runtime_minutes)}
                  </span>
                </span>
                {e.synopsis && <span className="line-clamp-2 text-sm text-neutral-300">{e.synopsis}</span>}
                {watched && watched.progress > 0 && (
                  <span className="flex items-center gap-2">
                    <ProgressBar value={watched.completed ? 1 : watched.progress} className="max-w-xs" />
                    <span className="shrink-0 text-xs text-neutral-400">
                      {watched.completed ? 'Watched' : percentWatched(watched.progress)}
                    </span>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
