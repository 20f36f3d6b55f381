import { createQueryClient, session } from '@kinora/shared';
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
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
