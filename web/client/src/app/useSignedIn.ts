import { session, useSessionState } from '@kinora/shared';

// The signed-in viewer; only for pages under RequireSession.
export function useSignedIn() {
  const state = useSessionState(session);
  if (state.status !== 'signed-in') throw new Error('useSignedIn outside RequireSession');
  return state;
}
