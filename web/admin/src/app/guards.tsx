import { ApiError, session, useSessionState } from '@kinora/shared';
import { Button, ErrorState, Spinner } from '@kinora/shared/ui';
import { Navigate, Outlet, useLocation } from 'react-router-dom';

function FullPage({ children }: { children: React.ReactNode }) {
  return <main className="flex min-h-screen items-center justify-center p-6">{children}</main>;
}

// The admin app is for admin accounts only; anyone else gets a page that says so.
export function RequireAdmin() {
  const state = useSessionState(session);
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <FullPage>
        <Spinner size="lg" label="Loading Kinora admin…" />
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
    const params = new URLSearchParams({ next: location.pathname + location.search });
    if (state.reason === 'expired') params.set('reason', 'expired');
    return <Navigate to={`/signin?${params}`} replace />;
  }
  if (!state.account.is_admin) {
    return (
      <FullPage>
        <div role="alert" className="max-w-md text-center">
          <h1 className="text-2xl font-bold text-white">This needs the admin role</h1>
          <p className="mt-3 text-neutral-300">
            {state.account.email} is signed in, but it is not an admin account. Sign in with an admin account, or go
            back to watching.
          </p>
          <div className="mt-6 flex justify-center gap-3">
            <Button onClick={() => void session.signOut()}>Sign in as someone else</Button>
            <a href="/" className="focus-ring rounded-md px-4 py-2 text-sm font-semibold text-neutral-200 underline">
              Open Kinora
            </a>
          </div>
        </div>
      </FullPage>
    );
  }
  return <Outlet />;
}
