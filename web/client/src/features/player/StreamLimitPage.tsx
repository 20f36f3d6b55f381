import { api, unwrap, type PlaybackSession } from '@kinora/shared';
import { Button, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { useSignedIn } from '../../app/useSignedIn';
import { formatTimeOfDay } from '../../lib/format';
import { channelNameQuery, playerKeys, sessionsQuery, titleNameQuery } from './queries';
import { RefusalPage } from './RefusalPage';

// 429 stream-limit: the account already plays as many streams as its plan allows. Lists
// them so the viewer knows which device to stop; only the profile that started a stream
// may stop it from here (the server's rule).
export function StreamLimitPage({
  limit,
  onRetry,
  back,
}: {
  limit: number | null;
  onRetry: () => void;
  back: ReactNode;
}) {
  const streams = useQuery(sessionsQuery());
  const allowed = streams.data?.limit ?? limit;
  return (
    <RefusalPage
      title="Too many streams at once"
      actions={
        <>
          <Button onClick={onRetry}>Try again</Button>
          {back}
        </>
      }
    >
      <p>
        Your plan plays {allowed ? `${allowed} stream${allowed === 1 ? '' : 's'}` : 'a limited number of streams'} at
        the same time. Stop one on the device playing it, then try again. A stream that is simply closed frees its place
        within about a minute and a half.
      </p>
      {streams.isPending ? (
        <div className="flex flex-col gap-2" aria-hidden="true">
          <Skeleton className="h-14 w-full" />
          <Skeleton className="h-14 w-full" />
        </div>
      ) : streams.isError ? (
        <ErrorState error={streams.error} onRetry={() => void streams.refetch()} />
      ) : streams.data.items.length === 0 ? (
        <p className="text-neutral-400">Nothing is playing any more: try again now.</p>
      ) : (
        <section aria-labelledby="playing-now" className="text-left">
          <h2 id="playing-now" className="mb-2 text-sm font-semibold uppercase tracking-wide text-neutral-400">
            Playing now on this account
          </h2>
          <ul className="flex flex-col gap-2">
            {streams.data.items.map((s) => (
              <StreamRow key={s.id} stream={s} />
            ))}
          </ul>
        </section>
      )}
    </RefusalPage>
  );
}

function StreamRow({ stream }: { stream: PlaybackSession }) {
  const { profile, profiles } = useSignedIn();
  const queryClient = useQueryClient();
  const stop = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/playback/sessions/{id}', { params: { path: { id: stream.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: playerKeys.sessions }),
  });
  const who = profiles.find((p) => p.id === stream.profile_id)?.name ?? 'Another profile';
  return (
    <li className="flex items-center gap-3 rounded-md bg-neutral-800/70 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium text-white">
          <StreamWhat stream={stream} />
        </p>
        <p className="text-sm text-neutral-400">
          {who} · started {formatTimeOfDay(new Date(stream.started_at))}
        </p>
      </div>
      {stream.profile_id === profile.id && (
        <Button variant="secondary" busy={stop.isPending} onClick={() => stop.mutate()}>
          Stop
        </Button>
      )}
    </li>
  );
}

function StreamWhat({ stream }: { stream: PlaybackSession }) {
  const title = useQuery({ ...titleNameQuery(stream.title_id ?? 0), enabled: stream.title_id !== null });
  const channel = useQuery({ ...channelNameQuery(stream.channel_id ?? 0), enabled: stream.channel_id !== null });
  if (stream.channel_id !== null) return <>{channel.data ? `${channel.data} (live)` : 'A live channel'}</>;
  // Another profile's title may be above this profile's rating: it stays unnamed.
  return <>{title.data ?? 'A title'}</>;
}
