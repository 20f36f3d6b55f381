import { Button, ErrorState, Spinner } from '@kinora/shared/ui';
import { ApiError, session, useSessionState } from '@kinora/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';

import { profileChoice } from './profileChoice';
import { useSignedIn } from './useSignedIn';

function FullPage({ children }: { children: React.ReactNode }) {
  return <main className="flex min-h-screen items-center justify-center p-6">{children}</main>;
}

// Pages behind sign-in: waits for the reload refresh, then sends a signed-out viewer
// to sign-in with the page they were on, so they come back to it.
export function RequireSession() {
  const state = useSessionState(session);
  const location = useLocation();
  const queryClient = useQueryClient();
  const profileId = state.status === 'signed-in' ? state.profile.id : null;
  const lastProfile = useRef(profileId);
  useEffect(() => {
    // Another profile (or nobody) must never see the previous profile's cached pages.
    // Not on the first sign-in of a page load (null -> id): the page's queries have
    // started by then, and clearing would cancel them, leaving the page loading forever.
    if (lastProfile.current !== null && lastProfile.current !== profileId) queryClient.clear();
    lastProfile.current = profileId;
  }, [profileId, queryClient]);

  if (state.status === 'loading') {
    return (
      <FullPage>
        <Spinner size="lg" label="Loading Kinora…" />
      </FullPage>
    );
  }
  if (state.status === 'unreachable') {
    return (
      <FullPage>
        <ErrorState error={ApiError.network('no answer')} onRetry={() => void session.refresh()} />
      </FullPage>
    );
  }
  if (state.status === 'signed-out') {
    const next = location.pathname + location.search;
    const params = new URLSearchParams({ next });
    if (state.reason === 'expired' || state.reason === 'disabled') params.set('reason', state.reason);
    return <Navigate to={`/signin?${params}`} replace />;
  }
  return <Outlet />;
}

// Pages that need a profile picked in this sign-in ("Who's watching?" first).
export function RequireProfile() {
  const { profile } = useSignedIn();
  const location = useLocation();
  if (!profileChoice.isChosen(profile.id)) {
    return <Navigate to={`/profiles?${new URLSearchParams({ next: location.pathname + location.search })}`} replace />;
  }
  return <Outlet />;
}

// Account and profile management are for grown-ups.
export function RequireAdultProfile() {
  const { profile } = useSignedIn();
  if (profile.kids) {
    return (
      <FullPage>
        <ErrorState
          error={new Error('Kids profiles cannot open this page.')}
          action={<Button onClick={() => history.back()}>Go back</Button>}
        />
      </FullPage>
    );
  }
  return <Outlet />;
}
