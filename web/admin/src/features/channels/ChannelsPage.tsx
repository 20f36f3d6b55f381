import type { AdminChannel } from '@kinora/shared';
import { EmptyState, ErrorState } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';

import { DataTable, TableSkeleton, type Column } from '../../ui/DataTable';
import { LinkButton } from '../../ui/LinkButton';
import { PageHeader } from '../../ui/PageHeader';
import { Pagination } from '../../ui/Pagination';
import { mergeParams, readInt } from '../../ui/urlState';
import { CHANNEL_PAGE, channelPageQuery } from './queries';

const COLUMNS: Column<AdminChannel>[] = [
  { key: 'number', header: 'No.', render: (c) => <span className="tabular-nums">{c.number}</span> },
  {
    key: 'name',
    header: 'Channel',
    render: (c) => (
      <Link
        to={`/channels/${c.id}`}
        className="focus-ring flex items-center gap-3 rounded font-semibold text-white hover:underline"
      >
        <img
          src={c.icon_url ?? c.logo_url}
          alt=""
          width={40}
          height={40}
          loading="lazy"
          className="h-10 w-10 shrink-0 rounded bg-neutral-800 object-contain"
        />
        <span className="min-w-[8rem]">{c.name}</span>
      </Link>
    ),
  },
  { key: 'slug', header: 'Slug', render: (c) => <code className="text-xs">{c.slug}</code> },
  { key: 'category', header: 'Category', render: (c) => <span className="capitalize">{c.category}</span> },
  { key: 'tier', header: 'Tier', render: (c) => <span className="capitalize">{c.tier}</span> },
  { key: 'rating', header: 'Rating', render: (c) => c.maturity_rating },
  {
    key: 'xmltv',
    header: 'XMLTV id',
    render: (c) => (c.xmltv_id ? <code className="text-xs">{c.xmltv_id}</code> : '—'),
  },
];

// Every channel by number, whatever its tier and rating; the page is in the URL.
export default function ChannelsPage() {
  const [params, setParams] = useSearchParams();
  const page = readInt(params, 'page', { min: 1, max: 2001, fallback: 1 });
  const list = useQuery(channelPageQuery(page));

  return (
    <>
      <PageHeader title="Channels">
        <LinkButton to="/channels/new">New channel</LinkButton>
      </PageHeader>
      {list.isPending ? (
        <TableSkeleton label="Loading channels…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={list.data.total ? 'This page is past the last channel' : 'No channels yet'}>
          {list.data.total ? (
            <Link to="/channels" className="focus-ring rounded underline">
              Back to the first page
            </Link>
          ) : (
            'Add one, or import an M3U line-up or an XMLTV guide.'
          )}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption="Channels"
            columns={COLUMNS}
            rows={list.data.items}
            rowKey={(c) => c.id}
            busy={list.isPlaceholderData}
          />
          <Pagination
            label="Channel pages"
            page={page}
            limit={CHANNEL_PAGE}
            total={list.data.total}
            onPage={(p) => setParams(mergeParams(params, { page: p }, { page: 1 }))}
          />
        </>
      )}
    </>
  );
}
