import { ErrorState } from '@kinora/shared/ui';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';

import { NotFoundPage } from './NotFoundPage';

// Whatever escapes a page (a failed chunk after a deploy, a bug) lands here, not blank.
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const stale = error instanceof Error && /dynamically imported module|Loading chunk/i.test(error.message);
  return (
    <main className="min-h-screen">
      <ErrorState
        error={
          stale
            ? new Error(
                'Part of Kinora could not be loaded: it was updated, or the connection dropped. Reload to carry on.',
              )
            : error
        }
        onRetry={() => location.reload()}
        action={
          <Link to="/" className="focus-ring rounded-md px-4 py-2 font-semibold text-neutral-200 hover:bg-white/10">
            Home
          </Link>
        }
      />
    </main>
  );
}
