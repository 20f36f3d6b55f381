import { isApiError } from './problem';
import { QueryClient } from '@tanstack/react-query';

// Client errors are answers, not hiccups: only network failures and 5xx are retried.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => count < 2 && (!isApiError(err) || err.status === 0 || err.status >= 500),
      },
    },
  });
}
