import type { Channel } from '@kinora/shared';
import { Button, EmptyState, ErrorState } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';

import { useSignedIn } from '../../app/useSignedIn';
import { DayPicker } from './DayPicker';
import { GroupTabs, groupTabs, type GroupTab } from './GroupTabs';
import { GuideGrid, useMemoTimeline } from './GuideGrid';
import { GuideSkeleton } from './GuideSkeleton';
import { dayIndexAt, guideDays, MINUTE, sameTimeOnDay, startOfLocalDay, viewerTimeZone, WINDOW_MS } from './layout';
import type { Slot } from './programme';
import { ProgrammeDialog } from './ProgrammeDialog';
import { filterKey, gridPageQuery, groupsQuery, useToggleFavorite, type GuideFilter } from './queries';
import { useGuideMetrics } from './useGuideMetrics';
import { useNow } from './useNow';

const PANEL_ID = 'guide-panel';

export default function GuidePage() {
  const { profile } = useSignedIn();
  const kids = profile.kids;
  const [timeZone] = useState(viewerTimeZone);
  const now = useNow();
  const metrics = useGuideMetrics();
  const today = startOfLocalDay(now, timeZone);
  // A week back (catch-up) and today plus six days ahead; recomputed at midnight.
  const days = useMemo(() => guideDays(today, timeZone, 7, 6), [today, timeZone]);
  const timeline = useMemoTimeline(days, metrics.pxPerMinute);
  const lead = (metrics.size === 'phone' ? 15 : 30) * MINUTE;

  const [params, setParams] = useSearchParams();
  const groups = useQuery(groupsQuery());
  const tabs = useMemo(() => groupTabs(groups.data ?? []), [groups.data]);
  const wanted = params.get('group') ?? 'all';
  const active: GroupTab = tabs.find((t) => t.key === wanted) ?? tabs.find((t) => t.key === 'all')!;
  const filter: GuideFilter = active.filter;

  // The first page at the time the guide opened tells how many channels the tab has
  // (fixed, so the grid is not remounted when the clock enters the next window).
  const [firstWindow] = useState(() => Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS);
  const first = useQuery({ ...gridPageQuery(filter, 0, firstWindow), enabled: groups.isSuccess });

  const viewTime = useRef(now - lead);
  const [viewDay, setViewDay] = useState(() => dayIndexAt(now, days));
  const [jump, setJump] = useState({ time: now - lead, seq: 0 });
  const onViewTime = useCallback(
    (t: number) => {
      viewTime.current = t;
      setViewDay(dayIndexAt(t + 30 * MINUTE, days));
    },
    [days],
  );
  const jumpTo = (time: number) => setJump((j) => ({ time, seq: j.seq + 1 }));
  const pickDay = (i: number) => {
    const day = days[i];
    jumpTo(day.offset === 0 ? now - lead : sameTimeOnDay(viewTime.current, day, timeZone));
  };

  const [selection, setSelection] = useState<{ slot: Slot; channel: Channel } | null>(null);
  const toggle = useToggleFavorite();
  const { mutate: toggleFavorite } = toggle;
  const onToggleFavorite = useCallback(
    (channel: Channel) => {
      toggleFavorite({ channel, favorite: !channel.favorite });
      setSelection((s) =>
        s && s.channel.id === channel.id ? { ...s, channel: { ...channel, favorite: !channel.favorite } } : s,
      );
    },
    [toggleFavorite],
  );
  const onOpen = useCallback((slot: Slot, channel: Channel) => setSelection({ slot, channel }), []);

  const chooseTab = (tab: GroupTab) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (tab.key === 'all') next.delete('group');
        else next.set('group', tab.key);
        return next;
      },
      { replace: true },
    );

  let body: React.ReactNode;
  if (groups.isError) body = <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />;
  else if (first.isError) body = <ErrorState error={first.error} onRetry={() => void first.refetch()} />;
  else if (!first.data) body = <GuideSkeleton metrics={metrics} />;
  else if (first.data.total === 0) body = <NoChannels filter={filter} kids={kids} />;
  else {
    body = (
      <GuideGrid
        key={filterKey(filter)}
        filter={filter}
        total={first.data.total}
        days={days}
        viewDay={viewDay}
        timeline={timeline}
        timeZone={timeZone}
        now={now}
        metrics={metrics}
        kids={kids}
        initialTime={viewTime.current}
        jump={jump}
        onViewTime={onViewTime}
        onOpen={onOpen}
        onToggleFavorite={onToggleFavorite}
      />
    );
  }

  return (
    // The grid scrolls inside itself down to the window's bottom; -mb-16 takes back the
    // main element's bottom padding so the page itself does not scroll.
    <div className="-mb-16 flex min-w-0 flex-col gap-3 pt-4">
      <div className="flex items-center justify-between gap-4 px-4 md:px-8">
        <h1 className={`text-2xl font-bold ${kids ? 'text-yellow-300' : 'text-white'}`}>TV guide</h1>
        <Link
          to="/guide/catch-up"
          className="focus-ring rounded-md px-3 py-1.5 text-sm font-semibold text-neutral-200 hover:bg-white/10"
        >
          Catch-up
        </Link>
      </div>
      {tabs.length > 1 && (
        <GroupTabs tabs={tabs} active={active.key} panelId={PANEL_ID} kids={kids} onChange={chooseTab} />
      )}
      <div className="flex min-w-0 items-center gap-2 px-4 md:px-8">
        <DayPicker days={days} viewDay={viewDay} timeZone={timeZone} kids={kids} onPick={pickDay} />
        <Button variant="secondary" className="shrink-0" onClick={() => jumpTo(now - lead)}>
          Now
        </Button>
      </div>
      {toggle.isError && (
        <p role="alert" className="px-4 text-sm text-amber-200 md:px-8">
          The favourite could not be saved. Try again.
        </p>
      )}
      <div
        id={PANEL_ID}
        role="tabpanel"
        aria-labelledby={tabs.length > 1 ? `guide-tab-${active.key}` : undefined}
        aria-label={tabs.length > 1 ? undefined : 'All channels'}
      >
        {body}
      </div>
      <ProgrammeDialog
        selection={selection}
        now={now}
        timeZone={timeZone}
        onClose={() => setSelection(null)}
        onToggleFavorite={onToggleFavorite}
      />
    </div>
  );
}

function NoChannels({ filter, kids }: { filter: GuideFilter; kids: boolean }) {
  if (filter.kind === 'favorites') {
    return (
      <EmptyState title="No favourite channels yet">
        <p>Star a channel in the guide to find it here first.</p>
      </EmptyState>
    );
  }
  if (filter.kind === 'category') {
    return <EmptyState title="No channels in this group">Pick another group above.</EmptyState>;
  }
  return (
    <EmptyState title="No channels to show">
      <p>
        {kids
          ? 'Kids profiles see only the channels rated for them, and none is available right now.'
          : 'No channel is available on this profile and plan yet.'}
      </p>
    </EmptyState>
  );
}
