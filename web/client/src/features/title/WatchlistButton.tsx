import { describeError, type TitleSummary } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';

import { isOnWatchlist } from '../library/optimistic';
import { useWatchlistMutation, watchlistQuery } from '../library/queries';

// Add to / remove from My List. The list changes at once (optimistic) and goes back if
// the server refuses, with the reason next to the button.
export function WatchlistButton({ title }: { title: TitleSummary }) {
  const list = useQuery(watchlistQuery());
  const change = useWatchlistMutation();
  const on = isOnWatchlist(list.data, title.id);
  return (
    <div className="flex flex-col gap-1">
      <Button
        variant="secondary"
        disabled={list.isPending}
        onClick={() => change.mutate({ title, add: !on })}
        className="py-2.5"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
        >
          {on ? <path d="m5 12 5 5 9-10" /> : <path d="M12 5v14M5 12h14" />}
        </svg>
        {on ? 'Remove from My List' : 'Add to My List'}
      </Button>
      {change.isError && (
        <p role="alert" className="text-sm text-red-300">
          My List was not changed: {describeError(change.error).detail}
        </p>
      )}
    </div>
  );
}
