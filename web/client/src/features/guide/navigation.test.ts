import { MINUTE } from './layout';
import { anchorFor, moveFocus, slotAt, type GridModel, type TimeSlot } from './navigation';

const H = 60 * MINUTE;
const T0 = Date.parse('2026-01-15T18:00:00Z');
const slot = (id: number, fromH: number, toH: number): TimeSlot => ({ id, start: T0 + fromH * H, stop: T0 + toH * H });

// Row 0: 18-19, 19-20:30, 20:30-21; row 1: 18-20, 20-22; row 2: nothing listed;
// row 3: 17-23; row 4: not loaded.
const ROWS: (TimeSlot[] | undefined)[] = [
  [slot(1, 0, 1), slot(2, 1, 2.5), slot(3, 2.5, 3)],
  [slot(11, 0, 2), slot(12, 2, 4)],
  [],
  [slot(31, -1, 5)],
  undefined,
];
const model: GridModel = {
  rowCount: ROWS.length,
  slots: (r) => ROWS[r],
  start: T0 - 24 * H,
  end: T0 + 24 * H,
  viewStart: T0,
  now: T0 - 5 * H,
  pageRows: 2,
};

describe('slotAt', () => {
  test('the programme on at a time, else the nearest', () => {
    expect(slotAt(ROWS[0]!, T0 + 1.5 * H)?.id).toBe(2);
    expect(slotAt(ROWS[0]!, T0 + 1 * H)?.id).toBe(2); // stop is exclusive
    expect(slotAt(ROWS[0]!, T0 - 5 * H)?.id).toBe(1);
    expect(slotAt(ROWS[0]!, T0 + 9 * H)?.id).toBe(3);
    expect(slotAt([], T0)).toBeNull();
  });

  test('anchors stay inside their programme', () => {
    expect(anchorFor(slot(5, 1, 2), T0)).toBe(T0 + H);
    expect(anchorFor(slot(5, 1, 2), T0 + 1.5 * H)).toBe(T0 + 1.5 * H);
    expect(anchorFor(slot(5, 1, 2), T0 + 5 * H)).toBe(T0 + 2 * H - MINUTE);
  });
});

describe('moveFocus', () => {
  test('left and right step through a channel in time, moving the anchor', () => {
    const from = { row: 0, slotId: 2, anchor: T0 + 1.2 * H };
    expect(moveFocus(from, 'ArrowRight', model)).toEqual({
      kind: 'focus',
      focus: { row: 0, slotId: 3, anchor: T0 + 2.5 * H },
    });
    expect(moveFocus(from, 'ArrowLeft', model)).toEqual({
      kind: 'focus',
      focus: { row: 0, slotId: 1, anchor: T0 + H - MINUTE },
    });
  });

  test('a programme on now anchors at now, so down from it finds what is on now there', () => {
    const live = { ...model, now: T0 + 1.25 * H };
    const left = moveFocus({ row: 0, slotId: 3, anchor: T0 + 2.5 * H }, 'ArrowLeft', live);
    expect(left).toEqual({ kind: 'focus', focus: { row: 0, slotId: 2, anchor: T0 + 1.25 * H } });
    if (left.kind !== 'focus') return;
    expect(moveFocus(left.focus, 'ArrowDown', live)).toMatchObject({ focus: { row: 1, slotId: 11 } });
  });

  test('past the loaded programmes, it waits for the next window', () => {
    expect(moveFocus({ row: 0, slotId: 3, anchor: T0 + 2.5 * H }, 'ArrowRight', model)).toEqual({
      kind: 'wait',
      row: 0,
      anchor: T0 + 3 * H,
    });
    expect(moveFocus({ row: 0, slotId: 1, anchor: T0 }, 'ArrowLeft', model)).toEqual({
      kind: 'wait',
      row: 0,
      anchor: T0 - MINUTE,
    });
  });

  test('not past the ends of the guide', () => {
    const edge = { ...model, end: T0 + 3 * H };
    expect(moveFocus({ row: 0, slotId: 3, anchor: T0 + 2.5 * H }, 'ArrowRight', edge)).toEqual({ kind: 'none' });
  });

  test('up and down keep the time position across channels', () => {
    expect(moveFocus({ row: 0, slotId: 2, anchor: T0 + 2.2 * H }, 'ArrowDown', model)).toEqual({
      kind: 'focus',
      focus: { row: 1, slotId: 12, anchor: T0 + 2.2 * H },
    });
    expect(moveFocus({ row: 1, slotId: 11, anchor: T0 + 0.5 * H }, 'ArrowUp', model)).toEqual({
      kind: 'focus',
      focus: { row: 0, slotId: 1, anchor: T0 + 0.5 * H },
    });
  });

  test('a channel with nothing listed is passed over; an unloaded one is waited for', () => {
    expect(moveFocus({ row: 1, slotId: 11, anchor: T0 }, 'ArrowDown', model)).toEqual({
      kind: 'focus',
      focus: { row: 3, slotId: 31, anchor: T0 },
    });
    expect(moveFocus({ row: 3, slotId: 31, anchor: T0 }, 'ArrowDown', model)).toEqual({
      kind: 'wait',
      row: 4,
      anchor: T0,
    });
    expect(moveFocus({ row: 0, slotId: 1, anchor: T0 }, 'ArrowUp', model)).toEqual({ kind: 'none' });
  });

  test('page keys move by a screenful of channels', () => {
    expect(moveFocus({ row: 0, slotId: 1, anchor: T0 }, 'PageDown', model)).toMatchObject({
      kind: 'focus',
      focus: { row: 3, slotId: 31 },
    });
    expect(moveFocus({ row: 3, slotId: 31, anchor: T0 + 1.5 * H }, 'PageUp', model)).toMatchObject({
      kind: 'focus',
      focus: { row: 1, slotId: 11 },
    });
  });

  test('Home goes to the channel cell, and right comes back at the same time', () => {
    const home = moveFocus({ row: 1, slotId: 12, anchor: T0 + 3 * H }, 'Home', model);
    expect(home).toEqual({ kind: 'focus', focus: { row: 1, slotId: 'channel', anchor: T0 + 3 * H } });
    if (home.kind !== 'focus') return;
    expect(moveFocus(home.focus, 'ArrowDown', model)).toEqual({
      kind: 'focus',
      focus: { row: 2, slotId: 'channel', anchor: T0 + 3 * H },
    });
    expect(moveFocus(home.focus, 'ArrowRight', model)).toEqual({
      kind: 'focus',
      focus: { row: 1, slotId: 12, anchor: T0 + 3 * H },
    });
    expect(moveFocus(home.focus, 'ArrowLeft', model)).toEqual({ kind: 'none' });
  });
});
