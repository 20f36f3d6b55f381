import { EmptyState } from '@kinora/shared/ui';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <EmptyState title="There is no such admin page">
      <Link to="/" className="focus-ring rounded underline">
        Back to the dashboard
      </Link>
    </EmptyState>
  );
}
