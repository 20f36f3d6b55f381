import type { EngineState } from './engineState';

// A live stream keeps a seek bar only when its window is worth seeking in (start-over,
// or a DVR window); the demo channels' ~40 s live window is not.
const DVR_MIN_SECONDS = 60;
// Within this much of the live edge the stream counts as live.
const LIVE_SLACK_SECONDS = 12;

export type SeekMode = 'vod' | 'dvr' | 'live';

export function seekMode(s: Pick<EngineState, 'live' | 'seekStart' | 'seekEnd'>): SeekMode {
  if (!s.live) return 'vod';
  return s.seekEnd - s.seekStart >= DVR_MIN_SECONDS ? 'dvr' : 'live';
}

export function atLiveEdge(s: Pick<EngineState, 'currentTime' | 'seekEnd'>): boolean {
  return s.seekEnd - s.currentTime <= LIVE_SLACK_SECONDS;
}
