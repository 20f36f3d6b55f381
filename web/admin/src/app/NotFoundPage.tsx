import { EmptyState } from '@kinora/shared/ui';
import { Link } from 'react-router-dom';

import { PageHeader } from '../ui/PageHeader';

// An unknown /admin/… address: a page heading like every other page, and the way back.
export function NotFoundPage() {
  return (
    <div>
      <PageHeader title="Page not found" />
      <EmptyState title="There is no such admin page">
        <Link to="/" className="focus-ring rounded underline">
          Back to the dashboard
        </Link>
      </EmptyState>
    </div>
  );
}
