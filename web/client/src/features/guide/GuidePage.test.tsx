// The page's states around the grid: loading, a failed load with its retry, no channels
// (a kids profile's wording), and Favourites as the first tab.
import { createQueryClient, type Channel, type ChannelGroup, type Grid } from '@kinora/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const { get, profile } = vi.hoisted(() => ({ get: vi.fn(), profile: { id: 1, name: 'Sam', kids: false } }));

vi.mock('@kinora/shared', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@kinora/shared')>();
  return { ...actual, api: { ...actual.api, GET: get } };
});
vi.mock('../../app/useSignedIn', () => ({ useSignedIn: () => ({ profile, profiles: [profile], account: {} }) }));

import GuidePage from './GuidePage';

const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });
const unavailable = () =>
  Promise.resolve({
    error: {
      type: 'urn:kinora:problem:unavailable',
      title: 'Unavailable',
      status: 503,
      detail: 'Try later.',
      instance: '/',
    },
    response: new Response(null, { status: 503 }),
  });

const channel: Channel = {
  id: 4,
  number: 110,
  name: 'Lanternhouse TV',
  slug: 'lanternhouse-tv',
  category: 'entertainment',
  description: '',
  tier: 'basic',
  maturity_rating: 'all',
  logo_url: '/api/v1/epg/channels/4/logo.svg',
  favorite: true,
};
const grid = (total: number): Grid => ({
  from: '2026-01-15T18:00:00Z',
  to: '2026-01-16T00:00:00Z',
  items: total ? [{ channel, programmes: [] }] : [],
  total,
  limit: 50,
  offset: 0,
});
const groups = (...items: ChannelGroup[]) => ({ items });
const entertainment: ChannelGroup = {
  id: 'entertainment',
  name: 'Entertainment',
  kind: 'category',
  count: 1,
  channel_ids: [4],
};

function answer(route: (path: string) => Promise<unknown>) {
  get.mockImplementation((path: string) => route(path));
}

function renderPage() {
  // The app's client (5xx retried twice), without the waits between tries.
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retryDelay: 0 } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/guide']}>
        <GuidePage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeAll(() => {
  // jsdom has neither; the grid asks for both.
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  })) as unknown as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

beforeEach(() => {
  get.mockReset();
  profile.kids = false;
});

describe('GuidePage', () => {
  it('shows a skeleton, then a failed grid with a retry that loads it', async () => {
    let fail = true;
    answer((path) => {
      if (path === '/api/v1/epg/groups') return ok(groups(entertainment));
      if (fail) return unavailable();
      return ok(grid(1));
    });
    renderPage();
    expect(screen.getByRole('status', { name: 'Loading the guide' })).toBeInTheDocument();
    const retry = await screen.findByRole('button', { name: 'Try again' }, { timeout: 3000 });
    expect(screen.getByRole('alert')).toHaveTextContent(/.+/);
    fail = false;
    await userEvent.click(retry);
    expect(await screen.findByRole('grid', { name: 'TV guide' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when a kids profile has no channel, and does not draw an empty grid', async () => {
    profile.kids = true;
    answer((path) => (path === '/api/v1/epg/groups' ? ok(groups()) : ok(grid(0))));
    renderPage();
    expect(await screen.findByRole('heading', { name: 'No channels to show' })).toBeInTheDocument();
    expect(screen.getByText(/Kids profiles see only the channels rated for them/)).toBeInTheDocument();
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('puts Favourites first, then All and the categories; Favourites asks for favourites only', async () => {
    const favourites: ChannelGroup = {
      id: 'favorites',
      name: 'Favorites',
      kind: 'favorites',
      count: 1,
      channel_ids: [4],
    };
    answer((path) => (path === '/api/v1/epg/groups' ? ok(groups(favourites, entertainment)) : ok(grid(1))));
    renderPage();
    await screen.findByRole('grid', { name: 'TV guide' });
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Favourites1', 'All1', 'Entertainment1']);
    expect(screen.getByRole('tab', { name: /^All/ })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(tabs[0]);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    const queries = get.mock.calls.filter(([p]) => p === '/api/v1/epg/grid').map(([, o]) => o.params.query);
    expect(queries.at(-1)).toMatchObject({ favorites: 'only', offset: 0, limit: 50 });
    expect(queries[0]).not.toHaveProperty('favorites');
  });
});
