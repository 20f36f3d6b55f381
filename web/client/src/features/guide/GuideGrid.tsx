import type { Channel } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';

import { GridRow } from './GridRow';
import { MINUTE, tickCount, tickTime, timelineWidth, timeToX, type GuideDay, type Timeline } from './layout';
import type { Slot } from './programme';
import type { GuideFilter } from './queries';
import { TimeHeader } from './TimeHeader';
import { useFillHeight } from './useFillHeight';
import { useGridKeyboard } from './useGridKeyboard';
import { useGridPages } from './useGridPages';
import { useGridScroll } from './useGridScroll';
import type { GuideMetrics } from './useGuideMetrics';

export interface GuideGridProps {
  filter: GuideFilter;
  total: number;
  days: GuideDay[];
  viewDay: number;
  timeline: Timeline;
  timeZone: string;
  now: number;
  metrics: GuideMetrics;
  kids: boolean;
  // The time to show at the left edge on mount, and later jumps (day picker, "Now").
  initialTime: number;
  jump: { time: number; seq: number };
  onViewTime: (time: number) => void;
  onOpen: (slot: Slot, channel: Channel) => void;
  onToggleFavorite: (channel: Channel) => void;
}

export function GuideGrid(props: GuideGridProps) {
  const { filter, total, days, timeline, timeZone, now, metrics, kids } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(scrollRef);
  const tickWidth = 30 * timeline.pxPerMinute;
  const width = metrics.channelWidth + timelineWidth(timeline);

  const rows = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => metrics.rowHeight,
    paddingStart: metrics.headerHeight,
    scrollPaddingStart: metrics.headerHeight,
    overscan: 4,
    useFlushSync: false,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: tickCount(timeline),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => tickWidth,
    // Ticks are laid out from the timeline's start; the sticky channel column covers the
    // viewport's first channelWidth pixels, so the range reaches that much further right.
    paddingEnd: metrics.channelWidth,
    overscan: 2,
    initialOffset: () => timeToX(props.initialTime, timeline),
    useFlushSync: false,
  });

  useGridScroll({
    scrollRef,
    timeline,
    metrics,
    rows,
    columns,
    initialTime: props.initialTime,
    jump: props.jump,
    onViewTime: props.onViewTime,
  });

  // What is drawn: the virtual rows, and the time range of the virtual ticks.
  const rowItems = rows.getVirtualItems();
  const tickItems = columns.getVirtualItems();
  const firstTick = tickItems[0]?.index ?? 0;
  const lastTick = tickItems[tickItems.length - 1]?.index ?? 0;
  const from = Math.max(tickTime(firstTick, timeline), timeline.start);
  const to = Math.min(tickTime(lastTick + 1, timeline), timeline.end);
  const range = { left: timeToX(from, timeline), width: timeToX(to, timeline) - timeToX(from, timeline) };
  // The half hour at the viewport's left edge: only programmes over it keep their title
  // in view with position: sticky (a sticky element is a compositor layer each).
  const edge = tickTime(columns.range?.startIndex ?? firstTick, timeline);
  const stickyAt = { start: edge, end: edge + 30 * MINUTE };

  const { views, failed, retry } = useGridPages(filter, rowItems, from, to);

  const keyboard = useGridKeyboard({ scrollRef, filter, total, timeline, metrics, now, views });
  const nowX = now >= timeline.start && now < timeline.end ? metrics.channelWidth + timeToX(now, timeline) : null;

  return (
    <div className="relative">
      {failed && (
        <div
          role="alert"
          className="absolute inset-x-0 bottom-0 z-40 flex items-center gap-3 bg-neutral-900/95 px-4 py-2 text-sm text-amber-200 md:px-8"
        >
          Part of the guide could not be loaded.
          <Button variant="secondary" onClick={retry}>
            Try again
          </Button>
        </div>
      )}
      <div
        ref={scrollRef}
        role="grid"
        aria-label="TV guide"
        aria-rowcount={total + 1}
        data-own-arrows
        onKeyDown={keyboard.onKeyDown}
        onFocus={keyboard.onFocus}
        className="relative overflow-auto overscroll-contain border-t border-white/10"
        style={{ height }}
      >
        <div className="relative" style={{ width, height: rows.getTotalSize() }}>
          <TimeHeader
            ticks={tickItems}
            timeline={timeline}
            timeZone={timeZone}
            days={days}
            viewDay={props.viewDay}
            metrics={metrics}
            width={width}
            nowX={nowX}
            kids={kids}
          />
          {views.map((row) => (
            <GridRow
              key={row.index}
              row={row}
              timeline={timeline}
              range={range}
              stickyAt={stickyAt}
              width={width}
              metrics={metrics}
              now={now}
              timeZone={timeZone}
              tabStop={keyboard.tabStop(row)}
              kids={kids}
              onOpen={props.onOpen}
              onToggleFavorite={props.onToggleFavorite}
            />
          ))}
          {nowX !== null && (
            <div
              aria-hidden="true"
              data-now-line
              className="pointer-events-none absolute z-10 w-0.5 bg-brand-500"
              style={{ left: nowX - 1, top: metrics.headerHeight, height: total * metrics.rowHeight }}
            />
          )}
        </div>
      </div>
    </div>
  );
}

export function useMemoTimeline(days: GuideDay[], pxPerMinute: number): Timeline {
  const start = days[0]?.start ?? 0;
  const end = days[days.length - 1]?.end ?? 0;
  return useMemo(() => ({ start, end, pxPerMinute }), [start, end, pxPerMinute]);
}
