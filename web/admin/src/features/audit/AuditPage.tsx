import type { AuditEntry } from '@kinora/shared';
import { EmptyState, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';

import { DataTable, type Column } from '../../ui/DataTable';
import { SelectField } from '../../ui/fields';
import { PageHeader } from '../../ui/PageHeader';
import { Pagination } from '../../ui/Pagination';
import { mergeParams, readEnum, readInt } from '../../ui/urlState';
import { AREAS, describeChange } from './describeChange';
import { AUDIT_PAGE_SIZE, auditQuery } from './queries';

// The admin API paths the app has a page for; anything else is shown as text.
function targetLink(target: string): string | null {
  const m = /^\/api\/v1\/admin\/(titles|channels|accounts)\/(\d+)(?:\/sign-out|\/streams\/[\w-]+)?$/.exec(target);
  return m ? `/${m[1]}/${m[2]}` : null;
}

const COLUMNS: Column<AuditEntry>[] = [
  { key: 'at', header: 'When', render: (e) => new Date(e.at).toLocaleString() },
  { key: 'who', header: 'Who', render: (e) => e.email ?? `Deleted account ${e.account_id}` },
  { key: 'what', header: 'What', render: (e) => describeChange(e) },
  {
    key: 'target',
    header: 'On',
    render: (e) => {
      const link = targetLink(e.target);
      const text = e.target.replace('/api/v1/admin/', '');
      return link ? (
        <Link to={link} className="focus-ring rounded text-sky-300 underline">
          {text}
        </Link>
      ) : (
        <code className="text-neutral-300">{text}</code>
      );
    },
  },
];

export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const area = readEnum(params, 'area', AREAS);
  const page = readInt(params, 'page', { min: 1, max: 100_000, fallback: 1 });
  const log = useQuery(auditQuery({ area, page }));

  return (
    <div>
      <PageHeader title="Audit log" />
      <p className="mb-4 max-w-2xl text-sm text-neutral-300">
        Every change made in this app or through the admin API, newest first. The server records it; nobody can edit it.
      </p>
      <SelectField
        label="Area"
        className="mb-4 max-w-xs"
        value={area ?? ''}
        onChange={(e) => setParams(mergeParams(params, { area: e.target.value, page: null }))}
        options={[{ value: '', label: 'Everything' }, ...AREAS.map((a) => ({ value: a, label: a }))]}
      />
      {log.isPending ? (
        <Skeleton className="h-64" />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.items.length === 0 ? (
        <EmptyState title="No changes yet">Changes appear here as soon as they are made.</EmptyState>
      ) : (
        <>
          <DataTable
            caption="Audit log"
            columns={COLUMNS}
            rows={log.data.items}
            rowKey={(e) => e.id}
            busy={log.isPlaceholderData}
          />
          <Pagination
            page={page}
            limit={AUDIT_PAGE_SIZE}
            total={log.data.total}
            onPage={(p) => setParams(mergeParams(params, { page: p }, { page: 1 }))}
          />
        </>
      )}
    </div>
  );
}
