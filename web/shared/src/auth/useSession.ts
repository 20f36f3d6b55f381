import { useSyncExternalStore } from 'react';

import type { BrowserSession, SessionState } from './session';

export function useSessionState(session: BrowserSession): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
