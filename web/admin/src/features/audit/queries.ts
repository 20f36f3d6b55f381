import { api, unwrap } from '@kinora/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

export interface AuditFilter {
  area?: string;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  all: ['audit'] as const,
  page: (f: AuditFilter) => [...auditKeys.all, f] as const,
};

export const auditQuery = (f: AuditFilter) =>
  queryOptions({
    queryKey: auditKeys.page(f),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/admin/audit', {
          params: { query: { area: f.area, limit: AUDIT_PAGE_SIZE, offset: (f.page - 1) * AUDIT_PAGE_SIZE } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
