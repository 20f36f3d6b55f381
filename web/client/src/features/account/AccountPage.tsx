import { Button, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';

import { useSignedIn } from '../../app/useSignedIn';
import { useSignOut } from '../../app/useSignOut';
import { PLAN_STREAMS, streamsAtOnce, TIER_NAMES } from '../../lib/format';
import { streamsQuery } from '../streams/queries';
import { StreamList } from '../streams/StreamList';

export default function AccountPage() {
  const { account, profile, profiles } = useSignedIn();
  const streams = useQuery(streamsQuery());
  const signOut = useSignOut();

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-8 md:px-8">
      <h1 className="text-2xl font-bold text-white md:text-3xl">Account</h1>

      <Section title="Membership">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="text-neutral-400">Email</dt>
          <dd className="break-all text-white">{account.email}</dd>
          <dt className="text-neutral-400">Plan</dt>
          <dd className="text-white">
            {TIER_NAMES[account.tier]}{' '}
            <span className="text-neutral-400">· {streamsAtOnce(PLAN_STREAMS[account.tier])}</span>
          </dd>
          <dt className="text-neutral-400">Member since</dt>
          <dd className="text-white">
            {new Date(account.created_at).toLocaleDateString(undefined, { dateStyle: 'long' })}
          </dd>
        </dl>
      </Section>

      <Section title="Streams in use">
        {streams.isPending ? (
          <Skeleton className="h-16" />
        ) : streams.isError ? (
          <ErrorState error={streams.error} onRetry={() => void streams.refetch()} />
        ) : (
          <>
            <p className="mb-3 text-neutral-300">
              {streams.data.items.length} of {streams.data.limit} in use.
            </p>
            <StreamList streams={streams.data.items} profiles={profiles} currentProfileId={profile.id} />
          </>
        )}
      </Section>

      <Section title="Profiles">
        <p className="mb-3 text-neutral-300">
          {profiles.length} of 5 profiles: {profiles.map((p) => p.name).join(', ')}.
        </p>
        <Link
          to="/profiles/manage"
          className="focus-ring inline-block rounded-md bg-neutral-700/80 px-4 py-2 text-sm font-semibold text-white hover:bg-neutral-600"
        >
          Manage profiles
        </Link>
      </Section>

      <div>
        <Button variant="danger" onClick={() => void signOut()}>
          Sign out
        </Button>
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl bg-neutral-900 p-5 ring-1 ring-white/10 md:p-6">
      <h2 className="mb-4 text-lg font-semibold text-white">{title}</h2>
      {children}
    </section>
  );
}
