import { api, unwrap, type PlaybackStart } from '@kinora/shared';

import type { PlaybackStartRequest } from './types';

// Stops still on their way to the server. A new session waits for them, so a Basic
// account (one stream) moving to the next episode is never refused its own slot.
let releasing: Promise<unknown> = Promise.resolve();

export async function startSession(body: PlaybackStartRequest): Promise<PlaybackStart> {
  await releasing;
  return unwrap(api.POST('/api/v1/playback/sessions', { body }));
}

export function sendHeartbeat(id: string, position: number) {
  return unwrap(
    api.PUT('/api/v1/playback/sessions/{id}', { params: { path: { id } }, body: { position_seconds: position } }),
  );
}

// Ends the session and frees its place in the stream limit. keepalive lets the request
// outlive the page (pagehide, closing the tab); openapi-fetch passes it to the Request.
export function stopSession(id: string, position: number | null): Promise<unknown> {
  const query = position === null ? {} : { position_seconds: position };
  const call = unwrap(
    api.DELETE('/api/v1/playback/sessions/{id}', { params: { path: { id }, query }, keepalive: true }),
  ).catch(() => {
    // Already ended or unreachable: the server times it out on its own.
  });
  releasing = Promise.allSettled([releasing, call]);
  return call;
}

// Holds new starts until `pending` (e.g. the player shutting down, then stopping) is done.
export function holdStarts(pending: Promise<unknown>): void {
  releasing = Promise.allSettled([releasing, pending]);
}

// A start the page no longer wants (left while it was on its way): stop it once it exists.
export function discardStart(pending: Promise<PlaybackStart>): void {
  const released = pending.then(
    (s) => stopSession(s.id, null),
    () => undefined,
  );
  releasing = Promise.allSettled([releasing, released]);
}
