import { isApiError } from '@kinora/shared';
import { EmptyState, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';

import { ConflictNotice } from '../../ui/ConflictNotice';
import { BackLink } from '../../ui/LinkButton';
import { PageHeader, Section } from '../../ui/PageHeader';
import { useVersionedEdit } from '../../ui/useVersionedEdit';
import { MediaUpload } from '../media/MediaUpload';
import { PreviewButton } from '../preview/PreviewButton';
import { ArtworkPreview } from './ArtworkPreview';
import { DeleteTitleButton } from './DeleteTitleButton';
import { titleQuery, useCreateTitle, useUpdateTitle } from './queries';
import { SeasonsEditor } from './seasons/SeasonsEditor';
import { TitleForm } from './TitleForm';
import { createTitleBody, titleValues, updateTitleBody } from './titleForm';

const back = <BackLink to="/titles">All titles</BackLink>;

// /titles/new and /titles/:id.
export default function TitleEditPage() {
  const { id } = useParams();
  if (id === undefined) return <NewTitle />;
  const titleId = /^\d{1,15}$/.test(id) ? Number(id) : 0;
  if (titleId < 1) return <NoSuchTitle id={id} />;
  return <EditTitle key={titleId} id={titleId} />;
}

function NoSuchTitle({ id }: { id: string }) {
  return (
    <EmptyState title={`There is no title ${id}`}>
      It may have been deleted.{' '}
      <Link to="/titles" className="focus-ring rounded underline">
        Back to all titles
      </Link>
    </EmptyState>
  );
}

function NewTitle() {
  const create = useCreateTitle();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New title" back={back} />
      <Section title="Details">
        <TitleForm
          initial={titleValues()}
          submitLabel="Create title"
          busy={create.isPending}
          error={create.error}
          onSubmit={(v) =>
            create.mutate(createTitleBody(v), {
              onSuccess: (t) => navigate(`/titles/${t.data.id}`, { replace: true, state: { created: true } }),
            })
          }
        />
      </Section>
    </>
  );
}

function EditTitle({ id }: { id: number }) {
  const title = useQuery(titleQuery(id));
  const update = useUpdateTitle(id);
  const location = useLocation();
  const edit = useVersionedEdit({
    query: title,
    update,
    values: titleValues,
    changes: updateTitleBody,
    initialStatus: (location.state as { created?: boolean } | null)?.created
      ? 'Title created. Add its video below.'
      : null,
  });

  if (title.isPending) {
    return (
      <div role="status" aria-label="Loading the title…" className="flex flex-col gap-4">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  if (title.isError) {
    if (isApiError(title.error, 'not-found')) return <NoSuchTitle id={String(id)} />;
    return <ErrorState error={title.error} onRetry={() => void title.refetch()} />;
  }
  const t = title.data.data;
  return (
    <>
      <PageHeader title={t.title} back={back}>
        <PreviewButton titleId={t.id} name={t.title} />
        <DeleteTitleButton
          title={t}
          etag={(edit.base ?? title.data).etag}
          reloading={edit.reloading}
          onReload={() => void edit.loadTheirs()}
        />
      </PageHeader>
      <p role="status" className="mb-4 text-sm text-emerald-300">
        {edit.status}
      </p>
      <div className="flex flex-col gap-6">
        <Section title="Details">
          {edit.conflict && <ConflictNotice what="title" busy={edit.reloading} onLoad={() => void edit.loadTheirs()} />}
          <TitleForm
            key={edit.formKey}
            initial={titleValues((edit.base ?? title.data).data)}
            submitLabel="Save changes"
            busy={update.isPending}
            error={edit.conflict ? null : update.error}
            onSubmit={edit.submit}
          />
        </Section>
        <Section title="Artwork">
          <ArtworkPreview title={t} />
          <p className="mt-3 text-sm text-neutral-300">
            Kinora draws the poster and backdrop from the title itself; there are no image files to upload.
          </p>
        </Section>
        <Section title="Video">
          <MediaUpload title={t} />
        </Section>
        {t.type === 'series' && (
          <Section title="Seasons and episodes">
            <SeasonsEditor title={t} />
          </Section>
        )}
      </div>
    </>
  );
}
