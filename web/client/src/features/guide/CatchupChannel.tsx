import type { Channel } from '@kinora/shared';
import { useState } from 'react';
import { Link } from 'react-router-dom';

import { formatRange } from './layout';
import { startOverUrl, type Slot } from './programme';

// The latest few first; a whole day of a busy channel is a long row.
const FIRST_CARDS = 12;

// One channel's programmes that can be watched again, as a row of cards.
export function CatchupChannel({
  channel,
  slots,
  timeZone,
  kids,
}: {
  channel: Channel;
  slots: Slot[];
  timeZone: string;
  kids: boolean;
}) {
  const headingId = `catch-up-channel-${channel.id}`;
  const [all, setAll] = useState(false);
  const shown = all ? slots : slots.slice(0, FIRST_CARDS);
  return (
    // Sections far below the fold are not laid out or painted until scrolled near.
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-2 [contain-intrinsic-size:auto_9rem] [content-visibility:auto]"
    >
      <h3 id={headingId} className="flex items-center gap-3 px-4 text-base font-semibold text-white md:px-8">
        <img src={channel.logo_url} alt="" width={48} height={27} loading="lazy" className="h-[27px] w-12 rounded" />
        <span>
          <span className="mr-2 tabular-nums text-neutral-300">{channel.number}</span>
          {channel.name}
        </span>
      </h3>
      <ul className="scrollbar-none flex gap-2 overflow-x-auto px-4 pb-1 md:px-8">
        {shown.map((slot) => {
          const range = formatRange(slot.start, slot.stop, timeZone);
          return (
            <li key={slot.id} className="w-56 shrink-0">
              <Link
                to={startOverUrl(channel.id, slot.id)}
                // The label holds the visible text in order, then the channel.
                aria-label={`${slot.programme.title}, ${range}, watch from the start, ${channel.name}`}
                className={`focus-ring flex h-full flex-col gap-1 rounded-md p-3 ${kids ? 'bg-indigo-800 hover:bg-indigo-700' : 'bg-neutral-800 hover:bg-neutral-700'}`}
              >
                <span className="line-clamp-2 font-semibold text-white">{slot.programme.title} </span>
                <span className="text-xs tabular-nums text-neutral-300">{range} </span>
                <span className="mt-auto pt-1 text-xs font-semibold text-brand-400">
                  <span aria-hidden="true">▶ </span>Watch from the start
                </span>
              </Link>
            </li>
          );
        })}
        {shown.length < slots.length && (
          <li className="flex shrink-0 items-center">
            <button
              type="button"
              onClick={() => setAll(true)}
              className="focus-ring rounded-md px-4 py-2 text-sm font-semibold text-neutral-100 hover:bg-white/10"
            >
              All {slots.length} from {channel.name}
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}
