import { isApiError } from '@kinora/shared';
import { Button, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';

import { CheckboxField, FormError } from '../../ui/fields';
import { formErrors } from '../../ui/formErrors';
import { PageHeader, Section } from '../../ui/PageHeader';
import { EmbeddingJobStatus } from './EmbeddingJobStatus';
import { parseEmbeddingList, updateEmbeddingList, type EmbeddingListState } from './embeddingList';
import { EmbeddingTitles } from './EmbeddingTitles';
import { catalogSizeQuery, embeddingStatusQuery, useGenerateEmbeddings } from './queries';
import { SimilarPanel } from './SimilarPanel';

// The recommendation index: which model, how many titles it holds, and a job to embed the
// catalog. The job id stays in the URL (?job=) so a reload keeps following it.
export default function EmbeddingsPage() {
  const status = useQuery(embeddingStatusQuery());
  const size = useQuery(catalogSizeQuery());
  const generate = useGenerateEmbeddings();
  const [regenerate, setRegenerate] = useState(false);
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const list = parseEmbeddingList(params);
  const change = (c: Partial<EmbeddingListState>) => setParams(updateEmbeddingList(params, c));

  const refused = isApiError(generate.error, 'job-running')
    ? 'An embedding job is already running; wait for it to finish, then start another.'
    : formErrors(generate.error, { fields: [] }).form;

  return (
    <>
      <PageHeader title="Embeddings" />
      <div className="flex flex-col gap-6">
        <Section title="Index">
          {status.isPending ? (
            <Skeleton className="h-16 w-full max-w-md" />
          ) : status.isError ? (
            <ErrorState error={status.error} onRetry={() => void status.refetch()} />
          ) : (
            <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
              <dt className="text-neutral-300">Model</dt>
              <dd className="font-medium text-white">{status.data.model ?? 'No model loaded'}</dd>
              <dt className="text-neutral-300">Titles embedded</dt>
              <dd className="font-medium text-white">
                {status.data.embedded_titles}
                {size.data !== undefined && ` of ${size.data}`}
              </dd>
            </dl>
          )}
          <p className="mt-4 text-sm text-neutral-300">
            Editing a title re-embeds it by itself. A stale embedding was made by another model, or before the title was
            last edited.
          </p>
        </Section>
        <div className="grid grid-cols-1 gap-6 xl:grid-cols-[3fr_2fr]">
          <Section title="Titles">
            <EmbeddingTitles state={list} onChange={change} />
          </Section>
          <Section title="Similar titles">
            <SimilarPanel titleId={list.similar} />
          </Section>
        </div>
        <Section title="Generate">
          <form
            aria-label="Generate embeddings"
            className="flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              generate.mutate(regenerate, {
                onSuccess: (job) =>
                  setParams(
                    (p) => {
                      p.set('job', job.id);
                      return p;
                    },
                    { replace: true },
                  ),
              });
            }}
          >
            <p className="text-sm text-neutral-300">
              Embeds every title whose text (title, synopsis, genres, moods, themes, cast, director) or model changed.
            </p>
            <CheckboxField label="Embed every title again" checked={regenerate} onChange={setRegenerate} />
            <FormError message={refused} />
            <div>
              <Button type="submit" busy={generate.isPending}>
                Generate embeddings
              </Button>
            </div>
          </form>
          {jobId && (
            <div className="mt-4">
              <EmbeddingJobStatus key={jobId} id={jobId} />
            </div>
          )}
        </Section>
      </div>
    </>
  );
}
