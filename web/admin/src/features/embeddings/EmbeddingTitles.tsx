import type { AdminTitleSummary } from '@kinora/shared';
import { Button, EmptyState, ErrorState } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';

import { DataTable, TableSkeleton, type Column } from '../../ui/DataTable';
import { SelectField } from '../../ui/fields';
import { Pagination } from '../../ui/Pagination';
import { StatusBadge } from '../titles/StatusBadge';
import { EMBEDDING_OPTIONS, embeddingBadge } from '../titles/titleStatus';
import { EMBEDDING_PAGE_SIZE, type EmbeddingListState } from './embeddingList';
import { embeddingTitlesQuery } from './queries';

// Every title with its embedding status, A to Z, filtered to missing or stale ones on
// demand; "Similar titles" picks the title for the panel beside it.
export function EmbeddingTitles({
  state,
  onChange,
}: {
  state: EmbeddingListState;
  onChange: (change: Partial<EmbeddingListState>) => void;
}) {
  const list = useQuery(embeddingTitlesQuery(state));
  const columns: Column<AdminTitleSummary>[] = [
    { key: 'title', header: 'Title', render: (t) => <span className="font-semibold text-white">{t.title}</span> },
    { key: 'type', header: 'Type', render: (t) => (t.type === 'movie' ? 'Movie' : 'Series') },
    { key: 'embedding', header: 'Embedding', render: (t) => <StatusBadge {...embeddingBadge(t.embedding)} /> },
    {
      key: 'similar',
      header: 'Similar',
      render: (t) => (
        <Button
          variant="secondary"
          aria-pressed={state.similar === t.id}
          aria-label={`Similar titles to ${t.title}`}
          className="whitespace-nowrap"
          onClick={() => onChange({ similar: t.id })}
        >
          Similar
        </Button>
      ),
    },
  ];
  return (
    <div className="flex flex-col gap-3">
      <div className="max-w-xs">
        <SelectField
          label="Embedding status"
          options={EMBEDDING_OPTIONS}
          value={state.embedding ?? ''}
          onChange={(e) => onChange({ embedding: (e.target.value || undefined) as EmbeddingListState['embedding'] })}
        />
      </div>
      {list.isPending ? (
        <TableSkeleton label="Loading titles…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={state.embedding ? `No title is ${state.embedding}` : 'No titles'}>
          {list.data.total > 0 ? 'This page is past the last one.' : 'Nothing to embed here.'}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption="Titles and their embeddings"
            columns={columns}
            rows={list.data.items}
            rowKey={(t) => t.id}
            busy={list.isPlaceholderData}
          />
          <Pagination
            label="Embedding title pages"
            page={state.page}
            limit={EMBEDDING_PAGE_SIZE}
            total={list.data.total}
            onPage={(page) => onChange({ page })}
          />
        </>
      )}
    </div>
  );
}
