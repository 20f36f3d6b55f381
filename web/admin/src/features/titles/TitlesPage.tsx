import { EmptyState, ErrorState } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useSearchParams } from 'react-router-dom';

import { TableSkeleton } from '../../ui/DataTable';
import { LinkButton } from '../../ui/LinkButton';
import { PageHeader } from '../../ui/PageHeader';
import { Pagination } from '../../ui/Pagination';
import {
  PAGE_SIZE,
  parseTitleList,
  toggleSort,
  updateTitleList,
  type SortKey,
  type TitleListState,
} from './listParams';
import { titleListQuery } from './queries';
import { TitleFilters } from './TitleFilters';
import { TitlesTable } from './TitlesTable';

export default function TitlesPage() {
  const [params, setParams] = useSearchParams();
  const state = parseTitleList(params);
  const list = useQuery(titleListQuery(state));
  const change = (c: Partial<TitleListState>) => setParams(updateTitleList(params, c));
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;

  return (
    <>
      <PageHeader title="Titles">
        <LinkButton to="/titles/new">New title</LinkButton>
      </PageHeader>
      <p role="status" className="text-sm text-emerald-300 empty:hidden">
        {deleted && `“${deleted}” was deleted.`}
      </p>
      <TitleFilters state={state} onChange={change} />
      {list.isPending ? (
        <TableSkeleton label="Loading titles…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={state.q ? `No title matches “${state.q}”` : 'No titles match these filters'}>
          {list.data.total > 0 ? 'This page is past the last one.' : 'Try other words or filters, or add a title.'}
        </EmptyState>
      ) : (
        <>
          <TitlesTable
            items={list.data.items}
            busy={list.isPlaceholderData}
            sorting={
              state.q
                ? undefined
                : { sort: state.sort, order: state.order, onSort: (k) => change(toggleSort(state, k as SortKey)) }
            }
          />
          <Pagination
            label="Title pages"
            page={state.page}
            limit={PAGE_SIZE}
            total={list.data.total}
            onPage={(page) => change({ page })}
          />
        </>
      )}
    </>
  );
}
