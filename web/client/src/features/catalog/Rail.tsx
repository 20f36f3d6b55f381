import { Skeleton } from '@kinora/shared/ui';
import { useId, type Key, type ReactNode } from 'react';
import { Link } from 'react-router-dom';

// A titled horizontal row. The global spatial navigation moves between its cards with
// the arrow keys and scrollIntoView brings the focused card into view, so the row
// needs no arrow handling of its own. An empty rail renders nothing (no holes).
export function Rail<T>({
  title,
  reason,
  seeAll,
  kids = false,
  items,
  itemKey,
  renderItem,
}: {
  title: string;
  reason?: string;
  seeAll?: string;
  kids?: boolean;
  items: T[];
  itemKey: (item: T) => Key;
  renderItem: (item: T, index: number) => ReactNode;
}) {
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="min-w-0">
      <div className="flex items-end justify-between gap-4 px-4 md:px-8">
        <div className="min-w-0">
          <h2
            id={headingId}
            className={`font-bold ${kids ? 'text-2xl text-yellow-300' : 'text-lg text-white md:text-xl'}`}
          >
            {title}
          </h2>
          {reason && !kids && <p className="truncate text-sm text-neutral-400">{reason}</p>}
        </div>
        {seeAll && (
          <Link
            to={seeAll}
            aria-label={`See all: ${title}`}
            className="focus-ring shrink-0 rounded px-2 py-1 text-sm font-semibold text-neutral-300 hover:text-white"
          >
            See all
          </Link>
        )}
      </div>
      {/* Vertical padding keeps the cards' focus rings inside the scroller's clip. */}
      <ul className="scrollbar-none flex snap-x scroll-px-4 gap-3 overflow-x-auto px-4 py-3 md:scroll-px-8 md:gap-4 md:px-8">
        {items.map((item, i) => (
          <li key={itemKey(item)} className={`shrink-0 snap-start ${kids ? 'w-40 md:w-48' : 'w-32 md:w-40 2xl:w-48'}`}>
            {renderItem(item, i)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RailSkeleton() {
  return (
    <div aria-hidden="true" className="px-4 md:px-8">
      <Skeleton className="mb-3 h-6 w-48" />
      <div className="flex gap-3 overflow-hidden md:gap-4">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="aspect-[2/3] w-32 shrink-0 md:w-40" />
        ))}
      </div>
    </div>
  );
}
