import { EmptyState, ErrorState } from '@kinora/shared/ui';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';

import { useSignedIn } from '../../app/useSignedIn';
import { CardGrid, GridSkeleton } from '../catalog/CardGrid';
import { LoadMore } from '../catalog/LoadMore';
import { genresQuery } from '../catalog/queries';
import { TitleCard } from '../catalog/TitleCard';
import { useBackKey } from '../catalog/useBackKey';
import { browsePath, parseFilters, serialiseFilters, type BrowseFilters } from './filters';
import { FilterBar } from './FilterBar';
import { browseQuery } from './queries';

export default function BrowsePage() {
  useBackKey();
  const { profile } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const genres = useQuery(genresQuery());
  // The previous grid stays (dimmed) while a new filter loads, instead of a skeleton flash.
  const listing = useInfiniteQuery({ ...browseQuery(filters), placeholderData: keepPreviousData });

  // Each change is a history entry, so Back returns to the previous filters.
  const update = (patch: Partial<BrowseFilters>) => setParams(serialiseFilters({ ...filters, ...patch }));

  const genreName = filters.genre && (genres.data?.find((g) => g.slug === filters.genre)?.name ?? filters.genre);
  const kind = filters.type === 'movie' ? 'Movies' : filters.type === 'series' ? 'Series' : 'Browse';
  const heading = genreName ? `${kind === 'Browse' ? '' : `${kind}: `}${genreName}` : kind;
  const items = listing.data?.pages.flatMap((p) => p.items) ?? [];
  const total = listing.data?.pages[0]?.total ?? 0;

  return (
    <div className="flex flex-col gap-6 px-4 pt-6 md:px-8">
      <h1 className="text-2xl font-bold text-white md:text-3xl">{heading}</h1>
      <FilterBar filters={filters} genres={genres.data ?? []} onChange={update} />
      {listing.isPending ? (
        <GridSkeleton />
      ) : listing.isError && !listing.isFetchNextPageError ? (
        <ErrorState error={listing.error} onRetry={() => void listing.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No titles match these filters">
          <p>Try another genre or type.</p>
          <Link
            to={browsePath({})}
            className="focus-ring mt-4 inline-block rounded-md bg-white px-4 py-2 font-semibold text-neutral-950"
          >
            Clear filters
          </Link>
        </EmptyState>
      ) : (
        <div
          aria-busy={listing.isPlaceholderData || undefined}
          className={listing.isPlaceholderData ? 'opacity-60' : ''}
        >
          <p className="mb-4 text-sm text-neutral-400" role="status">
            {total === 1 ? '1 title' : `${total} titles`}
          </p>
          <CardGrid
            label={heading}
            items={items}
            itemKey={(t) => t.id}
            renderItem={(t) => <TitleCard title={t} kids={profile.kids} />}
          />
          <LoadMore query={listing} />
        </div>
      )}
    </div>
  );
}
