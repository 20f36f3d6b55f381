import { describe, expect, it } from 'vitest';

import { pickNext, type Box } from './spatialNavigation';

const box = (left: number, top: number, width = 100, height = 50): Box => ({ left, top, width, height });

describe('pickNext', () => {
  // A rail of three cards above a row of two buttons.
  const rail = [box(0, 0), box(120, 0), box(240, 0)];
  const buttons = [box(0, 100, 200), box(220, 100, 200)];
  const all = [...rail, ...buttons];

  it('moves along a row to the next item, not past it', () => {
    expect(pickNext(rail[0], all, 'right')).toBe(1);
    expect(pickNext(rail[2], all, 'left')).toBe(1);
  });

  it('finds nothing beyond the edge', () => {
    expect(pickNext(rail[2], all, 'right')).toBe(-1);
    expect(pickNext(rail[0], all, 'up')).toBe(-1);
  });

  it('going down prefers the item in line over a nearer one to the side', () => {
    expect(pickNext(rail[2], all, 'down')).toBe(4);
    expect(pickNext(rail[0], all, 'down')).toBe(3);
  });

  it('ignores items that overlap the start instead of lying ahead', () => {
    const overlapping = [box(50, 0), box(300, 0)];
    expect(pickNext(box(0, 0), overlapping, 'right')).toBe(1);
  });
});
