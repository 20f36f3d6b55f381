import { useQueryClient } from '@tanstack/react-query';
import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';

import { MINUTE, timeToX, xToTime, type Timeline } from './layout';
import { airing } from './programme';
import { anchorFor, moveFocus, slotAt, type GridFocus, type GridModel } from './navigation';
import { cachedRowSlots, isLoadedAt, type GuideFilter } from './queries';
import type { GuideMetrics } from './useGuideMetrics';
import type { RowView } from './GridRow';

const KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

// The grid as one roving-tabindex widget: one programme is the tab stop, arrows move it
// (scrolling the grid and waiting for pages as needed), Enter opens it (a native click).
export function useGridKeyboard({
  scrollRef,
  filter,
  total,
  timeline,
  metrics,
  now,
  views,
}: {
  scrollRef: RefObject<HTMLDivElement>;
  filter: GuideFilter;
  total: number;
  timeline: Timeline;
  metrics: GuideMetrics;
  now: number;
  views: RowView[];
}) {
  const queryClient = useQueryClient();
  const [focus, setFocus] = useState<GridFocus | null>(null);
  // A focus asked for but not drawn yet: the element, or a row/time whose page loads.
  const pending = useRef<{ row: number; slotId?: number | 'channel'; anchor: number } | null>(null);

  const viewStart = () => xToTime(scrollRef.current?.scrollLeft ?? 0, timeline);

  const reveal = useCallback(
    (row: number, time: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const top = metrics.headerHeight + row * metrics.rowHeight;
      if (top < el.scrollTop + metrics.headerHeight) el.scrollTop = top - metrics.headerHeight;
      else if (top + metrics.rowHeight > el.scrollTop + el.clientHeight)
        el.scrollTop = top + metrics.rowHeight - el.clientHeight;
      const x = timeToX(time, timeline);
      const visible = el.clientWidth - metrics.channelWidth;
      const margin =
        (Math.min(30 * MINUTE, (visible / 4 / timeline.pxPerMinute) * MINUTE) / MINUTE) * timeline.pxPerMinute;
      if (x < el.scrollLeft + 4 || x > el.scrollLeft + visible - 2 * margin) el.scrollLeft = x - margin;
    },
    [scrollRef, metrics, timeline],
  );

  const focusElement = (row: number, slotId: number | 'channel'): boolean => {
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-slot="${slotId}"]`);
    if (!el) return false;
    el.focus({ preventScroll: true });
    return true;
  };

  // The time a focus asked for should keep, handed to onFocus.
  const anchorHint = useRef<number | null>(null);

  // After each draw: focus what was asked for once it is there (onFocus then records it).
  useLayoutEffect(() => {
    const want = pending.current;
    if (!want) return;
    if (want.slotId === undefined) {
      if (!isLoadedAt(queryClient, filter, want.row, want.anchor)) return;
      const target = slotAt(cachedRowSlots(queryClient, filter, want.row) ?? [], want.anchor);
      if (!target) {
        pending.current = null;
        return;
      }
      want.slotId = target.id;
    }
    anchorHint.current = want.anchor;
    if (focusElement(want.row, want.slotId)) pending.current = null;
    anchorHint.current = null;
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const row = Number(target.dataset.row);
    const slot = target.dataset.slot;
    if (!slot || Number.isNaN(row)) return;
    event.preventDefault();
    const current: GridFocus =
      focus && focus.row === row && String(focus.slotId) === slot
        ? focus
        : {
            row,
            slotId: slot === 'channel' ? 'channel' : Number(slot),
            anchor: Number(target.dataset.start) || viewStart(),
          };
    const el = scrollRef.current;
    const model: GridModel = {
      rowCount: total,
      slots: (r) => cachedRowSlots(queryClient, filter, r),
      start: timeline.start,
      end: timeline.end,
      viewStart: viewStart(),
      now,
      pageRows: Math.max(1, Math.floor(((el?.clientHeight ?? 0) - metrics.headerHeight) / metrics.rowHeight) - 1),
    };
    const move = moveFocus(current, event.key, model);
    if (move.kind === 'none') {
      // Up from the first channel leaves the grid for the controls above it (TV remotes
      // have no Tab key).
      if (event.key === 'ArrowUp') document.querySelector<HTMLElement>('[data-guide-exit-up]')?.focus();
      return;
    }
    if (move.kind === 'wait') {
      pending.current = { row: move.row, anchor: move.anchor };
      reveal(move.row, move.anchor);
      return;
    }
    const next = move.focus;
    setFocus(next);
    const slots = next.slotId === 'channel' ? null : cachedRowSlots(queryClient, filter, next.row);
    const s = slots?.find((x) => x.id === next.slotId);
    reveal(next.row, s ? Math.max(s.start, Math.min(next.anchor, s.stop - MINUTE)) : viewStart());
    if (!focusElement(next.row, next.slotId))
      pending.current = { row: next.row, slotId: next.slotId, anchor: next.anchor };
  };

  // A click, Tab or the page's spatial navigation landing on a cell makes it the tab stop.
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const t = event.target as HTMLElement;
    const row = Number(t.dataset.row);
    const slot = t.dataset.slot;
    if (!slot || Number.isNaN(row)) return;
    const slotId = slot === 'channel' ? 'channel' : Number(slot);
    const hint = anchorHint.current;
    setFocus((f) => {
      if (f && f.row === row && f.slotId === slotId && hint === null) return f;
      const base = hint ?? f?.anchor ?? now;
      const anchor =
        slotId === 'channel'
          ? base
          : anchorFor({ id: slotId, start: Number(t.dataset.start), stop: Number(t.dataset.stop) }, base);
      return { row, slotId, anchor };
    });
  };

  // The tab stop: the focused cell when it is drawn, else what is on now in the first
  // channel drawn in full, else its first programme.
  const drawn = focus ? views.find((v) => v.index === focus.row) : undefined;
  const focusDrawn =
    drawn && (focus!.slotId === 'channel' ? drawn.channel !== null : drawn.slots.some((s) => s.id === focus!.slotId));
  const fallbackRow =
    views.find(
      (v) => v.channel && v.slots.length > 0 && v.top >= (scrollRef.current?.scrollTop ?? 0) + metrics.headerHeight,
    ) ?? views.find((v) => v.slots.length > 0);
  const fallbackSlot = fallbackRow
    ? (fallbackRow.slots.find((s) => airing(s, now) === 'now') ?? fallbackRow.slots[0])
    : undefined;

  const tabStop = (row: RowView): number | 'channel' | null => {
    if (focusDrawn) return row.index === focus!.row ? focus!.slotId : null;
    return fallbackRow && row.index === fallbackRow.index ? (fallbackSlot?.id ?? null) : null;
  };

  return { onKeyDown, onFocus, tabStop };
}
