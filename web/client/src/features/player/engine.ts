import type shakaNs from 'shaka-player/dist/shaka-player.hls-es2021.js';

import { describePlaybackFailure, type PlaybackFailure } from './playbackError';
import { activeHeight, activeIndex, languageOptions, qualityOptions, type MenuOption } from './tracks';

type Shaka = typeof shakaNs;
type ShakaPlayer = shakaNs.Player;

// Shaka is imported here, on first play, so no other page carries it. Kinora serves only
// HLS, so this is Shaka's HLS-only build (~530 KB instead of ~830 KB for all formats).
let shakaModule: Promise<Shaka> | null = null;
function loadShaka(): Promise<Shaka> {
  shakaModule ??= import('shaka-player/dist/shaka-player.hls-es2021.js').then((m) => {
    const shaka = m.default;
    shaka.polyfill.installAll();
    return shaka;
  });
  return shakaModule;
}

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

const VOLUME_KEY = 'kinora:volume';
const MUTED_KEY = 'kinora:muted';
// The subtitle language last chosen ('' for off), asked for again at the next load:
// Shaka streams text from the start only for a track chosen before load.
const SUBTITLES_KEY = 'kinora:subtitles';

// Network failures are retried by Shaka with backoff before it reports an error.
const RETRY = { maxAttempts: 5, baseDelay: 500, backoffFactor: 2, fuzzFactor: 0.5, timeout: 30_000 };

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the setting lasts for this page only.
  }
}

// Shaka and the <video> element behind one small, subscribable state.
export class PlayerEngine {
  private player: ShakaPlayer | null = null;
  private state: EngineState;
  private readonly listeners = new Set<() => void>();
  private destroyed: Promise<void> | null = null;
  private quality = 'auto';
  private readonly video: HTMLVideoElement;

  constructor(video: HTMLVideoElement) {
    this.video = video;
    const volume = Number(stored(VOLUME_KEY));
    video.volume = Number.isFinite(volume) && stored(VOLUME_KEY) !== null ? Math.min(1, Math.max(0, volume)) : 1;
    video.muted = stored(MUTED_KEY) === '1';
    this.state = this.read('loading', null);
    for (const type of VIDEO_EVENTS) video.addEventListener(type, this.update);
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = () => this.state;

  async load(url: string, startTime: number | null): Promise<void> {
    try {
      const shaka = await loadShaka();
      if (this.destroyed) return;
      const player = new shaka.Player();
      this.player = player;
      player.configure({
        streaming: { retryParameters: RETRY, bufferingGoal: 30 },
        manifest: { retryParameters: RETRY },
        drm: { retryParameters: RETRY },
      });
      const language = stored(SUBTITLES_KEY);
      if (language) player.configure({ preferredText: [{ language, role: '', format: '', forced: false }] });
      player.addEventListener('error', (event) => this.fail((event as unknown as { detail: unknown }).detail));
      for (const type of ['trackschanged', 'variantchanged', 'adaptation', 'textchanged', 'buffering']) {
        player.addEventListener(type, this.update);
      }
      await player.attach(this.video);
      await player.load(url, startTime);
      if (this.destroyed) return;
      this.emit(this.read('ready', null));
      this.video.play().catch(() => {
        // Autoplay refused (no gesture yet): the page shows its play button.
        this.update();
      });
    } catch (err) {
      if (this.destroyed) return;
      this.fail(err);
    }
  }

  play = () => void this.video.play().catch(() => this.update());
  pause = () => this.video.pause();
  toggle = () => (this.video.paused || this.video.ended ? this.play() : this.pause());

  seekTo = (time: number) => {
    const { seekStart, seekEnd } = this.state;
    const end = this.state.live ? seekEnd : Math.max(seekStart, seekEnd - 0.25);
    this.video.currentTime = Math.min(end, Math.max(seekStart, time));
    this.update();
  };

  seekBy = (seconds: number) => this.seekTo(this.video.currentTime + seconds);

  goLive = () => {
    if (this.player?.isLive()) this.player.goToLive();
    else this.seekTo(this.state.seekEnd - 2);
  };

  setVolume = (volume: number) => {
    this.video.volume = Math.min(1, Math.max(0, volume));
    if (this.video.volume > 0) this.video.muted = false;
    store(VOLUME_KEY, String(this.video.volume));
    store(MUTED_KEY, this.video.muted ? '1' : '0');
  };

  toggleMute = () => {
    this.video.muted = !this.video.muted;
    store(MUTED_KEY, this.video.muted ? '1' : '0');
  };

  setQuality = (id: string) => {
    const player = this.player;
    if (!player) return;
    this.quality = id;
    if (id === 'auto') {
      player.configure({ abr: { enabled: true } });
    } else {
      const candidates = player.getVideoTracks().filter((t) => String(t.height) === id);
      const best = candidates.sort((a, b) => b.bandwidth - a.bandwidth)[0];
      if (best) {
        player.configure({ abr: { enabled: false } });
        player.selectVideoTrack(best, true);
      }
    }
    this.update();
  };

  setAudio = (id: string) => {
    const track = this.player?.getAudioTracks()[Number(id)];
    if (track) this.player?.selectAudioTrack(track);
    this.update();
  };

  setText = (id: string | null) => {
    const player = this.player;
    if (!player) return;
    const track = id === null ? null : (player.getTextTracks()[Number(id)] ?? null);
    player.selectTextTrack(track);
    store(SUBTITLES_KEY, track?.language ?? '');
    this.update();
  };

  // Resolves once Shaka has stopped fetching, so the session can be ended after it
  // (a stopped session's URLs are refused, which must not surface as errors).
  destroy(): Promise<void> {
    if (!this.destroyed) {
      for (const type of VIDEO_EVENTS) this.video.removeEventListener(type, this.update);
      const player = this.player;
      this.player = null;
      this.destroyed = (player ? player.destroy() : Promise.resolve()).then(
        () => undefined,
        () => undefined,
      );
      this.listeners.clear();
    }
    return this.destroyed;
  }

  private fail(err: unknown) {
    const e = err as { severity?: number; code?: number };
    // Recoverable errors are Shaka's own business; 7000 is a load we interrupted.
    if (e?.severity === 1 || e?.code === 7000) return;
    this.emit(this.read('error', describePlaybackFailure(err)));
  }

  private update = () => {
    if (this.destroyed) return;
    this.emit(this.read(this.state.phase, this.state.failure));
  };

  private emit(next: EngineState) {
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  private read(phase: EngineState['phase'], failure: PlaybackFailure | null): EngineState {
    const v = this.video;
    const p = phase === 'ready' ? this.player : null;
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
      quality: this.quality,
      playingHeight: activeHeight(videoTracks),
      audioTracks: audio.length > 1 ? languageOptions(audio) : [],
      audioTrack: activeIndex(audio),
      textTracks: languageOptions(text),
      textTrack: textOn ? activeIndex(text) : null,
    };
  }
}

const VIDEO_EVENTS = [
  'timeupdate',
  'progress',
  'play',
  'pause',
  'playing',
  'waiting',
  'seeking',
  'seeked',
  'ended',
  'volumechange',
  'durationchange',
  'loadedmetadata',
] as const;

// The end of the buffered range the playhead is in (for the seek bar's lighter fill).
function bufferedEnd(video: HTMLVideoElement): number {
  const t = video.currentTime;
  for (let i = 0; i < video.buffered.length; i++) {
    if (video.buffered.start(i) <= t + 0.5 && video.buffered.end(i) >= t) return video.buffered.end(i);
  }
  return t;
}
