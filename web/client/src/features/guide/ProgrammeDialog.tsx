import type { Channel } from '@kinora/shared';
import { Button, Dialog } from '@kinora/shared/ui';
import { Link } from 'react-router-dom';

import { formatRuntime } from '../../lib/format';
import { StarIcon } from './ChannelCell';
import { dayLabel, formatRange, guideDays, MINUTE } from './layout';
import {
  airing,
  canCatchUp,
  canStartOver,
  episodeLabel,
  liveUrl,
  RATING_LABEL,
  startOverUrl,
  type Slot,
} from './programme';

const primary =
  'focus-ring inline-flex items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-neutral-950 hover:bg-neutral-200';
const secondary =
  'focus-ring inline-flex items-center rounded-md bg-neutral-700/80 px-4 py-2 text-sm font-semibold text-white hover:bg-neutral-600';

function whenText(slot: Slot, now: number): string {
  const when = airing(slot, now);
  if (when === 'now') return `On now · ${formatRuntime(Math.max(1, Math.ceil((slot.stop - now) / MINUTE)))} left`;
  if (when === 'later') return `Starts in ${formatRuntime(Math.max(1, Math.ceil((slot.start - now) / MINUTE)))}`;
  return canCatchUp(slot, now) ? 'Ended · watch it from the start' : 'Ended';
}

// A programme's details and what can be done with it: watch live or from the start
// while it is on, catch up on it for 7 days after it started.
export function ProgrammeDialog({
  selection,
  now,
  timeZone,
  onClose,
  onToggleFavorite,
}: {
  selection: { slot: Slot; channel: Channel } | null;
  now: number;
  timeZone: string;
  onClose: () => void;
  onToggleFavorite: (channel: Channel) => void;
}) {
  const slot = selection?.slot;
  const channel = selection?.channel;
  return (
    <Dialog open={selection !== null} onClose={onClose} title={slot?.programme.title ?? 'Programme'}>
      {slot && channel && (
        <>
          <div className="-mt-2 flex flex-col gap-1 text-sm text-neutral-300">
            {episodeLabel(slot.programme) && <p>{episodeLabel(slot.programme)}</p>}
            <p className="tabular-nums">
              <DayOf slot={slot} now={now} timeZone={timeZone} />, {formatRange(slot.start, slot.stop, timeZone)} (
              {formatRuntime(Math.round((slot.stop - slot.start) / MINUTE))})
            </p>
            <p>
              <span className="tabular-nums">{channel.number}</span> {channel.name}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <span className="rounded border border-white/30 px-1.5 py-0.5 font-semibold text-white">
              <span className="sr-only">Rated </span>
              {RATING_LABEL[slot.programme.rating]}
            </span>
            {slot.programme.category && (
              <span className="rounded bg-white/10 px-1.5 py-0.5">{slot.programme.category}</span>
            )}
            <span className="text-neutral-300">{whenText(slot, now)}</span>
          </div>
          {slot.programme.description && <p className="text-neutral-200">{slot.programme.description}</p>}
          <div className="flex flex-wrap gap-2">
            {airing(slot, now) === 'now' && (
              <>
                <Link to={liveUrl(channel.id)} className={primary}>
                  Watch live
                </Link>
                {canStartOver(slot, now) && (
                  <Link to={startOverUrl(channel.id, slot.id)} className={secondary}>
                    Start over
                  </Link>
                )}
              </>
            )}
            {canCatchUp(slot, now) && (
              <Link to={startOverUrl(channel.id, slot.id)} className={primary}>
                Watch from the start
              </Link>
            )}
            {slot.programme.title_id !== null && (
              <Link to={`/title/${slot.programme.title_id}`} className={secondary}>
                More about this title
              </Link>
            )}
            <Button variant="ghost" aria-pressed={channel.favorite} onClick={() => onToggleFavorite(channel)}>
              <StarIcon filled={channel.favorite} className="h-4 w-4" />
              {channel.favorite ? 'In favourites' : 'Add channel to favourites'}
            </Button>
            <Button variant="ghost" onClick={onClose} className="ml-auto">
              Close
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function DayOf({ slot, now, timeZone }: { slot: Slot; now: number; timeZone: string }) {
  const day = guideDays(now, timeZone, 7, 7).find((d) => slot.start >= d.start && slot.start < d.end);
  return <>{day ? dayLabel(day, timeZone, { long: true }) : new Date(slot.start).toLocaleDateString()}</>;
}
