import { api, unwrap, type AdminAccountDetail, type AdminAccountUpdate } from '@kinora/shared';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import { ACCOUNT_PAGE_SIZE, type AccountListState } from './listParams';

export const accountKeys = {
  all: ['admin', 'accounts'] as const,
  lists: () => [...accountKeys.all, 'list'] as const,
  list: (s: AccountListState) => [...accountKeys.lists(), s] as const,
  detail: (id: number) => [...accountKeys.all, 'detail', id] as const,
};

export const accountListQuery = (s: AccountListState) =>
  queryOptions({
    queryKey: accountKeys.list(s),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/admin/accounts', {
          params: {
            query: {
              q: s.q || undefined,
              tier: s.tier,
              limit: ACCOUNT_PAGE_SIZE,
              offset: (s.page - 1) * ACCOUNT_PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const accountQuery = (id: number) =>
  queryOptions({
    queryKey: accountKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/admin/accounts/{account_id}', { params: { path: { account_id: id } }, signal })),
    // Live streams come and go: keep the page current while it is open.
    refetchInterval: 30_000,
  });

function useAccountMutation<T>(id: number, mutationFn: (arg: T) => Promise<AdminAccountDetail | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (account) => {
      if (account) queryClient.setQueryData(accountKeys.detail(id), account);
      else void queryClient.invalidateQueries({ queryKey: accountKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: accountKeys.lists() });
    },
  });
}

export const useUpdateAccount = (id: number) =>
  useAccountMutation(id, (body: AdminAccountUpdate) =>
    unwrap(api.PATCH('/api/v1/admin/accounts/{account_id}', { params: { path: { account_id: id } }, body })),
  );

export const useSignOutEverywhere = (id: number) =>
  useAccountMutation(id, async () => {
    await unwrap(api.POST('/api/v1/admin/accounts/{account_id}/sign-out', { params: { path: { account_id: id } } }));
    return undefined;
  });

export const useEndStream = (id: number) =>
  useAccountMutation(id, async (sessionId: string) => {
    await unwrap(
      api.DELETE('/api/v1/admin/accounts/{account_id}/streams/{session_id}', {
        params: { path: { account_id: id, session_id: sessionId } },
      }),
    );
    return undefined;
  });
