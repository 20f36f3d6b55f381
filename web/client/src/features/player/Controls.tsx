import type { EngineState, PlayerEngine } from './engine';
import { Icon } from './icons';
import { seekMode } from './seekMode';
import { SeekBar } from './SeekBar';
import { TimeLabel } from './TimeLabel';
import { TrackMenu } from './TrackMenu';

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
