import { isApiError, type Genre, type SearchPage } from '@kinora/shared';
import { EmptyState, ErrorState } from '@kinora/shared/ui';
import { useQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';

import { CardGrid, GridSkeleton } from '../catalog/CardGrid';
import { LoadMore } from '../catalog/LoadMore';
import { Rail } from '../catalog/Rail';
import { TitleCard } from '../catalog/TitleCard';
import { GenreLinks } from '../home/GenreLinks';
import { similarQuery } from '../title/queries';

// Retrying helps only when the server or the network failed, not when it refused the query.
const retryable = (err: unknown) => !isApiError(err) || err.status === 0 || err.status >= 500;

export function SearchResults({
  query,
  results,
  genres,
  kids,
}: {
  query: string;
  results: UseInfiniteQueryResult<InfiniteData<SearchPage>>;
  genres: Genre[];
  kids: boolean;
}) {
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const total = results.data?.pages[0]?.total ?? 0;
  const top = items[0];
  // The API's search is by words; "by meaning" comes from the embeddings behind More Like This.
  const nearby = useQuery({ ...similarQuery(top?.id ?? 0), enabled: top !== undefined && !results.isPlaceholderData });

  if (results.isPending) return <GridSkeleton />;
  if (results.isError && !results.isFetchNextPageError) {
    return (
      <ErrorState error={results.error} onRetry={retryable(results.error) ? () => void results.refetch() : undefined} />
    );
  }
  if (items.length === 0) {
    return (
      <div>
        <EmptyState title={`No results for “${query}”`}>
          <p>Check the spelling, try fewer words, or search for a cast member, a director, a mood or a theme.</p>
        </EmptyState>
        <div className="-mx-4 md:-mx-8">
          <GenreLinks genres={genres} heading="Or browse a genre" />
        </div>
      </div>
    );
  }
  const nearbyItems = (nearby.data?.items ?? []).filter((t) => !items.some((i) => i.id === t.id));
  return (
    <div className="flex flex-col gap-8">
      <div aria-busy={results.isPlaceholderData || undefined} className={results.isPlaceholderData ? 'opacity-60' : ''}>
        <h2 className="mb-4 text-sm text-neutral-400" role="status">
          {total === 1 ? '1 title' : `${total} titles`} for “{query}”
        </h2>
        <CardGrid
          label={`Results for ${query}`}
          items={items}
          itemKey={(t) => t.id}
          renderItem={(t) => <TitleCard title={t} kids={kids} />}
        />
        <LoadMore query={results} />
      </div>
      {top && nearbyItems.length > 0 && (
        <div className="-mx-4 md:-mx-8">
          <Rail
            title={`Similar in meaning to ${top.title}`}
            reason={nearby.data?.reason}
            kids={kids}
            items={nearbyItems}
            itemKey={(t) => t.id}
            renderItem={(t) => <TitleCard title={t} kids={kids} />}
          />
        </div>
      )}
    </div>
  );
}
