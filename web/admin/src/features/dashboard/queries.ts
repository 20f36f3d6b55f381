import { api, ApiError, unwrap, type Readiness } from '@kinora/shared';
import { queryOptions } from '@tanstack/react-query';

export const dashboardKeys = {
  stats: ['dashboard', 'stats'] as const,
  readiness: ['dashboard', 'readiness'] as const,
};

export const statsQuery = () =>
  queryOptions({
    queryKey: dashboardKeys.stats,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/stats', { signal })),
    refetchInterval: 30_000,
  });

// /readyz answers 503 with the same document when the database is down: that is a
// reading to show, not a failure to retry.
export const readinessQuery = () =>
  queryOptions({
    queryKey: dashboardKeys.readiness,
    queryFn: async ({ signal }): Promise<Readiness> => {
      try {
        return await unwrap(api.GET('/readyz', { signal }));
      } catch (err) {
        if (err instanceof ApiError && err.status === 503 && 'database' in err.problem) {
          return err.problem as unknown as Readiness;
        }
        throw err;
      }
    },
    refetchInterval: 15_000,
    retry: false,
  });
