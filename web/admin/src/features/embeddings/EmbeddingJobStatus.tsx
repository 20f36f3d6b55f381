import { isApiError } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { FormError } from '../../ui/fields';
import { formErrors } from '../../ui/formErrors';
import { ProgressBar } from '../../ui/ProgressBar';
import { embeddingJobQuery, embeddingKeys, isRunning } from './queries';

const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium', dateStyle: 'short' });
const STATE = { running: 'Running', succeeded: 'Finished', failed: 'Failed' } as const;

export function EmbeddingJobStatus({ id }: { id: string }) {
  const job = useQuery(embeddingJobQuery(id));
  const queryClient = useQueryClient();
  const finished = job.data && !isRunning(job.data);
  useEffect(() => {
    // The index changed: the counts and the titles' statuses are read again.
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: embeddingKeys.status() });
    void queryClient.invalidateQueries({ queryKey: [...embeddingKeys.all, 'titles'] });
    void queryClient.invalidateQueries({ queryKey: ['admin', 'titles', 'list'] });
  }, [finished, queryClient]);

  if (job.isPending) return <p className="text-sm text-neutral-300">Checking the job…</p>;
  if (job.isError) {
    const message = isApiError(job.error, 'not-found')
      ? `The server no longer knows job ${id} (jobs are kept in memory until it restarts).`
      : formErrors(job.error, { fields: [] }).form;
    return (
      <div className="flex flex-wrap items-center gap-3">
        <FormError message={message} />
        <Button variant="secondary" onClick={() => void job.refetch()}>
          Check again
        </Button>
      </div>
    );
  }
  const j = job.data;
  const tone = j.status === 'failed' ? 'danger' : j.status === 'succeeded' ? 'success' : 'brand';
  return (
    <div className="flex flex-col gap-2 rounded-md border border-neutral-800 p-3">
      <ProgressBar label="Embedding job" value={j.progress * 100} tone={tone} />
      <p role="status" className="text-sm text-neutral-200">
        <strong>{STATE[j.status]}</strong>
        {` · ${j.done} of ${j.total} titles checked, ${j.embedded} embedded`}
        {j.regenerate && ' (every title again)'}
        {j.status === 'failed' && j.error && `: ${j.error}`}
      </p>
      <p className="text-xs text-neutral-400">
        Job {j.id} · started {time.format(new Date(j.started_at))}
        {j.finished_at && ` · finished ${time.format(new Date(j.finished_at))}`}
      </p>
    </div>
  );
}
