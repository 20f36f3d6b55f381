import type { VirtualItem } from '@tanstack/react-virtual';

import { dayLabel, formatClock, tickTime, type GuideDay, type Timeline } from './layout';
import type { GuideMetrics } from './useGuideMetrics';

// The grid's first row, stuck to the top: the day in view over the channel column, then
// half-hour ticks (only those near the viewport are in the DOM).
export function TimeHeader({
  ticks,
  timeline,
  timeZone,
  days,
  viewDay,
  metrics,
  width,
  nowX,
  kids,
}: {
  ticks: VirtualItem[];
  timeline: Timeline;
  timeZone: string;
  days: GuideDay[];
  viewDay: number;
  metrics: GuideMetrics;
  width: number;
  nowX: number | null;
  kids: boolean;
}) {
  const dayStarts = new Set(days.map((d) => d.start));
  const bg = kids ? 'bg-indigo-900' : 'bg-neutral-900';
  return (
    <div
      role="row"
      aria-rowindex={1}
      className={`sticky top-0 z-30 border-b border-white/10 ${bg}`}
      style={{ width, height: metrics.headerHeight }}
    >
      <div
        role="columnheader"
        className={`sticky left-0 z-10 flex h-full items-center border-r border-white/10 px-3 text-sm font-semibold text-white ${bg}`}
        style={{ width: metrics.channelWidth }}
      >
        {days[viewDay] ? dayLabel(days[viewDay], timeZone) : 'Channel'}
      </div>
      {ticks.map((tick) => {
        const t = tickTime(tick.index, timeline);
        const midnight = dayStarts.has(t);
        return (
          <div
            key={tick.key}
            role="columnheader"
            className={`absolute top-0 flex h-full items-center border-l pl-2 text-xs tabular-nums md:text-sm ${midnight ? 'border-white/60 font-semibold text-white' : 'border-white/10 text-neutral-300'}`}
            style={{ left: metrics.channelWidth + tick.start, width: tick.size }}
          >
            {midnight
              ? `${dayLabel(
                  days.find((d) => d.start === t)!,
                  timeZone,
                )} ${formatClock(t, timeZone)}`
              : formatClock(t, timeZone)}
          </div>
        );
      })}
      {nowX !== null && (
        <div
          aria-hidden="true"
          className="pointer-events-none absolute bottom-0 z-[5] -ml-1.5 h-0 w-0 border-x-[6px] border-b-[8px] border-x-transparent border-b-brand-500"
          style={{ left: nowX }}
        />
      )}
    </div>
  );
}
