import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { useDebouncedValue } from './useDebouncedValue';

describe('useDebouncedValue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('settles on the last value once it stops changing', () => {
    const { result, rerender } = renderHook(({ value }) => useDebouncedValue(value, 250), {
      initialProps: { value: 'l' },
    });
    expect(result.current).toBe('l');
    rerender({ value: 'lo' });
    act(() => void vi.advanceTimersByTime(200));
    rerender({ value: 'lov' });
    act(() => void vi.advanceTimersByTime(200));
    rerender({ value: 'love' });
    // 600 ms of typing, yet no intermediate value came through
    expect(result.current).toBe('l');
    act(() => void vi.advanceTimersByTime(249));
    expect(result.current).toBe('l');
    act(() => void vi.advanceTimersByTime(1));
    expect(result.current).toBe('love');
  });
});
