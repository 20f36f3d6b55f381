import { Button, TextField } from '@kinora/shared/ui';

import { addDays, dayOf, isDay } from './time';

// Previous / a date box / next, and back to today (UTC days).
export function DayControls({ day, onDay }: { day: string; onDay: (day: string) => void }) {
  const today = dayOf(new Date());
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Button variant="secondary" onClick={() => onDay(addDays(day, -1))}>
        Previous day
      </Button>
      <TextField
        label="Day (UTC)"
        type="date"
        value={day}
        onChange={(e) => isDay(e.target.value) && onDay(e.target.value)}
      />
      <Button variant="secondary" onClick={() => onDay(addDays(day, 1))}>
        Next day
      </Button>
      {day !== today && (
        <Button variant="ghost" onClick={() => onDay(today)}>
          Today
        </Button>
      )}
    </div>
  );
}
