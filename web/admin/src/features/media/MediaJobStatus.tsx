import { isApiError, type TitleDetail } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';

import { FormError } from '../../ui/fields';
import { formErrors } from '../../ui/formErrors';
import { ProgressBar } from '../../ui/ProgressBar';
import { PreviewButton } from '../preview/PreviewButton';
import { mediaJobQuery } from './queries';

const STATE = { queued: 'Queued for packaging', running: 'Packaging', succeeded: 'Ready to play', failed: 'Failed' };

// The packaging job of an upload, polled until it succeeds or fails.
export function MediaJobStatus({ id, title }: { id: string; title: TitleDetail }) {
  const job = useQuery(mediaJobQuery(id));
  if (job.isPending) return <p className="text-sm text-neutral-300">Checking the packaging job…</p>;
  if (job.isError) {
    const message = isApiError(job.error, 'not-found')
      ? `There is no packaging job ${id}.`
      : formErrors(job.error, { fields: [] }).form;
    return (
      <div className="flex items-center gap-3">
        <FormError message={message} />
        <Button variant="secondary" onClick={() => void job.refetch()}>
          Check again
        </Button>
      </div>
    );
  }
  const j = job.data;
  const episode = (title.seasons ?? [])
    .flatMap((s) => s.episodes.map((e) => ({ ...e, label: `S${s.number} E${e.number} · ${e.title}` })))
    .find((e) => e.id === j.episode_id);
  const tone = j.status === 'failed' ? 'danger' : j.status === 'succeeded' ? 'success' : 'brand';
  return (
    <div className="flex flex-col gap-2 rounded-md border border-neutral-800 p-3" aria-label="Packaging job">
      <ProgressBar label="Packaging" value={j.progress} tone={tone} />
      <p role="status" className="text-sm text-neutral-200">
        <strong>{STATE[j.status]}</strong>
        {j.title_id === title.id && ` · ${episode ? episode.label : title.title}`}
        {j.status === 'succeeded' && j.asset_id && ` · asset ${j.asset_id}`}
        {j.status === 'failed' && j.error && `: ${j.error}`}
      </p>
      {j.status === 'succeeded' && j.title_id === title.id && (
        <div>
          <PreviewButton
            titleId={title.id}
            episodeId={j.episode_id ?? undefined}
            name={episode ? `${title.title} ${episode.label}` : title.title}
          />
        </div>
      )}
      <p className="text-xs text-neutral-400">Job {j.id}</p>
    </div>
  );
}
