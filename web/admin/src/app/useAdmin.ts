import { session, useSessionState } from '@kinora/shared';

// The signed-in admin; only for pages under RequireAdmin.
export function useAdmin() {
  const state = useSessionState(session);
  if (state.status !== 'signed-in' || !state.account.is_admin) throw new Error('useAdmin outside RequireAdmin');
  return state;
}
