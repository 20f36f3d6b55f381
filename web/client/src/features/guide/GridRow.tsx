import type { Channel } from '@kinora/shared';
import { Skeleton } from '@kinora/shared/ui';

import { ChannelCell } from './ChannelCell';
import { blockBox, formatRange, type Timeline } from './layout';
import { airing, programmeLabel, type Slot } from './programme';
import type { GuideMetrics } from './useGuideMetrics';

export interface RowView {
  index: number;
  top: number;
  channel: Channel | null; // null while its page loads
  slots: Slot[]; // the ones overlapping the drawn range
}

const AIRING_STYLE = {
  adult: {
    past: 'bg-neutral-800/70 text-neutral-300 hover:bg-neutral-700',
    now: 'bg-neutral-700 text-white ring-1 ring-inset ring-brand-500/70 hover:bg-neutral-600',
    later: 'bg-neutral-800 text-white hover:bg-neutral-700',
  },
  kids: {
    past: 'bg-indigo-900/80 text-indigo-100 hover:bg-indigo-800',
    now: 'bg-indigo-600 text-white ring-2 ring-inset ring-yellow-300 hover:bg-indigo-500',
    later: 'bg-indigo-800 text-white hover:bg-indigo-700',
  },
};

// One channel: its sticky cell, then its programmes as blocks sized by duration.
export function GridRow({
  row,
  timeline,
  range,
  stickyAt,
  width,
  metrics,
  now,
  timeZone,
  tabStop,
  kids,
  onOpen,
  onToggleFavorite,
}: {
  row: RowView;
  timeline: Timeline;
  range: { left: number; width: number };
  stickyAt: { start: number; end: number };
  width: number;
  metrics: GuideMetrics;
  now: number;
  timeZone: string;
  tabStop: number | 'channel' | null;
  kids: boolean;
  onOpen: (slot: Slot, channel: Channel) => void;
  onToggleFavorite: (channel: Channel) => void;
}) {
  const { channel } = row;
  const style = AIRING_STYLE[kids ? 'kids' : 'adult'];
  const textLeft = metrics.channelWidth + 6;
  return (
    <div
      role="row"
      aria-rowindex={row.index + 2}
      className="absolute left-0 flex"
      style={{ top: row.top, height: metrics.rowHeight, width }}
    >
      {channel ? (
        <ChannelCell
          channel={channel}
          row={row.index}
          metrics={metrics}
          tabbable={tabStop === 'channel'}
          kids={kids}
          onToggleFavorite={onToggleFavorite}
        />
      ) : (
        <div
          role="rowheader"
          aria-busy="true"
          className={`sticky left-0 z-20 flex shrink-0 items-center gap-2 border-b border-r border-white/10 px-3 ${kids ? 'bg-indigo-900' : 'bg-neutral-900'}`}
          style={{ width: metrics.channelWidth, height: metrics.rowHeight }}
        >
          <span className="sr-only">Loading channel</span>
          <Skeleton className="h-8 w-12 shrink-0" />
          {metrics.size !== 'phone' && <Skeleton className="h-4 flex-1" />}
        </div>
      )}
      {!channel ? (
        <div
          aria-hidden="true"
          className="absolute top-1 animate-pulse rounded bg-neutral-800/60 motion-reduce:animate-none"
          style={{ left: metrics.channelWidth + range.left, width: range.width, height: metrics.rowHeight - 8 }}
        />
      ) : row.slots.length === 0 ? (
        <div
          role="gridcell"
          className="absolute top-0 flex items-center overflow-clip border-b border-white/5 text-sm text-neutral-400"
          style={{ left: metrics.channelWidth + range.left, width: range.width, height: metrics.rowHeight }}
        >
          <span className="sticky px-2" style={{ left: textLeft }}>
            Nothing listed
          </span>
        </div>
      ) : (
        row.slots.map((slot) => {
          const box = blockBox(slot.start, slot.stop, timeline);
          if (!box) return null;
          const when = airing(slot, now);
          return (
            <div
              key={slot.id}
              role="gridcell"
              className="absolute top-0 p-0.5"
              style={{ left: metrics.channelWidth + box.left, width: box.width, height: metrics.rowHeight }}
            >
              <button
                type="button"
                tabIndex={tabStop === slot.id ? 0 : -1}
                data-row={row.index}
                data-slot={slot.id}
                data-start={slot.start}
                data-stop={slot.stop}
                aria-label={programmeLabel(slot, channel, now, timeZone)}
                onClick={() => onOpen(slot, channel)}
                className={`focus-ring flex h-full w-full flex-col items-start justify-center overflow-clip rounded text-left ${style[when]}`}
              >
                <span
                  className={`block max-w-full px-2 ${slot.start < stickyAt.end && slot.stop > stickyAt.start ? 'sticky' : ''}`}
                  style={{ left: textLeft }}
                >
                  <span className={`block truncate font-semibold ${metrics.size === 'tv' ? 'text-lg' : 'text-sm'}`}>
                    {/* The space keeps the visible text a run of words of the label. */}
                    {slot.programme.title}{' '}
                  </span>
                  <span className="block truncate text-xs tabular-nums opacity-80">
                    {formatRange(slot.start, slot.stop, timeZone)}
                  </span>
                </span>
              </button>
            </div>
          );
        })
      )}
    </div>
  );
}
