import type { AdminChannel, Programme } from '@kinora/shared';
import { Button, EmptyState, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';

import { TableSkeleton } from '../../ui/DataTable';
import { SelectField } from '../../ui/fields';
import { PageHeader } from '../../ui/PageHeader';
import { mergeParams } from '../../ui/urlState';
import { allChannelsQuery } from '../channels/queries';
import { CopyDayDialog } from './CopyDayDialog';
import { DayControls } from './DayControls';
import { DeleteProgramme, ClearDay } from './DeleteDialogs';
import { ProgrammeDialog } from './ProgrammeDialog';
import { ProgrammeTable } from './ProgrammeTable';
import { dayScheduleQuery, programmeQuery } from './queries';
import { addMinutes, dayOf, dayWindow, formatDay, isDay } from './time';

type Open =
  | { kind: 'add'; defaults: Partial<Programme> }
  | { kind: 'edit'; programme: Programme }
  | { kind: 'open'; id: number }
  | { kind: 'delete'; programme: Programme }
  | { kind: 'clear' }
  | { kind: 'copy' };

// One channel's programmes on one UTC day (?channel=&day=), with add, edit and delete.
export default function SchedulePage() {
  const channels = useQuery(allChannelsQuery());
  const [params, setParams] = useSearchParams();
  const dayParam = params.get('day');
  const day = isDay(dayParam) ? dayParam : dayOf(new Date());
  const wanted = Number(params.get('channel'));
  const set = (change: Record<string, string | number>) => setParams(mergeParams(params, change));

  let body;
  if (channels.isPending) body = <Skeleton className="h-10 w-72" />;
  else if (channels.isError) body = <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />;
  else if (!channels.data.length)
    body = (
      <EmptyState title="No channels yet">
        <Link to="/channels/new" className="focus-ring rounded underline">
          Add a channel
        </Link>{' '}
        or import a guide first.
      </EmptyState>
    );
  else {
    const channel = channels.data.find((c) => c.id === wanted) ?? channels.data[0];
    body = (
      <>
        <div className="mb-4 flex flex-wrap items-end gap-4">
          <SelectField
            label="Channel"
            className="min-w-0 basis-72"
            options={channels.data.map((c) => ({ value: String(c.id), label: `${c.number} · ${c.name}` }))}
            value={String(channel.id)}
            onChange={(e) => set({ channel: e.target.value })}
          />
          <DayControls day={day} onDay={(d) => set({ day: d })} />
        </div>
        <ChannelDay key={`${channel.id}`} channel={channel} day={day} />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Schedule" />
      {body}
    </>
  );
}

function ChannelDay({ channel, day }: { channel: AdminChannel; day: string }) {
  const schedule = useQuery(dayScheduleQuery(channel.id, day));
  const [open, setOpen] = useState<Open | null>(null);
  const close = () => setOpen(null);
  const items = schedule.data?.items ?? [];
  // A new programme starts where the day's last one ends (or at midnight), for 30 minutes.
  const lastStop = items.length ? items[items.length - 1].stop : dayWindow(day).from;
  const start = lastStop < dayWindow(day).to ? lastStop : dayWindow(day).from;
  const add = () => setOpen({ kind: 'add', defaults: { start, stop: addMinutes(start, 30) } });

  return (
    <section aria-label={`${channel.name} on ${formatDay(day)}`}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-white">
          {channel.name} · {formatDay(day)} <span className="text-sm font-normal text-neutral-300">(UTC)</span>
        </h2>
        <div className="flex gap-2">
          <Button onClick={add}>Add programme</Button>
          {items.length > 0 && (
            <Button variant="secondary" onClick={() => setOpen({ kind: 'copy' })}>
              Copy to other days
            </Button>
          )}
          {items.length > 0 && (
            <Button variant="ghost" onClick={() => setOpen({ kind: 'clear' })}>
              Clear the day
            </Button>
          )}
        </div>
      </div>
      {schedule.isPending ? (
        <TableSkeleton label="Loading the schedule…" />
      ) : schedule.isError ? (
        <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />
      ) : (
        <>
          {items.length === 0 && (
            <p className="mb-3 text-neutral-300">
              <strong className="text-white">Nothing is scheduled on this day.</strong> Add a programme, or import an
              XMLTV guide.
            </p>
          )}
          <ProgrammeTable
            day={day}
            items={items}
            busy={schedule.isPlaceholderData}
            onEdit={(p) => setOpen({ kind: 'edit', programme: p })}
            onDelete={(p) => setOpen({ kind: 'delete', programme: p })}
            onFill={(g) => setOpen({ kind: 'add', defaults: { start: g.start, stop: g.stop } })}
          />
        </>
      )}
      {open?.kind === 'add' && (
        <ProgrammeDialog
          channel={channel}
          defaults={open.defaults}
          onClose={close}
          onOpenProgramme={(id) => setOpen({ kind: 'open', id })}
        />
      )}
      {open?.kind === 'edit' && (
        <ProgrammeDialog
          key={open.programme.id}
          channel={channel}
          programme={open.programme}
          onClose={close}
          onOpenProgramme={(id) => setOpen({ kind: 'open', id })}
        />
      )}
      {open?.kind === 'open' && (
        <OpenProgramme id={open.id} onLoaded={(p) => setOpen({ kind: 'edit', programme: p })} onClose={close} />
      )}
      {open?.kind === 'delete' && <DeleteProgramme programme={open.programme} onClose={close} />}
      {open?.kind === 'copy' && <CopyDayDialog channel={channel} day={day} items={items} onClose={close} />}
      {open?.kind === 'clear' && (
        <ClearDay
          channel={channel}
          day={day}
          count={items.filter((p) => dayOf(new Date(p.start)) === day).length}
          onClose={close}
        />
      )}
    </section>
  );
}

// The programme a conflict named, read by id, then opened for editing.
function OpenProgramme({
  id,
  onLoaded,
  onClose,
}: {
  id: number;
  onLoaded: (p: Programme) => void;
  onClose: () => void;
}) {
  const programme = useQuery(programmeQuery(id));
  useEffect(() => {
    if (programme.data) onLoaded(programme.data);
  }, [programme.data, onLoaded]);
  if (programme.isError)
    return (
      <div className="mt-4">
        <ErrorState error={programme.error} action={<Button onClick={onClose}>Close</Button>} />
      </div>
    );
  return null;
}
