import { browsePath } from '../browse/filters';

// "See all" only where a full listing of the same titles exists.
export function seeAllFor(railId: string): string | undefined {
  if (railId === 'continue-watching') return '/continue';
  if (railId === 'watchlist') return '/my-list';
  // New Releases is the newest by release year, as the listing's year sort.
  if (railId === 'new-releases') return browsePath({ sort: 'year' });
  const genre = /^top-picks-(.+)$/.exec(railId)?.[1];
  if (genre) return browsePath({ genre });
  return undefined;
}
