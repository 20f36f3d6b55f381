import { formatClock } from '../../lib/format';
import type { EngineState } from './engineState';
import { atLiveEdge, type SeekMode } from './seekMode';

// Elapsed and remaining time of a title; for live streams the LIVE badge (or Go live
// when behind the live edge) and, with a DVR window, the time into it.
export function TimeLabel({ state: s, mode, onGoLive }: { state: EngineState; mode: SeekMode; onGoLive: () => void }) {
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
