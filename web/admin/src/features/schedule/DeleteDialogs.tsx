import type { AdminChannel, Programme } from '@kinora/shared';

import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formErrors } from '../../ui/formErrors';
import { useClearDay, useDeleteProgramme } from './queries';
import { formatDay, formatSpan, dayOf } from './time';

export function DeleteProgramme({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const remove = useDeleteProgramme();
  return (
    <ConfirmDialog
      open
      title={`Delete “${programme.title}”?`}
      confirmLabel="Delete programme"
      busy={remove.isPending}
      error={formErrors(remove.error, { fields: [] }).form}
      onClose={onClose}
      onConfirm={() => remove.mutate(programme.id, { onSuccess: onClose })}
    >
      {formatSpan(programme.start, programme.stop, dayOf(new Date(programme.start)))} UTC leaves a gap in the schedule.
    </ConfirmDialog>
  );
}

export function ClearDay({
  channel,
  day,
  count,
  onClose,
}: {
  channel: AdminChannel;
  day: string;
  count: number;
  onClose: () => void;
}) {
  const clear = useClearDay();
  return (
    <ConfirmDialog
      open
      title={`Clear ${formatDay(day)}?`}
      confirmLabel="Clear the day"
      busy={clear.isPending}
      error={formErrors(clear.error, { fields: [] }).form}
      onClose={onClose}
      onConfirm={() => clear.mutate({ channelId: channel.id, day }, { onSuccess: onClose })}
    >
      The {count} programmes of {channel.name} that start on this UTC day are removed (one that began the day before
      stays). This cannot be undone.
    </ConfirmDialog>
  );
}
