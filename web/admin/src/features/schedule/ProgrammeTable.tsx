import type { Programme } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';

import { DataTable, type Column } from '../../ui/DataTable';
import { formatSpan } from './time';

export function ProgrammeTable({
  day,
  items,
  busy,
  onEdit,
  onDelete,
}: {
  day: string;
  items: readonly Programme[];
  busy: boolean;
  onEdit: (p: Programme) => void;
  onDelete: (p: Programme) => void;
}) {
  const columns: Column<Programme>[] = [
    {
      key: 'time',
      header: 'Time (UTC)',
      render: (p) => <span className="whitespace-nowrap tabular-nums">{formatSpan(p.start, p.stop, day)}</span>,
    },
    {
      key: 'title',
      header: 'Programme',
      render: (p) => (
        <span className="flex min-w-[10rem] flex-col">
          <span className="font-semibold text-white">{p.title}</span>
          {p.subtitle && <span className="text-neutral-300">{p.subtitle}</span>}
        </span>
      ),
    },
    { key: 'category', header: 'Category', render: (p) => p.category || '—' },
    { key: 'rating', header: 'Rating', render: (p) => p.rating },
    {
      key: 'episode',
      header: 'S / E',
      render: (p) => (p.season !== null || p.episode !== null ? `${p.season ?? '–'} / ${p.episode ?? '–'}` : '—'),
    },
    {
      key: 'actions',
      header: 'Actions',
      render: (p) => (
        <span className="flex gap-1">
          <Button variant="ghost" className="px-2 py-1" onClick={() => onEdit(p)}>
            Edit<span className="sr-only"> {p.title}</span>
          </Button>
          <Button variant="ghost" className="px-2 py-1" onClick={() => onDelete(p)}>
            Delete<span className="sr-only"> {p.title}</span>
          </Button>
        </span>
      ),
    },
  ];
  return <DataTable caption="Programmes" columns={columns} rows={items} rowKey={(p) => p.id} busy={busy} />;
}
