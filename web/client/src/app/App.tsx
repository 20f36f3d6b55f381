import { createQueryClient, installSpatialNavigation, session } from '@kinora/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router-dom';

import { router } from './routes';

export function App() {
  const [queryClient] = useState(createQueryClient);
  useEffect(() => {
    void session.refresh(); // a reload signs back in from the refresh cookie
    const onVisible = () => document.visibilityState === 'visible' && session.refreshIfStale();
    document.addEventListener('visibilitychange', onVisible);
    const uninstall = installSpatialNavigation();
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      uninstall();
    };
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
