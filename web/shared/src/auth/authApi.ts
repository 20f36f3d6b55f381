import { unwrap } from '../api/client';
import type { paths } from '../api/types';
import { api, session } from '../instance';
import { COOKIE_MODE_HEADERS, type Grant } from './session';

type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

// Each token route in cookie mode; the session keeps what it answers.
export async function signIn(body: Body<'/api/v1/auth/login'>): Promise<Grant> {
  return keep(await unwrap(api.POST('/api/v1/auth/login', { body, headers: COOKIE_MODE_HEADERS })));
}

export async function signUp(body: Body<'/api/v1/auth/register'>): Promise<Grant> {
  return keep(await unwrap(api.POST('/api/v1/auth/register', { body, headers: COOKIE_MODE_HEADERS })));
}

export async function selectProfile(id: number, pin?: string): Promise<Grant> {
  const call = api.POST('/api/v1/auth/profiles/{id}/select', {
    params: { path: { id } },
    body: pin ? { pin } : undefined,
    headers: COOKIE_MODE_HEADERS,
  });
  return keep(await unwrap(call));
}

function keep(grant: Grant): Grant {
  session.accept(grant);
  return grant;
}
