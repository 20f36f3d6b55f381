import type { Episode, SeasonWithEpisodes, TitleDetail } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useState } from 'react';

import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { formErrors } from '../../../ui/formErrors';
import { useDeleteEpisode, useDeleteSeason } from '../queries';
import { EpisodeDialog } from './EpisodeDialog';
import { SeasonDialog } from './SeasonDialog';

type Open =
  | { kind: 'season'; season?: SeasonWithEpisodes }
  | { kind: 'episode'; season: SeasonWithEpisodes; episode?: Episode }
  | { kind: 'delete-season'; season: SeasonWithEpisodes }
  | { kind: 'delete-episode'; season: SeasonWithEpisodes; episode: Episode };

// A series' seasons, each with its episodes; every change goes straight to the API.
export function SeasonsEditor({ title }: { title: TitleDetail }) {
  const seasons = title.seasons ?? [];
  const [open, setOpen] = useState<Open | null>(null);
  const close = () => setOpen(null);
  const nextSeason = seasons.length ? Math.max(...seasons.map((s) => s.number)) + 1 : 1;

  return (
    <div className="flex flex-col gap-6">
      {seasons.length === 0 && <p className="text-neutral-300">No seasons yet. Add the first one.</p>}
      {seasons.map((s) => (
        <SeasonBlock key={s.id} season={s} onOpen={setOpen} />
      ))}
      <div>
        <Button variant="secondary" onClick={() => setOpen({ kind: 'season' })}>
          Add season
        </Button>
      </div>
      {open?.kind === 'season' && (
        <SeasonDialog titleId={title.id} season={open.season} nextNumber={nextSeason} onClose={close} />
      )}
      {open?.kind === 'episode' && (
        <EpisodeDialog
          titleId={title.id}
          season={open.season}
          episode={open.episode}
          defaultRuntime={title.runtime_minutes}
          onClose={close}
        />
      )}
      {open?.kind === 'delete-season' && <DeleteSeason titleId={title.id} season={open.season} onClose={close} />}
      {open?.kind === 'delete-episode' && (
        <DeleteEpisode titleId={title.id} season={open.season} episode={open.episode} onClose={close} />
      )}
    </div>
  );
}

function SeasonBlock({ season: s, onOpen }: { season: SeasonWithEpisodes; onOpen: (o: Open) => void }) {
  return (
    <div className="rounded-md border border-neutral-800 p-3 sm:p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold text-white">
          Season {s.number}
          {s.name !== `Season ${s.number}` && <span className="font-normal text-neutral-300"> · {s.name}</span>}
        </h3>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => onOpen({ kind: 'episode', season: s })}>
            Add episode<span className="sr-only"> to season {s.number}</span>
          </Button>
          <Button variant="ghost" onClick={() => onOpen({ kind: 'season', season: s })}>
            Edit<span className="sr-only"> season {s.number}</span>
          </Button>
          <Button variant="ghost" onClick={() => onOpen({ kind: 'delete-season', season: s })}>
            Delete<span className="sr-only"> season {s.number}</span>
          </Button>
        </div>
      </div>
      {s.episodes.length === 0 ? (
        <p className="text-sm text-neutral-300">No episodes yet.</p>
      ) : (
        <ol className="divide-y divide-neutral-800" aria-label={`Episodes of season ${s.number}`}>
          {s.episodes.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm">
              <span className="w-10 text-neutral-300">E{e.number}</span>
              <span className="min-w-0 flex-1 font-medium text-white">{e.title}</span>
              <span className="text-neutral-300">{e.runtime_minutes} min</span>
              <span className="flex gap-1">
                <Button
                  variant="ghost"
                  className="px-2 py-1"
                  onClick={() => onOpen({ kind: 'episode', season: s, episode: e })}
                >
                  Edit
                  <span className="sr-only">
                    {' '}
                    episode {e.number} of season {s.number}
                  </span>
                </Button>
                <Button
                  variant="ghost"
                  className="px-2 py-1"
                  onClick={() => onOpen({ kind: 'delete-episode', season: s, episode: e })}
                >
                  Delete
                  <span className="sr-only">
                    {' '}
                    episode {e.number} of season {s.number}
                  </span>
                </Button>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function DeleteSeason({
  titleId,
  season,
  onClose,
}: {
  titleId: number;
  season: SeasonWithEpisodes;
  onClose: () => void;
}) {
  const remove = useDeleteSeason(titleId);
  return (
    <ConfirmDialog
      open
      title={`Delete season ${season.number}?`}
      confirmLabel="Delete season"
      busy={remove.isPending}
      error={formErrors(remove.error, { fields: [] }).form}
      onClose={onClose}
      onConfirm={() => remove.mutate(season.id, { onSuccess: onClose })}
    >
      {season.episodes.length
        ? `Its ${season.episodes.length} episodes go with it. This cannot be undone.`
        : 'This cannot be undone.'}
    </ConfirmDialog>
  );
}

function DeleteEpisode({
  titleId,
  season,
  episode,
  onClose,
}: {
  titleId: number;
  season: SeasonWithEpisodes;
  episode: Episode;
  onClose: () => void;
}) {
  const remove = useDeleteEpisode(titleId);
  return (
    <ConfirmDialog
      open
      title={`Delete episode ${episode.number} of season ${season.number}?`}
      confirmLabel="Delete episode"
      busy={remove.isPending}
      error={formErrors(remove.error, { fields: [] }).form}
      onClose={onClose}
      onConfirm={() => remove.mutate(episode.id, { onSuccess: onClose })}
    >
      “{episode.title}” will be removed. This cannot be undone.
    </ConfirmDialog>
  );
}
