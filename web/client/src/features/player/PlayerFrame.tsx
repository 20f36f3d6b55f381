import { Spinner } from '@kinora/shared/ui';
import { useEffect, useRef, useState, type ReactNode } from 'react';

import { Controls } from './Controls';
import type { EngineState, PlayerEngine } from './engine';
import { Icon } from './icons';
import { useAutoHide } from './useAutoHide';
import { useFullscreen } from './useFullscreen';
import { seekMode } from './seekMode';
import { usePlayerKeys } from './usePlayerKeys';

// The full-screen black player: the video, a top bar (back, what is playing) and the
// controls, which fade out after 3 s of no pointer or keys while playing.
export function PlayerFrame({
  heading,
  subheading,
  backLabel,
  onBack,
  state,
  engine,
  onVideo,
  overlay,
  centerPlay = true,
}: {
  heading: string;
  subheading?: ReactNode;
  backLabel: string;
  onBack: () => void;
  state: EngineState;
  engine: PlayerEngine | null;
  onVideo: (video: HTMLVideoElement | null) => void;
  overlay?: ReactNode;
  // The big play button while paused; off when an overlay asks for the viewer instead.
  centerPlay?: boolean;
}) {
  const root = useRef<HTMLElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [focusedControl, setFocusedControl] = useState(false);
  const { fullscreen, toggleFullscreen } = useFullscreen(root);
  const paused = state.paused || state.ended || state.phase !== 'ready';
  const { visible, poke } = useAutoHide(paused || menuOpen || focusedControl);
  const live = seekMode(state) === 'live';
  // Hidden controls must not catch clicks meant for the video.
  const reach = visible ? 'pointer-events-auto' : 'pointer-events-none';

  usePlayerKeys({
    toggle: () => engine?.toggle(),
    seekBy: (d) => !live && engine?.seekBy(d),
    volumeBy: (d) => engine?.setVolume((state.muted ? 0 : state.volume) + d),
    toggleMute: () => engine?.toggleMute(),
    toggleFullscreen,
    back: onBack,
    activity: poke,
  });

  // Focus starts inside the player, so its keys work before anything is clicked.
  useEffect(() => root.current?.focus({ preventScroll: true }), []);

  return (
    <main
      ref={root}
      tabIndex={-1}
      data-own-arrows
      aria-label={`Player: ${heading}`}
      className={`fixed inset-0 overflow-hidden bg-black text-white outline-none ${visible ? '' : 'cursor-none'}`}
      onPointerMove={poke}
      onPointerDown={poke}
      onFocus={(e) => setFocusedControl(e.target !== root.current && e.target.matches(':focus-visible'))}
      onBlur={() => setFocusedControl(false)}
    >
      <video
        ref={onVideo}
        playsInline
        className="absolute inset-0 h-full w-full object-contain"
        onClick={() => engine?.toggle()}
        onDoubleClick={toggleFullscreen}
      />
      {state.waiting && state.phase !== 'error' && (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
          <Spinner size="lg" label={state.phase === 'loading' ? 'Loading video…' : 'Buffering…'} />
        </div>
      )}
      {paused && centerPlay && state.phase === 'ready' && (
        <button
          type="button"
          aria-label="Play"
          onClick={engine?.play}
          className="focus-ring absolute left-1/2 top-1/2 -translate-x-1/2 -translate-y-1/2 rounded-full bg-black/50 p-5 hover:bg-black/70"
        >
          <Icon name="play" className="h-12 w-12" />
        </button>
      )}
      <div
        className={`pointer-events-none absolute inset-0 flex flex-col justify-between bg-gradient-to-b from-black/70 via-transparent to-black/80 transition-opacity duration-300 motion-reduce:transition-none ${visible ? 'opacity-100' : 'opacity-0'}`}
      >
        <header className={`${reach} flex items-start gap-3 p-3 sm:p-6`}>
          <button
            type="button"
            onClick={onBack}
            aria-label={backLabel}
            className="focus-ring rounded-full p-2 hover:bg-white/10"
          >
            <Icon name="back" className="h-7 w-7" />
          </button>
          <div className="min-w-0 pt-1">
            <h1 className="truncate text-lg font-semibold sm:text-2xl">{heading}</h1>
            {subheading && <div className="truncate text-sm text-neutral-300 sm:text-base">{subheading}</div>}
          </div>
        </header>
        <div className={reach}>
          <Controls
            state={state}
            engine={engine}
            fullscreen={fullscreen}
            onFullscreen={toggleFullscreen}
            onMenuOpen={setMenuOpen}
          />
        </div>
      </div>
      {overlay}
    </main>
  );
}
