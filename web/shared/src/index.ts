export * from './api/types';
export { ApiError, describeError, formatWait, isApiError } from './api/problem';
export { createKinoraClient, unwrap, type KinoraClient } from './api/client';
export { BrowserSession, COOKIE_MODE_HEADERS, type Grant, type SessionState } from './auth/session';
export { useSessionState } from './auth/useSession';
export { installSpatialNavigation } from './lib/spatialNavigation';
export { api, session } from './instance';
export { selectProfile, signIn, signUp } from './auth/authApi';
export { createQueryClient } from './api/queryClient';
