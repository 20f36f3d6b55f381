import type { AdminTitleSummary, TitleSummary } from '@kinora/shared';
import { Link } from 'react-router-dom';

import { DataTable, type Column, type SortState } from '../../ui/DataTable';
import { StatusBadge } from './StatusBadge';
import { embeddingBadge, mediaBadge } from './titleStatus';

// The admin list carries each title's media and embedding status; search results do not.
type Row = TitleSummary | AdminTitleSummary;
const hasStatus = (t: Row): t is AdminTitleSummary => 'media' in t;
const unknown = <span className="text-neutral-400">—</span>;

const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

const COLUMNS: Column<Row>[] = [
  {
    key: 'title',
    header: 'Title',
    sort: 'title',
    render: (t) => (
      <Link
        to={`/titles/${t.id}`}
        className="focus-ring flex items-center gap-3 rounded font-semibold text-white hover:underline"
      >
        <img
          src={t.poster_url}
          alt=""
          width={32}
          height={48}
          loading="lazy"
          className="h-12 w-8 shrink-0 rounded bg-neutral-800 object-cover"
        />
        <span className="min-w-[10rem]">{t.title}</span>
      </Link>
    ),
  },
  { key: 'type', header: 'Type', render: (t) => (t.type === 'movie' ? 'Movie' : 'Series') },
  {
    key: 'media',
    header: 'Media',
    render: (t) => (hasStatus(t) ? <StatusBadge {...mediaBadge(t.media)} /> : unknown),
  },
  {
    key: 'embedding',
    header: 'Embedding',
    render: (t) => (hasStatus(t) ? <StatusBadge {...embeddingBadge(t.embedding)} /> : unknown),
  },
  { key: 'tier', header: 'Tier', render: (t) => <span className="capitalize">{t.tier}</span> },
  { key: 'rating', header: 'Rating', render: (t) => t.maturity_rating },
  { key: 'year', header: 'Year', sort: 'year', render: (t) => t.year },
  { key: 'popularity', header: 'Popularity', sort: 'popularity', render: (t) => t.popularity },
  {
    key: 'added',
    header: 'Added',
    sort: 'added',
    render: (t) => <span className="whitespace-nowrap">{date.format(new Date(t.added_at))}</span>,
  },
  { key: 'featured', header: 'Featured', render: (t) => (t.featured ? 'Yes' : '—') },
];

export function TitlesTable({ items, sorting, busy }: { items: readonly Row[]; sorting?: SortState; busy: boolean }) {
  return (
    <DataTable caption="Titles" columns={COLUMNS} rows={items} rowKey={(t) => t.id} sorting={sorting} busy={busy} />
  );
}
