import type { PlaybackStart } from '@kinora/shared';
import { useEffect, useState } from 'react';

import { discardStart, startSession } from './playbackApi';
import type { PlaybackStartRequest } from './types';

export type StartState =
  { status: 'loading' } | { status: 'ready'; start: PlaybackStart } | { status: 'error'; error: unknown };

// Opens a playback session for `body`; a new `attempt` opens another (Retry). Not a
// query: starting is not idempotent (it takes a place in the stream limit), so it runs
// exactly once per request, and a start the page left before it answered is stopped.
export function usePlaybackStart(body: PlaybackStartRequest, attempt: number): StartState {
  const key = JSON.stringify(body);
  const [state, setState] = useState<{ key: string; value: StartState }>({ key: '', value: { status: 'loading' } });

  useEffect(() => {
    let wanted = true;
    let answered = false;
    const pending = startSession(JSON.parse(key) as PlaybackStartRequest);
    pending.then(
      (start) => {
        answered = wanted;
        if (wanted) setState({ key: key + attempt, value: { status: 'ready', start } });
      },
      (error: unknown) => wanted && setState({ key: key + attempt, value: { status: 'error', error } }),
    );
    return () => {
      wanted = false;
      // Once answered, the player that used the session stops it; before, nobody will.
      if (!answered) discardStart(pending);
    };
  }, [key, attempt]);

  return state.key === key + attempt ? state.value : { status: 'loading' };
}
