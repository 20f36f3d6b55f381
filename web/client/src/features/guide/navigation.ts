// Arrow keys in the guide grid, pure: left/right step through a channel's programmes,
// up/down change channel and keep the time the viewer is looking at.

import { MINUTE } from './layout';

export interface TimeSlot {
  id: number;
  start: number;
  stop: number;
}

// Where focus is: a programme of a row, or the row's channel cell; `anchor` is the time
// up/down keep.
export type GridFocus = { row: number; slotId: number | 'channel'; anchor: number };

export type Move =
  | { kind: 'focus'; focus: GridFocus }
  // The target row or time is not loaded yet: scroll there and focus when it arrives.
  | { kind: 'wait'; row: number; anchor: number }
  | { kind: 'none' };

// The slot on at `t`, else the nearest one to it; null for an empty row.
export function slotAt<S extends TimeSlot>(slots: S[], t: number): S | null {
  let best: S | null = null;
  let bestGap = Infinity;
  for (const s of slots) {
    if (t >= s.start && t < s.stop) return s;
    const gap = t < s.start ? s.start - t : t - s.stop + 1;
    if (gap < bestGap) {
      bestGap = gap;
      best = s;
    }
  }
  return best;
}

// A time kept inside a programme (a click or Tab onto it keeps the old time if it can).
export function anchorFor(slot: TimeSlot, t: number): number {
  return Math.max(slot.start, Math.min(t, slot.stop - MINUTE));
}

export interface GridModel {
  rowCount: number;
  // A row's loaded programmes in start order; undefined while its page is not loaded.
  slots: (row: number) => TimeSlot[] | undefined;
  // The bounds of the timeline.
  start: number;
  end: number;
  // The time at the left edge of the viewport, and the time now.
  viewStart: number;
  now: number;
  // How many rows a page key moves.
  pageRows: number;
}

const MAX_EMPTY_ROWS = 100;

function verticalMove(focus: GridFocus, step: number, model: GridModel): Move {
  let row = focus.row;
  for (let tried = 0; tried < MAX_EMPTY_ROWS; tried++) {
    row += step;
    if (row < 0 || row >= model.rowCount) return { kind: 'none' };
    if (focus.slotId === 'channel') return { kind: 'focus', focus: { ...focus, row } };
    const slots = model.slots(row);
    if (!slots) return { kind: 'wait', row, anchor: focus.anchor };
    const target = slotAt(slots, focus.anchor);
    // A channel with nothing listed is passed over.
    if (target) return { kind: 'focus', focus: { row, slotId: target.id, anchor: focus.anchor } };
    if (Math.abs(step) > 1) step = Math.sign(step);
  }
  return { kind: 'none' };
}

function horizontalMove(focus: GridFocus, dir: -1 | 1, model: GridModel): Move {
  const slots = model.slots(focus.row);
  if (!slots) return { kind: 'none' };
  if (focus.slotId === 'channel') {
    if (dir < 0) return { kind: 'none' };
    const target = slotAt(slots, Math.max(focus.anchor, model.viewStart));
    return target ? { kind: 'focus', focus: { ...focus, slotId: target.id } } : { kind: 'none' };
  }
  const i = slots.findIndex((s) => s.id === focus.slotId);
  if (i < 0) return { kind: 'none' };
  const next = slots[i + dir];
  if (next) {
    // The time nearest the old one inside the new programme, or now if it is on.
    const anchor = model.now >= next.start && model.now < next.stop ? model.now : anchorFor(next, focus.anchor);
    return { kind: 'focus', focus: { row: focus.row, slotId: next.id, anchor: Math.max(anchor, model.start) } };
  }
  // The row's loaded programmes end here: the next ones are in a window not fetched yet.
  const edge = dir > 0 ? slots[i].stop : slots[i].start - MINUTE;
  if (edge < model.start || edge >= model.end) return { kind: 'none' };
  return { kind: 'wait', row: focus.row, anchor: edge };
}

export function moveFocus(focus: GridFocus, key: string, model: GridModel): Move {
  switch (key) {
    case 'ArrowLeft':
      return horizontalMove(focus, -1, model);
    case 'ArrowRight':
      return horizontalMove(focus, 1, model);
    case 'ArrowUp':
      return verticalMove(focus, -1, model);
    case 'ArrowDown':
      return verticalMove(focus, 1, model);
    case 'PageUp':
      return verticalMove({ ...focus, row: Math.max(focus.row - model.pageRows, 0) + 1 }, -1, model);
    case 'PageDown':
      return verticalMove({ ...focus, row: Math.min(focus.row + model.pageRows, model.rowCount - 1) - 1 }, 1, model);
    case 'Home':
      return { kind: 'focus', focus: { ...focus, slotId: 'channel' } };
    case 'End':
      return focus.slotId === 'channel' ? horizontalMove(focus, 1, model) : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}
