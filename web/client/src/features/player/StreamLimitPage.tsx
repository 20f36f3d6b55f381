import { Button, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { useSignedIn } from '../../app/useSignedIn';
import { streamsQuery } from '../streams/queries';
import { StreamList } from '../streams/StreamList';
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
  const { profile, profiles } = useSignedIn();
  const streams = useQuery(streamsQuery());
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
          <StreamList streams={streams.data.items} profiles={profiles} currentProfileId={profile.id} />
        </section>
      )}
    </RefusalPage>
  );
}
