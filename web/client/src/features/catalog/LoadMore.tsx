import { Button } from '@kinora/shared/ui';

import { useLoadMoreOnScroll } from './useLoadMore';

interface Paged {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

// The end of a paged grid: the infinite-scroll sentinel, and a "Load more" button for
// when scrolling alone does not load more (remotes, no IntersectionObserver). A failed
// page says so here and keeps the pages already shown.
export function LoadMore({ query }: { query: Paged }) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isFetchNextPageError } = query;
  const sentinel = useLoadMoreOnScroll(hasNextPage && !isFetchingNextPage && !isFetchNextPageError, fetchNextPage);
  if (!hasNextPage) return null;
  return (
    <div ref={sentinel} className="mt-8 flex flex-col items-center gap-2">
      {isFetchNextPageError && (
        <p role="alert" className="text-sm text-red-300">
          The next titles did not load.
        </p>
      )}
      <Button variant="secondary" busy={isFetchingNextPage} onClick={() => void fetchNextPage()}>
        {isFetchNextPageError ? 'Try again' : 'Load more'}
      </Button>
    </div>
  );
}
