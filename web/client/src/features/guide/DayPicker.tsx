import { useEffect, useRef } from 'react';

import { dayLabel, type GuideDay } from './layout';

// Today and the six days after it; the seven before it too, for catch-up (start-over
// plays anything that started in the last 7 days). The day in view is marked current.
export function DayPicker({
  days,
  viewDay,
  timeZone,
  kids,
  onPick,
}: {
  days: GuideDay[];
  viewDay: number;
  timeZone: string;
  kids: boolean;
  onPick: (index: number) => void;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  // Keep the day in view visible in the strip (phones show only a few).
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="date"]');
    const list = listRef.current;
    if (!el || !list) return;
    const left = el.offsetLeft - list.offsetLeft;
    if (left < list.scrollLeft || left + el.offsetWidth > list.scrollLeft + list.clientWidth) {
      list.scrollLeft = left - (list.clientWidth - el.offsetWidth) / 2;
    }
  }, [viewDay]);

  return (
    <div
      ref={listRef}
      role="group"
      aria-label="Day"
      className="scrollbar-none flex min-w-0 flex-1 gap-1 overflow-x-auto"
    >
      {days.map((day, i) => {
        const current = i === viewDay;
        return (
          <button
            key={day.key}
            type="button"
            aria-current={current ? 'date' : undefined}
            data-guide-exit-up={current ? '' : undefined}
            onClick={() => onPick(i)}
            title={day.offset < 0 ? 'Catch-up: programmes from this day play from their start' : undefined}
            className={`focus-ring shrink-0 whitespace-nowrap rounded-md px-3 py-1.5 text-sm transition-colors ${
              current
                ? kids
                  ? 'bg-yellow-300 font-semibold text-indigo-950'
                  : 'bg-brand-600 font-semibold text-white'
                : day.offset < 0
                  ? 'text-neutral-300 hover:bg-white/10'
                  : 'text-neutral-100 hover:bg-white/10'
            }`}
          >
            {dayLabel(day, timeZone)}
          </button>
        );
      })}
    </div>
  );
}
