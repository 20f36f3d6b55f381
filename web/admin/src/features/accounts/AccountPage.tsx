import {
  describeError,
  isApiError,
  type AdminAccountDetail,
  type AdminAccountStream,
  type Profile,
} from '@kinora/shared';
import { Button, EmptyState, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';

import { useAdmin } from '../../app/useAdmin';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable, type Column } from '../../ui/DataTable';
import { FormError, SelectField } from '../../ui/fields';
import { BackLink } from '../../ui/LinkButton';
import { isTier, TIERS } from '../../ui/options';
import { PageHeader, Section } from '../../ui/PageHeader';
import { accountStatus, streamPosition, when } from './format';
import { accountQuery, useEndStream, useSignOutEverywhere, useUpdateAccount } from './queries';

const back = <BackLink to="/accounts">All accounts</BackLink>;
const errorText = (err: unknown) => (err ? describeError(err).detail : null);

// /accounts/:id
export default function AccountPage() {
  const { id = '' } = useParams();
  const accountId = /^\d{1,15}$/.test(id) ? Number(id) : 0;
  if (accountId < 1) return <NoSuchAccount id={id} />;
  return <Account key={accountId} id={accountId} />;
}

function NoSuchAccount({ id }: { id: string }) {
  return (
    <EmptyState title={`There is no account ${id}`}>
      <Link to="/accounts" className="focus-ring rounded underline">
        Back to all accounts
      </Link>
    </EmptyState>
  );
}

function Account({ id }: { id: number }) {
  const account = useQuery(accountQuery(id));
  const [status, setStatus] = useState<string | null>(null);

  if (account.isPending) {
    return (
      <div role="status" aria-label="Loading the account…" className="flex flex-col gap-4">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (account.isError) {
    if (isApiError(account.error, 'not-found')) return <NoSuchAccount id={String(id)} />;
    return <ErrorState error={account.error} onRetry={() => void account.refetch()} />;
  }
  const a = account.data;
  return (
    <>
      <PageHeader title={a.email} back={back} />
      <p role="status" className="mb-4 text-sm text-emerald-300 empty:hidden">
        {status}
      </p>
      <div className="flex flex-col gap-6">
        <Details account={a} />
        <Actions account={a} onDone={setStatus} />
        <Profiles profiles={a.profiles} />
        <Streams account={a} onDone={setStatus} />
      </div>
    </>
  );
}

function Details({ account: a }: { account: AdminAccountDetail }) {
  const rows: [string, string][] = [
    ['Status', accountStatus(a) + (a.disabled ? ` since ${when(a.disabled_at)}` : '')],
    ['Tier', TIERS.find((t) => t.value === a.tier)?.label ?? a.tier],
    ['Admin', a.is_admin ? 'Yes' : 'No'],
    ['Joined', when(a.created_at)],
    ['Last sign-in', when(a.last_sign_in_at)],
    ['Live streams', String(a.live_streams)],
  ];
  return (
    <Section title="Details">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-neutral-300">{k}</dt>
            <dd className={k === 'Status' && a.disabled ? 'font-semibold text-red-300' : 'text-white'}>{v}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

type Confirming = 'disable' | 'enable' | 'sign-out' | null;

function Actions({ account: a, onDone }: { account: AdminAccountDetail; onDone: (message: string) => void }) {
  const me = useAdmin().account;
  const update = useUpdateAccount(a.id);
  const signOut = useSignOutEverywhere(a.id);
  const [tier, setTier] = useState(a.tier);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const self = me.id === a.id;

  const close = () => {
    setConfirming(null);
    update.reset();
    signOut.reset();
  };
  const setDisabled = (disabled: boolean) =>
    update.mutate(
      { disabled },
      {
        onSuccess: () => {
          setConfirming(null);
          onDone(disabled ? `${a.email} is disabled and signed out.` : `${a.email} can sign in again.`);
        },
      },
    );

  return (
    <Section title="Manage">
      <div className="flex flex-col gap-6">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ tier }, { onSuccess: () => onDone(`Tier changed to ${tier}.`) });
          }}
        >
          <SelectField
            label="Tier"
            className="w-48"
            options={TIERS}
            value={tier}
            hint="Its devices get the new tier when they next refresh their sign-in."
            onChange={(e) => isTier(e.target.value) && setTier(e.target.value)}
          />
          <Button type="submit" variant="secondary" disabled={tier === a.tier} busy={update.isPending && !confirming}>
            Change tier
          </Button>
        </form>
        {!confirming && <FormError message={errorText(update.error)} />}
        <div className="flex flex-wrap items-center gap-3">
          {a.disabled ? (
            <Button variant="secondary" onClick={() => setConfirming('enable')}>
              Enable account
            </Button>
          ) : (
            <Button variant="danger" disabled={self} onClick={() => setConfirming('disable')}>
              Disable account
            </Button>
          )}
          <Button variant="secondary" onClick={() => setConfirming('sign-out')}>
            Sign out everywhere
          </Button>
          {self && <p className="text-sm text-neutral-300">This is your own account: another admin must disable it.</p>}
        </div>
      </div>
      <ConfirmDialog
        open={confirming === 'disable'}
        title={`Disable ${a.email}?`}
        confirmLabel="Disable account"
        busy={update.isPending}
        error={errorText(update.error)}
        onConfirm={() => setDisabled(true)}
        onClose={close}
      >
        It cannot sign in until an admin enables it again. Every device is signed out and its live streams end now.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'enable'}
        title={`Enable ${a.email}?`}
        confirmLabel="Enable account"
        busy={update.isPending}
        error={errorText(update.error)}
        onConfirm={() => setDisabled(false)}
        onClose={close}
      >
        It can sign in again with its password.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'sign-out'}
        title={`Sign ${a.email} out everywhere?`}
        confirmLabel="Sign out everywhere"
        busy={signOut.isPending}
        error={errorText(signOut.error)}
        onConfirm={() =>
          signOut.mutate(undefined, {
            onSuccess: () => {
              setConfirming(null);
              onDone(`${a.email} is signed out on every device.`);
            },
          })
        }
        onClose={close}
      >
        Each of its devices is signed out at once and must sign in again. The account stays enabled.
      </ConfirmDialog>
    </Section>
  );
}

