import type { AdminChannel, Programme } from '@kinora/shared';
import { useState } from 'react';

import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formErrors } from '../../ui/formErrors';
import { followingDays, programmesForDay } from './copyDay';
import { useCopyDay } from './queries';
import { formatDay } from './time';

// Repeats a day's schedule on chosen days of the following week; those days' own
// programmes are replaced.
export function CopyDayDialog({
  channel,
  day,
  items,
  onClose,
}: {
  channel: AdminChannel;
  day: string;
  items: Programme[];
  onClose: () => void;
}) {
  const [targets, setTargets] = useState<string[]>([]);
  const copy = useCopyDay();
  const toggle = (d: string) => setTargets((t) => (t.includes(d) ? t.filter((x) => x !== d) : [...t, d].sort()));
  return (
    <ConfirmDialog
      open
      title={`Copy ${formatDay(day)} to other days`}
      confirmLabel={targets.length ? `Replace ${targets.length} day${targets.length === 1 ? '' : 's'}` : 'Choose days'}
      busy={copy.isPending}
      error={formErrors(copy.error, { fields: [] }).form}
      onClose={onClose}
      onConfirm={() =>
        targets.length &&
        copy.mutate(
          { channelId: channel.id, copies: targets.map((d) => ({ day: d, items: programmesForDay(items, day, d) })) },
          { onSuccess: onClose },
        )
      }
    >
      <p className="mb-3">
        The programmes of {channel.name} that start on this day go to the same UTC times on the days you choose; what
        those days had is replaced.
      </p>
      <fieldset className="grid grid-cols-2 gap-2">
        <legend className="sr-only">Days to copy to</legend>
        {followingDays(day).map((d) => (
          <label key={d} className="flex items-center gap-2 text-neutral-200">
            <input
              type="checkbox"
              checked={targets.includes(d)}
              onChange={() => toggle(d)}
              className="focus-ring h-4 w-4 accent-brand-500"
            />
            {formatDay(d)}
          </label>
        ))}
      </fieldset>
    </ConfirmDialog>
  );
}
