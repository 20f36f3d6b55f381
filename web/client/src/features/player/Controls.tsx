import { formatClock } from '../../lib/format';
import type { EngineState, PlayerEngine } from './engine';
import { Icon } from './icons';
import { SeekBar } from './SeekBar';
import { TrackMenu } from './TrackMenu';

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

const btn = 'focus-ring rounded-md p-2 hover:bg-white/10';

export function Controls({
  state: s,
  engine,
  fullscreen,
  onFullscreen,
  onMenuOpen,
}: {
  state: EngineState;
  engine: PlayerEngine | null;
  fullscreen: boolean;
  onFullscreen: () => void;
  onMenuOpen: (open: boolean) => void;
}) {
  const mode = seekMode(s);
  const playing = !s.paused && !s.ended;
  const end = mode === 'vod' ? s.duration : s.seekEnd;
  const quality = s.qualities.length
    ? [
        { id: 'auto', label: s.quality === 'auto' && s.playingHeight ? `Auto (${s.playingHeight}p)` : 'Auto' },
        ...s.qualities,
      ]
    : [];

  return (
    <div className="flex flex-col gap-1 px-3 pb-3 sm:px-6 sm:pb-5">
      {mode !== 'live' && (
        <SeekBar
          start={s.seekStart}
          end={end}
          current={s.currentTime}
          buffered={s.bufferedEnd}
          onSeek={(t) => engine?.seekTo(t)}
        />
      )}
      <div role="toolbar" aria-label="Playback controls" className="flex items-center gap-0.5 sm:gap-2">
        <button type="button" className={btn} aria-label={playing ? 'Pause' : 'Play'} onClick={engine?.toggle}>
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        {mode !== 'live' && (
          <>
            <button type="button" className={btn} aria-label="Back 10 seconds" onClick={() => engine?.seekBy(-10)}>
              <Icon name="rewind" />
            </button>
            <button type="button" className={btn} aria-label="Forward 10 seconds" onClick={() => engine?.seekBy(10)}>
              <Icon name="forward" />
            </button>
          </>
        )}
        <button type="button" className={btn} aria-label={s.muted ? 'Unmute' : 'Mute'} onClick={engine?.toggleMute}>
          <Icon name={s.muted || s.volume === 0 ? 'muted' : 'volume'} />
        </button>
        <input
          type="range"
          aria-label="Volume"
          min={0}
          max={100}
          value={s.muted ? 0 : Math.round(s.volume * 100)}
          onChange={(e) => engine?.setVolume(Number(e.target.value) / 100)}
          className="focus-ring hidden w-24 accent-brand-500 sm:block"
        />
        <TimeLabel state={s} mode={mode} onGoLive={() => engine?.goLive()} />
        <span className="flex-1" />
        {s.textTracks.length > 0 && (
          <TrackMenu
            label="Subtitles"
            icon="subtitles"
            options={[{ id: 'off', label: 'Off' }, ...s.textTracks]}
            value={s.textTrack ?? 'off'}
            onSelect={(id) => engine?.setText(id === 'off' ? null : id)}
            onOpenChange={onMenuOpen}
          />
        )}
        {s.audioTracks.length > 1 && (
          <TrackMenu
            label="Audio"
            icon="audio"
            options={s.audioTracks}
            value={s.audioTrack}
            onSelect={(id) => engine?.setAudio(id)}
            onOpenChange={onMenuOpen}
          />
        )}
        {quality.length > 0 && (
          <TrackMenu
            label="Quality"
            icon="settings"
            options={quality}
            value={s.quality}
            onSelect={(id) => engine?.setQuality(id)}
            onOpenChange={onMenuOpen}
          />
        )}
        <button
          type="button"
          className={btn}
          aria-label={fullscreen ? 'Exit full screen' : 'Full screen'}
          onClick={onFullscreen}
        >
          <Icon name={fullscreen ? 'exitFullscreen' : 'fullscreen'} />
        </button>
      </div>
    </div>
  );
}

function TimeLabel({ state: s, mode, onGoLive }: { state: EngineState; mode: SeekMode; onGoLive: () => void }) {
  if (mode === 'vod') {
    return (
      <p className="ml-1 whitespace-nowrap text-xs tabular-nums text-neutral-200 sm:text-sm">
        <span className="sr-only">Elapsed </span>
        {formatClock(s.currentTime)}
        <span aria-hidden="true"> / </span>
        <span className="sr-only">, remaining </span>-{formatClock(Math.max(0, s.duration - s.currentTime))}
      </p>
    );
  }
  return <LiveBadge state={s} mode={mode} onGoLive={onGoLive} />;
}

function LiveBadge({ state: s, mode, onGoLive }: { state: EngineState; mode: SeekMode; onGoLive: () => void }) {
  const live = atLiveEdge(s);
  return (
    <div className="ml-1 flex items-center gap-2 text-xs sm:text-sm">
      {mode === 'dvr' && (
        <span className="whitespace-nowrap tabular-nums text-neutral-200">
          {formatClock(s.currentTime - s.seekStart)}
          {!live && <> · -{formatClock(s.seekEnd - s.currentTime)}</>}
        </span>
      )}
      {live ? (
        <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-bold tracking-wide text-white">LIVE</span>
      ) : (
        <button
          type="button"
          onClick={onGoLive}
          className="focus-ring rounded bg-neutral-700 px-1.5 py-0.5 text-xs font-bold tracking-wide text-neutral-100 hover:bg-neutral-600"
        >
          Go live
        </button>
      )}
    </div>
  );
}
