import type shakaNs from 'shaka-player/dist/shaka-player.hls-es2021.js';

import { IDLE_STATE, readState, type EngineState } from './engineState';
import { describePlaybackFailure, type PlaybackFailure } from './playbackError';
import { preferences } from './preferences';

export type { EngineState };
export { IDLE_STATE };

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

// Network failures are retried by Shaka with backoff before it reports an error.
const RETRY = { maxAttempts: 5, baseDelay: 500, backoffFactor: 2, fuzzFactor: 0.5, timeout: 30_000 };

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
    video.volume = preferences.volume();
    video.muted = preferences.muted();
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
      const language = preferences.subtitles();
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
    preferences.saveSound(this.video.volume, this.video.muted);
  };

  toggleMute = () => {
    this.video.muted = !this.video.muted;
    preferences.saveSound(this.video.volume, this.video.muted);
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
    preferences.saveSubtitles(track?.language ?? null);
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

  private read(phase: EngineState['phase'], failure: PlaybackFailure | null): EngineState {
    return readState(this.video, this.player, phase, failure, this.quality);
  }

  private emit(next: EngineState) {
    this.state = next;
    for (const listener of this.listeners) listener();
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
