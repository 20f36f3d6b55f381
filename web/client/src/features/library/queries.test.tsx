import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { titleSummary } from '../catalog/testData';
import { homeKeys } from '../home/queries';
import { titleKeys } from '../title/queries';

// Only the transport is replaced; unwrap and ApiError are the real ones.
const transport = vi.hoisted(() => ({ PUT: vi.fn(), DELETE: vi.fn(), GET: vi.fn() }));
vi.mock('@kinora/shared', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@kinora/shared')>()),
  api: transport,
}));

const { libraryKeys, useWatchlistMutation } = await import('./queries');

function answer(status: number, body?: unknown) {
  const response = new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
  return status >= 400 ? { error: body, response } : { data: body, response };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const saved = { title: titleSummary(1), added_at: '2026-01-01T00:00:00Z' };
  queryClient.setQueryData(libraryKeys.watchlist(), { items: [saved] });
  queryClient.setQueryData(homeKeys.rails(), { rails: [] });
  queryClient.setQueryData(titleKeys.detail(2), titleSummary(2));
  const { result } = renderHook(() => useWatchlistMutation(), { wrapper });
  const ids = () =>
    queryClient
      .getQueryData<{ items: { title: { id: number } }[] }>(libraryKeys.watchlist())
      ?.items.map((e) => e.title.id);
  return { queryClient, result, ids };
}

describe('useWatchlistMutation', () => {
  beforeEach(() => vi.clearAllMocks());

  it('shows the added title before the server answers, then refreshes what shows the list', async () => {
    const { queryClient, result, ids } = setup();
    const server = deferred<ReturnType<typeof answer>>();
    transport.PUT.mockReturnValue(server.promise);

    act(() => result.current.mutate({ title: titleSummary(2), add: true }));
    await waitFor(() => expect(ids()).toEqual([2, 1]));
    expect(transport.PUT).toHaveBeenCalledWith('/api/v1/viewing/watchlist/{title_id}', {
      params: { path: { title_id: 2 } },
    });

    await act(async () => server.resolve(answer(204)));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(ids()).toEqual([2, 1]);
    for (const key of [libraryKeys.watchlist(), homeKeys.rails(), titleKeys.detail(2)]) {
      expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
    }
  });

  it('puts the list back when the server refuses', async () => {
    const { result, ids } = setup();
    transport.DELETE.mockResolvedValue(
      answer(503, {
        type: 'urn:kinora:problem:unavailable',
        title: 'Unavailable',
        status: 503,
        detail: 'Busy',
        instance: '/',
      }),
    );

    act(() => result.current.mutate({ title: titleSummary(1), add: false }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(ids()).toEqual([1]);
    expect(result.current.error).toMatchObject({ status: 503 });
  });

  it('takes a 404 on removal as done: the title is off the list either way', async () => {
    const { result, ids } = setup();
    transport.DELETE.mockResolvedValue(
      answer(404, {
        type: 'urn:kinora:problem:not-found',
        title: 'Not found',
        status: 404,
        detail: 'Gone',
        instance: '/',
      }),
    );

    act(() => result.current.mutate({ title: titleSummary(1), add: false }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(ids()).toEqual([]);
  });
});
