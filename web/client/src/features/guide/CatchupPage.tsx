import { Button, EmptyState, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';

import { useSignedIn } from '../../app/useSignedIn';
import { CatchupChannel } from './CatchupChannel';
import { dayLabel, guideDays, MINUTE, startOfLocalDay, viewerTimeZone, type GuideDay } from './layout';
import { canCatchUp } from './programme';
import { catchUpQuery } from './queries';
import { useNow } from './useNow';

const QUARTER = 15 * MINUTE;

// Catch-up: the API has no catch-up library, but start-over plays any programme that
// started in the last 7 days from its beginning; this lists those that have ended.
export default function CatchupPage() {
  const { profile } = useSignedIn();
  const [timeZone] = useState(viewerTimeZone);
  const now = useNow();
  const today = startOfLocalDay(now, timeZone);
  // Today first, then back a week (the oldest day only partly: 7 days from now).
  const days = useMemo(() => guideDays(today, timeZone, 7, 0).reverse(), [today, timeZone]);
  const [dayKey, setDayKey] = useState<string | null>(null);
  const day = days.find((d) => d.key === dayKey) ?? days[0];

  return (
    <div className="flex min-w-0 flex-col gap-4 pt-4">
      <div className="flex flex-col gap-2 px-4 md:px-8">
        <div className="flex items-center justify-between gap-4">
          <h1 className={`text-2xl font-bold ${profile.kids ? 'text-yellow-300' : 'text-white'}`}>Catch-up</h1>
          <Link
            to="/guide"
            className="focus-ring rounded-md px-3 py-1.5 text-sm font-semibold text-neutral-200 hover:bg-white/10"
          >
            TV guide
          </Link>
        </div>
        <p className="max-w-2xl text-sm text-neutral-300">
          Any programme that started in the last 7 days can be played from its start. Here are the ones that have ended,
          by day and channel; what is on now is in the guide.
        </p>
      </div>
      <div role="group" aria-label="Day" className="scrollbar-none flex gap-1 overflow-x-auto px-4 md:px-8">
        {days.map((d) => (
          <button
            key={d.key}
            type="button"
            aria-pressed={d.key === day.key}
            onClick={() => setDayKey(d.key)}
            className={`focus-ring shrink-0 whitespace-nowrap rounded-md px-3 py-1.5 text-sm ${d.key === day.key ? 'bg-brand-600 font-semibold text-white' : 'text-neutral-100 hover:bg-white/10'}`}
          >
            {dayLabel(d, timeZone)}
          </button>
        ))}
      </div>
      <CatchupDay key={day.key} day={day} now={now} timeZone={timeZone} kids={profile.kids} />
    </div>
  );
}

function CatchupDay({ day, now, timeZone, kids }: { day: GuideDay; now: number; timeZone: string; kids: boolean }) {
  // Today only up to the next quarter hour: later programmes cannot have ended (and the
  // key stays the same for 15 minutes, so the listing is cached that long).
  const to = day.offset === 0 ? Math.min(day.end, Math.ceil(now / QUARTER) * QUARTER) : day.end;
  const query = useInfiniteQuery(catchUpQuery(day.start, to));
  const channels = useMemo(
    () =>
      (query.data?.pages ?? [])
        .flatMap((p) => p.rows)
        // Most recently ended first: what the viewer just missed.
        .map((r) => ({ channel: r.channel, slots: r.slots.filter((s) => canCatchUp(s, now)).reverse() }))
        .filter((r) => r.slots.length > 0),
    [query.data, now],
  );
  const label = dayLabel(day, timeZone, { long: true });

  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading catch-up" className="flex flex-col gap-6 px-4 md:px-8">
        {[0, 1, 2].map((i) => (
          <div key={i} className="flex flex-col gap-2">
            <Skeleton className="h-6 w-48" />
            <div className="flex gap-2 overflow-hidden">
              {[0, 1, 2, 3, 4].map((j) => (
                <Skeleton key={j} className="h-24 w-56 shrink-0" />
              ))}
            </div>
          </div>
        ))}
      </div>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <section aria-label={label} className="flex flex-col gap-6">
      <h2 className="sr-only">{label}</h2>
      {channels.length === 0 ? (
        <EmptyState title={`Nothing to catch up on ${day.offset === 0 ? 'yet today' : `from ${label}`}`}>
          <p>
            {day.offset === 0
              ? 'No programme has ended yet today on your channels.'
              : 'The guide lists no programme from this day that can still be played.'}{' '}
            <Link to="/guide" className="focus-ring rounded underline">
              See what is on now
            </Link>
            .
          </p>
        </EmptyState>
      ) : (
        channels.map((r) => (
          <CatchupChannel key={r.channel.id} channel={r.channel} slots={r.slots} timeZone={timeZone} kids={kids} />
        ))
      )}
      {query.hasNextPage && (
        <div className="flex justify-center px-4">
          <Button variant="secondary" busy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            More channels
          </Button>
        </div>
      )}
    </section>
  );
}
