import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { BrowserSession, type Grant } from './session';

const profile = { id: 1, name: 'Demo User', kids: false, has_pin: false, maturity_ceiling: '18' };
function grant(token: string, expiresIn = 900): Grant {
  return {
    account: { id: 7, email: 'demo@ott.test', tier: 'premium' },
    profile,
    profiles: [profile],
    access_token: token,
    expires_in: expiresIn,
  } as unknown as Grant;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

// A server double at the fetch boundary: /auth/refresh answers from a queue, every other
// call is authorised only with the current token.
function fakeServer() {
  const state = { current: 'A', refreshes: 0, refreshAnswers: [] as Array<() => Promise<Response>> };
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://k'), init);
    if (new URL(request.url).pathname === '/api/v1/auth/refresh') {
      state.refreshes++;
      expect(request.headers.get('X-Kinora-Session')).toBe('cookie');
      const answer = state.refreshAnswers.shift();
      return answer ? answer() : json(401, { type: 'urn:kinora:problem:unauthorized', status: 401, title: 'x' });
    }
    return request.headers.get('Authorization') === `Bearer ${state.current}`
      ? json(200, { ok: true })
      : json(401, { type: 'urn:kinora:problem:unauthorized', status: 401, title: 'expired' });
  });
  return { state, fetch: fetch as unknown as typeof globalThis.fetch };
}

describe('BrowserSession', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends concurrent 401s through one refresh and retries each with the new token', async () => {
    const server = fakeServer();
    const session = new BrowserSession({ baseUrl: 'http://k', fetch: server.fetch });
    session.accept(grant('A'));
    server.state.current = 'B'; // the access token lapsed on the server
    let release!: () => void;
    server.state.refreshAnswers.push(() => new Promise((resolve) => (release = () => resolve(json(200, grant('B'))))));

    const calls = [1, 2, 3].map(() => session.fetch(new Request('http://k/api/v1/account')));
    await vi.waitFor(() => expect(server.state.refreshes).toBe(1));
    release();
    const answers = await Promise.all(calls);

    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(server.state.refreshes).toBe(1);
    expect(session.accessToken).toBe('B');
  });

  it('renews before expiry without any call failing', async () => {
    const server = fakeServer();
    const session = new BrowserSession({ baseUrl: 'http://k', fetch: server.fetch, refreshLeadSeconds: 60 });
    session.accept(grant('A', 300));
    server.state.refreshAnswers.push(async () => json(200, grant('B', 300)));

    await vi.advanceTimersByTimeAsync(239_000);
    expect(server.state.refreshes).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.state.refreshes).toBe(1);
    expect(session.accessToken).toBe('B');
  });

  it('a refused refresh of a signed-in viewer ends the session as expired', async () => {
    const server = fakeServer();
    const session = new BrowserSession({ baseUrl: 'http://k', fetch: server.fetch });
    session.accept(grant('A'));
    server.state.current = 'B';

    const answer = await session.fetch(new Request('http://k/api/v1/account'));

    expect(answer.status).toBe(401);
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(session.accessToken).toBeNull();
  });

  it('a token still refused after a successful refresh is retried once, not in a loop', async () => {
    const server = fakeServer();
    const session = new BrowserSession({ baseUrl: 'http://k', fetch: server.fetch });
    session.accept(grant('A'));
    server.state.current = 'revoked'; // no token works, as when the session was just revoked
    server.state.refreshAnswers.push(async () => json(200, grant('B')));

    const answer = await session.fetch(new Request('http://k/api/v1/account'));

    expect(answer.status).toBe(401);
    expect(server.state.refreshes).toBe(1);
    expect(server.fetch).toHaveBeenCalledTimes(3); // the call, the refresh, one retry
  });

  it('on reload, no refresh cookie means signed out, a refused one expired, no answer unreachable', async () => {
    const noCookie = fakeServer();
    noCookie.state.refreshAnswers.push(async () =>
      json(401, { type: 'urn:kinora:problem:missing-refresh-token', status: 401, title: 'x' }),
    );
    const signedOut = new BrowserSession({ baseUrl: 'http://k', fetch: noCookie.fetch });
    await signedOut.refresh();
    expect(signedOut.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });

    const revoked = fakeServer();
    revoked.state.refreshAnswers.push(async () =>
      json(401, { type: 'urn:kinora:problem:invalid-refresh-token', status: 401, title: 'x' }),
    );
    const ended = new BrowserSession({ baseUrl: 'http://k', fetch: revoked.fetch });
    await ended.refresh();
    expect(ended.getState()).toEqual({ status: 'signed-out', reason: 'expired' });

    const offline = new BrowserSession({
      baseUrl: 'http://k',
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    await offline.refresh();
    expect(offline.getState()).toEqual({ status: 'unreachable' });
  });

  it('a server error on reload is unreachable, not a sign-out', async () => {
    const server = fakeServer();
    server.state.refreshAnswers.push(async () => json(503, { type: 'urn:kinora:problem:unavailable', status: 503 }));
    const session = new BrowserSession({ baseUrl: 'http://k', fetch: server.fetch });
    await session.refresh();
    expect(session.getState()).toEqual({ status: 'unreachable' });
  });

  it('tells listeners about every change', async () => {
    const session = new BrowserSession({ baseUrl: 'http://k', fetch: fakeServer().fetch });
    const seen: string[] = [];
    session.subscribe(() => seen.push(session.getState().status));
    session.accept(grant('A'));
    session.end('signed-out');
    expect(seen).toEqual(['signed-in', 'signed-out']);
  });
});
