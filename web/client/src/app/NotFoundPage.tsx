import { EmptyState } from '@kinora/shared/ui';
import { Link } from 'react-router-dom';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  return (
    <EmptyState title={`This ${what} is not here`}>
      <p>It may have been removed, or it is not available on this profile.</p>
      <Link
        to="/"
        className="focus-ring mt-4 inline-block rounded-md bg-white px-4 py-2 font-semibold text-neutral-950"
      >
        Back to Home
      </Link>
    </EmptyState>
  );
}
