import { Skeleton } from '@kinora/shared/ui';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  // The sort key the header sorts by, when the column is sortable.
  sort?: string;
  className?: string;
}

export interface SortState {
  sort: string;
  order: 'asc' | 'desc';
  onSort: (key: string) => void;
}

// A plain, keyboard-friendly table: sortable headers are buttons carrying aria-sort, and the
// table scrolls sideways on a phone rather than squeezing its columns.
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  sorting,
  busy = false,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  sorting?: SortState;
  busy?: boolean;
}) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="focus-ring relative overflow-x-auto rounded-lg border border-neutral-800"
    >
      <table className={`w-full text-left text-sm ${busy ? 'opacity-60' : ''}`} aria-busy={busy || undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-neutral-900 text-xs uppercase tracking-wide text-neutral-300">
          <tr>
            {columns.map((c) => (
              <HeaderCell key={c.key} column={c} sorting={sorting} />
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-800">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-neutral-900/60">
              {columns.map((c) => (
                <td key={c.key} className={`px-3 py-2 align-middle ${c.className ?? ''}`}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HeaderCell<T>({ column, sorting }: { column: Column<T>; sorting?: SortState }) {
  if (!column.sort || !sorting) {
    return (
      <th scope="col" className={`px-3 py-2 font-semibold ${column.className ?? ''}`}>
        {column.header}
      </th>
    );
  }
  const active = sorting.sort === column.sort;
  const direction = sorting.order === 'asc' ? 'ascending' : 'descending';
  return (
    <th scope="col" aria-sort={active ? direction : undefined} className={`px-1 py-1 ${column.className ?? ''}`}>
      <button
        type="button"
        onClick={() => sorting.onSort(column.sort!)}
        className="focus-ring inline-flex items-center gap-1 rounded px-2 py-1 font-semibold uppercase hover:text-white"
      >
        {column.header}
        <span aria-hidden="true" className={active ? 'text-white' : 'text-neutral-600'}>
          {active && sorting.order === 'asc' ? '▲' : '▼'}
        </span>
      </button>
    </th>
  );
}

export function TableSkeleton({ rows = 8, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="flex flex-col gap-2">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-9 w-full" />
      ))}
    </div>
  );
}