const PROFILE_COLUMNS: Column<Profile>[] = [
  { key: 'name', header: 'Name', render: (p) => p.name },
  { key: 'kids', header: 'Kids', render: (p) => (p.kids ? 'Yes' : 'No') },
  { key: 'ceiling', header: 'Rated at most', render: (p) => p.maturity_ceiling },
  { key: 'pin', header: 'PIN', render: (p) => (p.has_pin ? 'Yes' : 'No') },
  { key: 'created', header: 'Created', render: (p) => when(p.created_at) },
];

function Profiles({ profiles }: { profiles: Profile[] }) {
  return (
    <Section title="Profiles">
      <DataTable caption="Profiles" columns={PROFILE_COLUMNS} rows={profiles} rowKey={(p) => p.id} />
    </Section>
  );
}

function Streams({ account: a, onDone }: { account: AdminAccountDetail; onDone: (message: string) => void }) {
  const end = useEndStream(a.id);
  const columns: Column<AdminAccountStream>[] = [
    {
      key: 'watching',
      header: 'Watching',
      render: (s) => s.watching ?? (s.channel_id ? `Channel ${s.channel_id}` : `Title ${s.title_id ?? ''}`),
    },
    { key: 'profile', header: 'Profile', render: (s) => s.profile_name ?? `Profile ${s.profile_id}` },
    { key: 'position', header: 'Position', render: (s) => streamPosition(s) },
    { key: 'started', header: 'Started', render: (s) => when(s.started_at) },
    { key: 'heartbeat', header: 'Last heartbeat', render: (s) => when(s.last_heartbeat_at) },
    {
      key: 'end',
      header: 'Actions',
      render: (s) => (
        <Button
          variant="secondary"
          busy={end.isPending && end.variables === s.id}
          aria-label={`End stream of ${s.watching ?? 'this session'} on ${s.profile_name ?? 'a profile'}`}
          onClick={() => end.mutate(s.id, { onSuccess: () => onDone('Stream ended.') })}
        >
          End stream
        </Button>
      ),
    },
  ];
  return (
    <Section title="Live streams">
      <FormError message={errorText(end.error)} />
      {a.streams.length === 0 ? (
        <p className="text-sm text-neutral-300">Nothing is playing on this account now.</p>
      ) : (
        <DataTable caption="Live streams" columns={columns} rows={a.streams} rowKey={(s) => s.id} />
      )}
    </Section>
  );
}
