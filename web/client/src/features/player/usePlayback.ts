import { isApiError, type PlaybackStart } from '@kinora/shared';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

import { IDLE_STATE, PlayerEngine } from './engine';
import { createHeartbeat, reportablePosition } from './heartbeat';
import { holdStarts, sendHeartbeat, stopSession } from './playbackApi';

// Stops waiting a tick before they go out, by session id. React's StrictMode (dev only)
// unmounts and remounts every effect once; the remount cancels the stop of its session.
const pendingStops = new Map<string, () => void>();

const noop = () => () => undefined;
const idle = () => IDLE_STATE;

// Plays a session's stream in `video` and keeps the session told where the viewer is:
// heartbeats on its interval, a report on pause and at the end, and a final position
// when the player goes away (unmount, next episode, or the page being hidden for good).
export function usePlayback(
  start: PlaybackStart | null,
  video: HTMLVideoElement | null,
  startAt: number | null,
  onSessionEnded: () => void,
) {
  const [engine, setEngine] = useState<PlayerEngine | null>(null);
  const ended = useRef(onSessionEnded);
  ended.current = onSessionEnded;
  const startAtRef = useRef(startAt);
  startAtRef.current = startAt;

  useEffect(() => {
    if (!start || !video) return;
    pendingStops.get(start.id)?.();
    const eng = new PlayerEngine(video);
    setEngine(eng);
    const position = () => reportablePosition(video.currentTime, start.duration_seconds);
    let leavingPage = false;
    const hb = createHeartbeat({
      intervalSeconds: start.heartbeat_interval_seconds,
      position,
      send: (p) => sendHeartbeat(start.id, p),
      // Inside the app, Shaka stops first (an ended session's URLs are refused); when
      // the page is going away the request must leave now, with keepalive.
      sendFinal: (p) => {
        const at = start.duration_seconds > 0 ? p : null;
        if (leavingPage) return stopSession(start.id, at);
        let cancelled = false;
        const cancel = () => {
          cancelled = true;
          pendingStops.delete(start.id);
        };
        pendingStops.set(start.id, cancel);
        const done = eng
          .destroy()
          .then(() => new Promise((tick) => setTimeout(tick, 0)))
          .then(() => {
            if (pendingStops.get(start.id) === cancel) pendingStops.delete(start.id);
            return cancelled ? undefined : stopSession(start.id, at);
          });
        holdStarts(done);
        return done;
      },
      onError: (err) => {
        if (isApiError(err, 'session-ended') || isApiError(err, 'not-found')) ended.current();
      },
    });
    const onPause = () => !video.ended && hb.report('pause');
    const onEnded = () => hb.report('ended');
    const onPageHide = () => {
      leavingPage = true;
      hb.stop();
    };
    // Back from the back-forward cache: that session was stopped, so start afresh.
    const onPageShow = (e: PageTransitionEvent) => e.persisted && location.reload();
    video.addEventListener('pause', onPause);
    video.addEventListener('ended', onEnded);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    hb.start();
    void eng.load(start.manifest_url, startAtRef.current);
    return () => {
      video.removeEventListener('pause', onPause);
      video.removeEventListener('ended', onEnded);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      hb.stop();
      void eng.destroy();
      setEngine(null);
    };
  }, [start, video]);

  const state = useSyncExternalStore(engine?.subscribe ?? noop, engine?.getState ?? idle);
  return { engine, state };
}
