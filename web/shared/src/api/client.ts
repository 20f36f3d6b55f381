import createClient from 'openapi-fetch';

import type { BrowserSession } from '../auth/session';
import { ApiError } from './problem';
import type { paths } from './types';

export type KinoraClient = ReturnType<typeof createKinoraClient>;

// The one API client: typed from the OpenAPI document, authorised by the session.
export function createKinoraClient(session: BrowserSession, baseUrl = '') {
  return createClient<paths>({ baseUrl, fetch: session.fetch });
}

interface FetchResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

async function settle<D>(call: Promise<FetchResult<D>>): Promise<FetchResult<D>> {
  let result: FetchResult<D>;
  try {
    result = await call;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw ApiError.network(err);
  }
  if (result.error !== undefined || !result.response.ok) throw ApiError.fromResponse(result.response, result.error);
  return result;
}

// Resolves to the response data or throws an ApiError, as TanStack Query expects.
export async function unwrap<D>(call: Promise<FetchResult<D>>): Promise<D> {
  return (await settle(call)).data as D;
}

// A resource with the ETag it was sent with, to send back as If-Match when changing it.
export interface Versioned<D> {
  data: D;
  etag: string | null;
}

// As unwrap, keeping the response's ETag (null when the server sent none).
export async function unwrapWithEtag<D>(call: Promise<FetchResult<D>>): Promise<Versioned<D>> {
  const result = await settle(call);
  return { data: result.data as D, etag: result.response.headers.get('ETag') };
}
