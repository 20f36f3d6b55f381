import { Skeleton } from '@kinora/shared/ui';
import type { Key, ReactNode } from 'react';

const GRID =
  'grid grid-cols-2 gap-x-3 gap-y-6 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-6 2xl:grid-cols-8';

export function CardGrid<T>({
  items,
  itemKey,
  renderItem,
  label,
}: {
  items: T[];
  itemKey: (item: T) => Key;
  renderItem: (item: T, index: number) => ReactNode;
  label?: string;
}) {
  return (
    <ul aria-label={label} className={GRID}>
      {items.map((item, i) => (
        <li key={itemKey(item)} className="min-w-0">
          {renderItem(item, i)}
        </li>
      ))}
    </ul>
  );
}

export function GridSkeleton({ count = 12 }: { count?: number }) {
  return (
    <div aria-hidden="true" className={GRID}>
      {Array.from({ length: count }, (_, i) => (
        <div key={i}>
          <Skeleton className="aspect-[2/3] w-full" />
          <Skeleton className="mt-2 h-4 w-3/4" />
        </div>
      ))}
    </div>
  );
}
