// What a person reads when Shaka gives up (after its own retries). Shaka errors carry a
// numeric code and, for HTTP failures, the status in data[1].

export interface PlaybackFailure {
  title: string;
  detail: string;
  // The signed URLs stopped working: a retry needs a new session, not a reload.
  sessionGone: boolean;
}

interface ShakaLikeError {
  code?: unknown;
  category?: unknown;
  data?: unknown;
}

const BAD_HTTP_STATUS = 1001;
const HTTP_ERROR = 1002;
const TIMEOUT = 1003;
const NETWORK = 1;
const MEDIA = 3;

export function describePlaybackFailure(err: unknown): PlaybackFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as ShakaLikeError;
  const code = typeof e.code === 'number' ? e.code : null;
  const data = Array.isArray(e.data) ? e.data : [];
  if (code === BAD_HTTP_STATUS) {
    const status = typeof data[1] === 'number' ? data[1] : 0;
    if (status === 403 || status === 404 || status === 410) {
      return {
        title: 'This stream has ended',
        detail: 'Its playback link expired or was stopped from another device. Start it again to keep watching.',
        sessionGone: true,
      };
    }
    return {
      title: 'The video could not be loaded',
      detail: `The media server answered ${status || 'with an error'}. Try again in a moment.`,
      sessionGone: false,
    };
  }
  if (code === HTTP_ERROR || code === TIMEOUT || e.category === NETWORK) {
    return {
      title: 'The connection was lost',
      detail: 'The video stopped loading after several attempts. Check your connection and try again.',
      sessionGone: false,
    };
  }
  if (e.category === MEDIA) {
    return {
      title: 'This video cannot play here',
      detail: 'Your browser could not decode it. Try another browser or device.',
      sessionGone: false,
    };
  }
  return {
    title: 'Playback stopped',
    detail: code ? `The player hit a problem (code ${code}). Try again.` : 'The player hit a problem. Try again.',
    sessionGone: false,
  };
}
