// Reports the playback position to the server while a session lives. The server ends a
// session that misses heartbeats for its timeout (3 intervals), so ticks continue while
// paused as a keep-alive; what changes on pause is an immediate report of where it stopped.

export type ReportReason = 'interval' | 'pause' | 'ended' | 'seek';

export interface HeartbeatOptions {
  intervalSeconds: number;
  // Whole seconds to report, already clamped to what the server accepts.
  position: () => number;
  send: (position: number, reason: ReportReason) => Promise<unknown> | void;
  // The last report, with keepalive so it survives the page going away.
  sendFinal: (position: number) => Promise<unknown> | void;
  onError?: (err: unknown) => void;
}

export interface Heartbeat {
  start(): void;
  report(reason: ReportReason): void;
  // Final report (once) and no more ticks; later calls do nothing.
  stop(): void;
  readonly stopped: boolean;
}

export function createHeartbeat(options: HeartbeatOptions): Heartbeat {
  const interval = Math.max(1, options.intervalSeconds) * 1000;
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;

  const send = (reason: ReportReason) => {
    if (stopped) return;
    try {
      void Promise.resolve(options.send(options.position(), reason)).catch((err) => options.onError?.(err));
    } catch (err) {
      options.onError?.(err);
    }
  };

  return {
    start() {
      if (stopped || timer !== undefined) return;
      timer = setInterval(() => send('interval'), interval);
    },
    report: send,
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      timer = undefined;
      try {
        void Promise.resolve(options.sendFinal(options.position())).catch(() => {
          // The page is going away; nothing is left to tell.
        });
      } catch {
        // Same: a failed final report must not break unmounting.
      }
    },
    get stopped() {
      return stopped;
    },
  };
}

// The position the server accepts: whole seconds, never past the media's running time
// (422 otherwise). At a channel's live edge (duration 0) there is no bookmark to keep.
export function reportablePosition(currentTime: number, durationSeconds: number): number {
  if (durationSeconds <= 0 || !Number.isFinite(currentTime)) return 0;
  return Math.min(durationSeconds, Math.max(0, Math.floor(currentTime)));
}
