import { Button } from '@kinora/shared/ui';
import { useEffect, useRef, useState } from 'react';

import { episodeLabel, type EpisodeAt } from './episodes';

export const COUNTDOWN_SECONDS = 10;

// "Next episode in 10 s" at the end of an episode: it plays by itself when the count
// reaches 0, at once with Play now, or not at all with Cancel.
export function NextEpisode({ next, onPlay, onCancel }: { next: EpisodeAt; onPlay: () => void; onCancel: () => void }) {
  const [left, setLeft] = useState(COUNTDOWN_SECONDS);
  const play = useRef(onPlay);
  play.current = onPlay;
  const playNow = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    playNow.current?.focus({ preventScroll: true });
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = COUNTDOWN_SECONDS - Math.floor((Date.now() - started) / 1000);
      setLeft(Math.max(0, remaining));
      if (remaining <= 0) {
        clearInterval(timer);
        play.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, []);

  return (
    <section
      aria-labelledby="next-episode-heading"
      className="absolute bottom-28 right-3 z-10 flex w-[min(22rem,calc(100vw-1.5rem))] flex-col gap-3 rounded-lg bg-neutral-900/95 p-4 shadow-2xl ring-1 ring-white/10 sm:right-6"
    >
      <h2 id="next-episode-heading" className="text-lg font-semibold">
        Next episode in <span className="tabular-nums">{left}</span> s
      </h2>
      <p className="text-sm text-neutral-300">{episodeLabel(next)}</p>
      <div className="flex gap-2">
        <Button ref={playNow} onClick={onPlay}>
          Play now
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
