import type shakaNs from 'shaka-player/dist/shaka-player.hls-es2021.js';

import type { PlaybackFailure } from './playbackError';
import { activeHeight, activeIndex, languageOptions, qualityOptions, type MenuOption } from './tracks';

export interface EngineState {
  phase: 'loading' | 'ready' | 'error';
  failure: PlaybackFailure | null;
  paused: boolean;
  ended: boolean;
  waiting: boolean;
  currentTime: number;
  duration: number;
  // What may be sought: the whole title, or a live stream's window.
  seekStart: number;
  seekEnd: number;
  bufferedEnd: number;
  volume: number;
  muted: boolean;
  live: boolean;
  qualities: MenuOption[];
  quality: string; // 'auto' or a height
  playingHeight: number | null;
  audioTracks: MenuOption[];
  audioTrack: string | null;
  textTracks: MenuOption[];
  textTrack: string | null; // null: subtitles off
}

export const IDLE_STATE: EngineState = {
  phase: 'loading',
  failure: null,
  paused: true,
  ended: false,
  waiting: true,
  currentTime: 0,
  duration: 0,
  seekStart: 0,
  seekEnd: 0,
  bufferedEnd: 0,
  volume: 1,
  muted: false,
  live: false,
  qualities: [],
  quality: 'auto',
  playingHeight: null,
  audioTracks: [],
  audioTrack: null,
  textTracks: [],
  textTrack: null,
};

// A snapshot of the video element and, once loaded, of what Shaka offers.
export function readState(
  video: HTMLVideoElement,
  player: shakaNs.Player | null,
  phase: EngineState['phase'],
  failure: PlaybackFailure | null,
  quality: string,
): EngineState {
  const v = video;
  const p = phase === 'ready' ? player : null;
  // Start-over plays an EVENT playlist, which Shaka calls in-progress rather than live.
  const live = p ? p.isLive() || p.isInProgress() : false;
  const range = p?.seekRange();
  const duration = Number.isFinite(v.duration) ? v.duration : 0;
  const videoTracks = p?.getVideoTracks() ?? [];
  const audio = p?.getAudioTracks() ?? [];
  const text = p?.getTextTracks() ?? [];
  const textOn = text.some((t) => t.active);
  return {
    phase,
    failure,
    paused: v.paused,
    ended: v.ended,
    waiting: phase === 'loading' || (p?.isBuffering() ?? false),
    currentTime: v.currentTime,
    duration,
    seekStart: range ? range.start : 0,
    seekEnd: range ? range.end : duration,
    bufferedEnd: bufferedEnd(v),
    volume: v.volume,
    muted: v.muted,
    live,
    qualities: qualityOptions(videoTracks),
    quality,
    playingHeight: activeHeight(videoTracks),
    audioTracks: audio.length > 1 ? languageOptions(audio) : [],
    audioTrack: activeIndex(audio),
    textTracks: languageOptions(text),
    textTrack: textOn ? activeIndex(text) : null,
  };
}

// The end of the buffered range the playhead is in (for the seek bar's lighter fill).
function bufferedEnd(video: HTMLVideoElement): number {
  const t = video.currentTime;
  for (let i = 0; i < video.buffered.length; i++) {
    if (video.buffered.start(i) <= t + 0.5 && video.buffered.end(i) >= t) return video.buffered.end(i);
  }
  return t;
}
