import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type Location } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { SEARCH_DEBOUNCE_MS, useSearchText } from './useSearchText';

// The hook inside a real router, so the URL it writes can be read back.
function setup(initial: string) {
  let location!: Location;
  let router!: ReturnType<typeof createMemoryRouter>;
  const Wrapper = ({ children }: { children: ReactNode }) => {
    router ??= createMemoryRouter([{ path: '/search', element: children }], { initialEntries: [initial] });
    return <RouterProvider router={router} />;
  };
  const view = renderHook(() => useSearchText(), { wrapper: Wrapper });
  const url = () => {
    location = router.state.location;
    return location.search;
  };
  return { ...view, url, router: () => router };
}

describe('useSearchText', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts from ?q= and writes typing to the URL only after the pause', () => {
    const { result, url } = setup('/search?q=lo');
    expect(result.current.text).toBe('lo');
    expect(result.current.query).toBe('lo');
    act(() => result.current.setText('lov'));
    act(() => result.current.setText('love'));
    act(() => void vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1));
    expect(url()).toBe('?q=lo');
    act(() => void vi.advanceTimersByTime(1));
    expect(url()).toBe('?q=love');
    expect(result.current.query).toBe('love');
  });

  it('searches at once on Enter', async () => {
    const { result, url } = setup('/search');
    act(() => result.current.setText('night'));
    await act(async () => result.current.commit());
    expect(url()).toBe('?q=night');
  });

  it('clears ?q= when the box is emptied', () => {
    const { result, url } = setup('/search?q=star');
    act(() => result.current.setText(''));
    act(() => void vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    expect(url()).toBe('');
    expect(result.current.query).toBe('');
  });

  it('puts the URL text in the box when history moves to another ?q=', async () => {
    const { result, router } = setup('/search?q=star');
    await act(() => router().navigate('/search?q=rain'));
    expect(result.current.text).toBe('rain');
    act(() => void vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    expect(router().state.location.search).toBe('?q=rain');
  });
});
