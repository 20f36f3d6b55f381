import type { AdminAccount } from '@kinora/shared';
import { EmptyState, ErrorState } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';

import { DataTable, TableSkeleton, type Column } from '../../ui/DataTable';
import { SelectField } from '../../ui/fields';
import { TIERS } from '../../ui/options';
import { PageHeader } from '../../ui/PageHeader';
import { Pagination } from '../../ui/Pagination';
import { SearchForm } from '../../ui/SearchForm';
import { accountStatus, when } from './format';
import { ACCOUNT_PAGE_SIZE, parseAccountList, updateAccountList, type AccountListState } from './listParams';
import { accountListQuery } from './queries';

const tierLabel = (t: AdminAccount['tier']) => TIERS.find((x) => x.value === t)?.label ?? t;

const COLUMNS: Column<AdminAccount>[] = [
  {
    key: 'email',
    header: 'Email',
    render: (a) => (
      <Link to={`/accounts/${a.id}`} className="focus-ring rounded font-medium text-sky-300 underline">
        {a.email}
      </Link>
    ),
  },
  { key: 'tier', header: 'Tier', render: (a) => tierLabel(a.tier) },
  {
    key: 'status',
    header: 'Status',
    render: (a) => <span className={a.disabled ? 'font-semibold text-red-300' : ''}>{accountStatus(a)}</span>,
  },
  { key: 'profiles', header: 'Profiles', render: (a) => a.profile_count, className: 'text-right' },
  { key: 'streams', header: 'Streams', render: (a) => a.live_streams, className: 'text-right' },
  { key: 'created', header: 'Joined', render: (a) => when(a.created_at) },
  { key: 'signin', header: 'Last sign-in', render: (a) => when(a.last_sign_in_at) },
];

export default function AccountsPage() {
  const [params, setParams] = useSearchParams();
  const state = parseAccountList(params);
  const list = useQuery(accountListQuery(state));
  const change = (c: Partial<AccountListState>) => setParams(updateAccountList(params, c));

  return (
    <>
      <PageHeader title="Accounts" />
      <AccountFilters state={state} onChange={change} />
      {list.isPending ? (
        <TableSkeleton label="Loading accounts…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={state.q ? `No account matches “${state.q}”` : 'No accounts match this filter'}>
          {list.data.total > 0 ? 'This page is past the last one.' : 'Try another part of the email or another tier.'}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption="Accounts"
            columns={COLUMNS}
            rows={list.data.items}
            rowKey={(a) => a.id}
            busy={list.isPlaceholderData}
          />
          <Pagination
            label="Account pages"
            page={state.page}
            limit={ACCOUNT_PAGE_SIZE}
            total={list.data.total}
            onPage={(page) => change({ page })}
          />
        </>
      )}
    </>
  );
}

function AccountFilters({
  state,
  onChange,
}: {
  state: AccountListState;
  onChange: (change: Partial<AccountListState>) => void;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      <SearchForm
        name="Accounts"
        label="Search by email"
        query={state.q}
        onSearch={(q) => onChange({ q })}
        className="min-w-0 flex-1 basis-80"
      />
      <SelectField
        label="Tier"
        className="w-48"
        options={[{ value: '', label: 'Every tier' }, ...TIERS]}
        value={state.tier ?? ''}
        onChange={(e) => onChange({ tier: TIERS.find((t) => t.value === e.target.value)?.value })}
      />
    </div>
  );
}
