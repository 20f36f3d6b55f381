import { isApiError } from '@kinora/shared';
import { EmptyState, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';

import { ConflictNotice } from '../../ui/ConflictNotice';
import { BackLink } from '../../ui/LinkButton';
import { PageHeader, Section } from '../../ui/PageHeader';
import { useVersionedEdit } from '../../ui/useVersionedEdit';
import { ChannelForm } from './ChannelForm';
import { DeleteChannelButton } from './DeleteChannelButton';
import { channelValues, createChannelBody, updateChannelBody } from './channelForm';
import { channelQuery, useCreateChannel, useUpdateChannel } from './queries';

const back = <BackLink to="/channels">All channels</BackLink>;

// /channels/new and /channels/:id.
export default function ChannelEditPage() {
  const { id } = useParams();
  if (id === undefined) return <NewChannel />;
  const channelId = /^\d{1,15}$/.test(id) ? Number(id) : 0;
  if (channelId < 1) return <NoSuchChannel id={id} />;
  return <EditChannel key={channelId} id={channelId} />;
}

function NoSuchChannel({ id }: { id: string }) {
  return (
    <EmptyState title={`There is no channel ${id}`}>
      It may have been deleted.{' '}
      <Link to="/channels" className="focus-ring rounded underline">
        Back to all channels
      </Link>
    </EmptyState>
  );
}

function NewChannel() {
  const create = useCreateChannel();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New channel" back={back} />
      <Section title="Details">
        <ChannelForm
          initial={channelValues()}
          submitLabel="Create channel"
          busy={create.isPending}
          error={create.error}
          onSubmit={(v) =>
            create.mutate(createChannelBody(v), {
              onSuccess: (c) => navigate(`/channels/${c.data.id}`, { replace: true, state: { created: true } }),
            })
          }
        />
      </Section>
    </>
  );
}

function EditChannel({ id }: { id: number }) {
  const channel = useQuery(channelQuery(id));
  const update = useUpdateChannel(id);
  const location = useLocation();
  const edit = useVersionedEdit({
    query: channel,
    update,
    values: channelValues,
    changes: updateChannelBody,
    initialStatus: (location.state as { created?: boolean } | null)?.created ? 'Channel created.' : null,
  });

  if (channel.isPending) {
    return (
      <div role="status" aria-label="Loading the channel…" className="flex flex-col gap-4">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-80 w-full" />
      </div>
    );
  }
  if (channel.isError) {
    if (isApiError(channel.error, 'not-found')) return <NoSuchChannel id={String(id)} />;
    return <ErrorState error={channel.error} onRetry={() => void channel.refetch()} />;
  }
  const c = channel.data.data;
  return (
    <>
      <PageHeader title={`${c.number} · ${c.name}`} back={back}>
        <Link
          to={`/schedule?channel=${c.id}`}
          className="focus-ring rounded-md px-4 py-2 text-sm font-semibold text-neutral-200 underline"
        >
          Schedule
        </Link>
        <DeleteChannelButton
          channel={c}
          etag={(edit.base ?? channel.data).etag}
          reloading={edit.reloading}
          onLoadTheirs={() => void edit.loadTheirs()}
        />
      </PageHeader>
      <p role="status" className="mb-4 text-sm text-emerald-300">
        {edit.status}
      </p>
      <div className="flex flex-col gap-6">
        <Section title="Details">
          {edit.conflict && (
            <ConflictNotice what="channel" busy={edit.reloading} onLoad={() => void edit.loadTheirs()} />
          )}
          <ChannelForm
            key={edit.formKey}
            initial={channelValues((edit.base ?? channel.data).data)}
            submitLabel="Save changes"
            busy={update.isPending}
            error={edit.conflict ? null : update.error}
            onSubmit={edit.submit}
          />
        </Section>
        <Section title="Logo">
          <div className="flex flex-wrap items-center gap-6">
            <img
              src={c.icon_url ?? c.logo_url}
              alt={`${c.name} logo`}
              width={96}
              height={96}
              loading="lazy"
              className="h-24 w-24 rounded bg-neutral-800 object-contain"
            />
            <p className="max-w-prose text-sm text-neutral-300">
              {c.icon_url
                ? 'This logo came with an imported guide or line-up; exports prefer it to the generated one.'
                : 'Kinora draws this logo from the channel’s name. An XMLTV or M3U import can give the channel its own.'}
            </p>
          </div>
        </Section>
      </div>
    </>
  );
}
