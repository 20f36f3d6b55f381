import { createKinoraClient } from './api/client';
import { BrowserSession } from './auth/session';

// Both apps are served from the API's own origin: one session and one client per page.
export const session = new BrowserSession();
export const api = createKinoraClient(session);
