import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

import { timeToX, xToTime, type Timeline } from './layout';
import type { GuideMetrics } from './useGuideMetrics';

// The grid's horizontal position: where it opens, the day picker's and "Now"'s jumps,
// reporting the time at the left edge, and keeping it when the sizes change.
export function useGridScroll({
  scrollRef,
  timeline,
  metrics,
  rows,
  columns,
  initialTime,
  jump,
  onViewTime,
}: {
  scrollRef: RefObject<HTMLDivElement>;
  timeline: Timeline;
  metrics: GuideMetrics;
  rows: Virtualizer<HTMLDivElement, Element>;
  columns: Virtualizer<HTMLDivElement, Element>;
  initialTime: number;
  jump: { time: number; seq: number };
  onViewTime: (time: number) => void;
}) {
  // Sizes change with the screen: keep the same time at the left edge.
  const leftTime = useRef(initialTime);
  useLayoutEffect(() => {
    rows.measure();
    columns.measure();
    const el = scrollRef.current;
    if (el) el.scrollLeft = timeToX(leftTime.current, timeline);
  }, [scrollRef, metrics, timeline, rows, columns]);

  // Jumps asked for after mount (a remount for another tab keeps its place instead).
  const handledJump = useRef(jump.seq);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || jump.seq === handledJump.current) return;
    handledJump.current = jump.seq;
    el.scrollTo({ left: timeToX(jump.time, timeline) });
  }, [scrollRef, jump, timeline]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => {
      leftTime.current = xToTime(el.scrollLeft, timeline);
      onViewTime(leftTime.current);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [scrollRef, timeline, onViewTime]);
}
