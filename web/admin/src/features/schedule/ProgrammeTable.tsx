import type { Programme } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import type { ReactNode } from 'react';

import { DataTable, type Column } from '../../ui/DataTable';
import { daySlots, formatDuration, formatGapSpan, type Gap, type Slot } from './gaps';
import { formatSpan } from './time';

// The day's programmes with the free time between them: a gap row is marked in words
// ("Gap", its length) and by a dashed outline, and offers to fill it.
export function ProgrammeTable({
  day,
  items,
  busy,
  onEdit,
  onDelete,
  onFill,
}: {
  day: string;
  items: readonly Programme[];
  busy: boolean;
  onEdit: (p: Programme) => void;
  onDelete: (p: Programme) => void;
  onFill: (gap: Gap) => void;
}) {
  const bySlot =
    (render: (p: Programme) => ReactNode, gap: (g: Gap) => ReactNode = () => null) =>
    (s: Slot<Programme>) =>
      s.kind === 'programme' ? render(s.programme) : gap(s.gap);
  const columns: Column<Slot<Programme>>[] = [
    {
      key: 'time',
      header: 'Time (UTC)',
      render: bySlot(
        (p) => <span className="whitespace-nowrap tabular-nums">{formatSpan(p.start, p.stop, day)}</span>,
        (g) => <span className="whitespace-nowrap italic tabular-nums text-neutral-300">{formatGapSpan(g, day)}</span>,
      ),
    },
    {
      key: 'title',
      header: 'Programme',
      render: bySlot(
        (p) => (
          <span className="flex min-w-[10rem] flex-col">
            <span className="font-semibold text-white">{p.title}</span>
            {p.subtitle && <span className="text-neutral-300">{p.subtitle}</span>}
          </span>
        ),
        (g) => (
          <span className="inline-flex items-center gap-2 rounded border border-dashed border-neutral-500 px-2 py-1 text-neutral-200">
            <span className="font-semibold uppercase tracking-wide">Gap</span>
            <span>{formatDuration(g.minutes)} unscheduled</span>
          </span>
        ),
      ),
    },
    { key: 'category', header: 'Category', render: bySlot((p) => p.category || '—') },
    { key: 'rating', header: 'Rating', render: bySlot((p) => p.rating) },
    {
      key: 'episode',
      header: 'S / E',
      render: bySlot((p) =>
        p.season !== null || p.episode !== null ? `${p.season ?? '–'} / ${p.episode ?? '–'}` : '—',
      ),
    },
    {
      key: 'actions',
      header: 'Actions',
      render: bySlot(
        (p) => (
          <span className="flex gap-1">
            <Button variant="ghost" className="px-2 py-1" onClick={() => onEdit(p)}>
              Edit<span className="sr-only"> {p.title}</span>
            </Button>
            <Button variant="ghost" className="px-2 py-1" onClick={() => onDelete(p)}>
              Delete<span className="sr-only"> {p.title}</span>
            </Button>
          </span>
        ),
        (g) => (
          <Button variant="secondary" className="whitespace-nowrap px-2 py-1" onClick={() => onFill(g)}>
            Add programme here<span className="sr-only"> ({formatGapSpan(g, day)})</span>
          </Button>
        ),
      ),
    },
  ];
  return (
    <DataTable
      caption="Programmes and gaps"
      columns={columns}
      rows={daySlots(day, items)}
      rowKey={(s) => (s.kind === 'gap' ? `gap-${s.gap.start}` : s.programme.id)}
      busy={busy}
    />
  );
}
