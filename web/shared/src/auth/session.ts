import type { Account, Profile } from '../api/types';

// What a token-issuing route answers. In cookie mode the refresh token travels only in
// the HttpOnly cookie, so page scripts never hold it.
export interface Grant {
  account: Account;
  profile: Profile;
  profiles: Profile[];
  access_token: string;
  expires_in: number;
}

export type SignedOutReason = 'signed-out' | 'expired' | 'disabled';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable' }
  | { status: 'signed-out'; reason?: SignedOutReason }
  | { status: 'signed-in'; account: Account; profile: Profile; profiles: Profile[] };

// Sent on every token route: asks for the refresh cookie, and is the custom header the
// server requires before it honours that cookie (a cross-site form cannot send it).
export const COOKIE_MODE_HEADERS = { 'X-Kinora-Session': 'cookie' } as const;

interface Options {
  baseUrl?: string;
  fetch?: typeof fetch;
  now?: () => number;
  // Seconds before expiry at which the token is renewed.
  refreshLeadSeconds?: number;
}

// The browser's side of a sign-in: the access token in memory only, renewed before it
// expires and on reload, with one renewal in flight however many calls got a 401.
export class BrowserSession {
  private token: string | null = null;
  private expiresAt = 0;
  private state: SessionState = { status: 'loading' };
  private readonly listeners = new Set<() => void>();
  private inflight: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly baseUrl: string;
  private readonly doFetch: typeof fetch;
  private readonly now: () => number;
  private readonly lead: number;

  constructor(options: Options = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.doFetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.now = options.now ?? Date.now;
    this.lead = options.refreshLeadSeconds ?? 60;
  }

  get accessToken(): string | null {
    return this.token;
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  // Takes the tokens a sign-in, refresh or profile switch answered.
  accept(grant: Grant): void {
    this.token = grant.access_token;
    this.expiresAt = this.now() + grant.expires_in * 1000;
    this.schedule(grant.expires_in);
    this.set({ status: 'signed-in', account: grant.account, profile: grant.profile, profiles: grant.profiles });
  }

  // Replaces the profile list after profiles were added, renamed or removed.
  updateProfiles(profiles: Profile[]): void {
    if (this.state.status !== 'signed-in') return;
    const profile = profiles.find((p) => p.id === (this.state as { profile: Profile }).profile.id);
    this.set({ ...this.state, profiles, profile: profile ?? this.state.profile });
  }

  // A new access token from the refresh cookie, or null when there is none to be had.
  // Concurrent callers share one request; tabs take turns through a Web Lock, so two
  // tabs never present the same refresh token (which the server treats as theft).
  refresh(): Promise<string | null> {
    this.inflight ??= this.withTabLock(() => this.refreshNow()).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  // Renews the token when it is about to lapse (timers sleep in background tabs).
  refreshIfStale(): void {
    if (this.state.status === 'signed-in' && this.now() > this.expiresAt - this.lead * 1000) void this.refresh();
  }

  // Forgets the tokens locally; `signOut` also tells the server.
  end(reason: SignedOutReason): void {
    this.token = null;
    clearTimeout(this.timer);
    this.set({ status: 'signed-out', reason });
  }

  async signOut(): Promise<void> {
    try {
      await this.doFetch(this.baseUrl + '/api/v1/auth/logout', {
        method: 'POST',
        headers: COOKIE_MODE_HEADERS,
        credentials: 'same-origin',
      });
    } catch {
      // Signed out locally all the same; the cookie lapses on its own.
    }
    this.end('signed-out');
  }

  // fetch with the access token; a 401 triggers one renewal and one retry.
  fetch = async (request: Request): Promise<Response> => {
    const retry = request.clone();
    const sent = this.token;
    const response = await this.doFetch(this.authorize(request, sent));
    if (response.status !== 401 || sent === null) return response;
    // A disabled account has nothing to refresh into: say so rather than "expired".
    if ((await problemType(response.clone())).endsWith(':account-disabled')) {
      this.end('disabled');
      return response;
    }
    const renewed = this.token !== sent ? this.token : await this.refresh();
    return renewed ? this.doFetch(this.authorize(retry, renewed)) : response;
  };

  private authorize(request: Request, token: string | null): Request {
    if (!token) return request;
    const headers = new Headers(request.headers);
    headers.set('Authorization', `Bearer ${token}`);
    return new Request(request, { headers });
  }

  private async refreshNow(): Promise<string | null> {
    let response: Response;
    try {
      response = await this.doFetch(this.baseUrl + '/api/v1/auth/refresh', {
        method: 'POST',
        headers: COOKIE_MODE_HEADERS,
        credentials: 'same-origin',
      });
    } catch {
      // No answer: keep a signed-in viewer signed in and let them retry.
      if (this.state.status === 'loading') this.set({ status: 'unreachable' });
      return null;
    }
    if (response.ok) {
      this.accept((await response.json()) as Grant);
      return this.token;
    }
    // Any refusal but "slow down" means this browser holds no usable refresh token. It
    // had one that ended (revoked, expired, its profile gone) unless the server saw none.
    if (response.status >= 400 && response.status < 500 && response.status !== 429) {
      const hadCookie = !(await problemType(response)).endsWith(':missing-refresh-token');
      this.end(this.state.status === 'signed-in' || hadCookie ? 'expired' : 'signed-out');
    } else if (this.state.status === 'loading' || this.state.status === 'unreachable') {
      this.set({ status: 'unreachable' });
    }
    return null;
  }

  private schedule(expiresInSeconds: number): void {
    clearTimeout(this.timer);
    const delay = Math.max(5, expiresInSeconds - this.lead) * 1000;
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private withTabLock<T>(fn: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? (locks.request('kinora-refresh', fn) as Promise<T>) : fn();
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

async function problemType(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && 'type' in body ? String(body.type) : '';
  } catch {
    return '';
  }
}
