import { describeError } from '@kinora/shared';
import { EmptyState, ErrorState } from '@kinora/shared/ui';
import type { Key, ReactNode } from 'react';
import { Link } from 'react-router-dom';

import { CardGrid, GridSkeleton } from '../catalog/CardGrid';

// The frame both library pages share: heading, the grid or its empty/error states, and
// the message of a removal the server refused (the card is back by then).
export function LibraryPage<T>({
  heading,
  query,
  items,
  itemKey,
  renderItem,
  empty,
  failedChange,
}: {
  heading: string;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  items: T[];
  itemKey: (item: T) => Key;
  renderItem: (item: T) => ReactNode;
  empty: { title: string; body: string };
  failedChange: unknown;
}) {
  return (
    <div className="flex flex-col gap-6 px-4 pt-6 md:px-8">
      <h1 className="text-2xl font-bold text-white md:text-3xl">{heading}</h1>
      {failedChange != null && (
        <p role="alert" className="text-sm text-red-300">
          That was not removed: {describeError(failedChange).detail}
        </p>
      )}
      {query.isPending ? (
        <GridSkeleton />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={empty.title}>
          <p>{empty.body}</p>
          <Link
            to="/browse"
            className="focus-ring mt-4 inline-block rounded-md bg-white px-4 py-2 font-semibold text-neutral-950"
          >
            Browse titles
          </Link>
        </EmptyState>
      ) : (
        <CardGrid label={heading} items={items} itemKey={itemKey} renderItem={renderItem} />
      )}
    </div>
  );
}
