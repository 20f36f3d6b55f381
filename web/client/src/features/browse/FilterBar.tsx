import type { Genre } from '@kinora/shared';
import { useId } from 'react';

import { MATURITIES, SORTS, type BrowseFilters, type Sort, type TitleType } from './filters';
import { YearRange } from './YearRange';

const TYPES: { value: TitleType | undefined; label: string }[] = [
  { value: undefined, label: 'All' },
  { value: 'movie', label: 'Movies' },
  { value: 'series', label: 'Series' },
];

const select =
  'focus-ring rounded-md border border-neutral-600 bg-neutral-900 px-3 py-2 text-sm text-white hover:border-neutral-400';

export function FilterBar({
  filters,
  genres,
  onChange,
}: {
  filters: BrowseFilters;
  genres: Genre[];
  onChange: (patch: Partial<BrowseFilters>) => void;
}) {
  const genreId = useId();
  const sortId = useId();
  const maturityId = useId();
  // Genres this profile has titles in, plus the URL's genre even if it has none, so the
  // control always shows what the listing is filtered by.
  const shown = genres.filter((g) => g.title_count > 0 || g.slug === filters.genre);
  if (filters.genre && !shown.some((g) => g.slug === filters.genre)) {
    shown.push({ id: 0, slug: filters.genre, name: filters.genre, title_count: 0 });
  }
  return (
    <div className="flex flex-wrap items-end gap-4">
      <div role="group" aria-label="Type" className="flex gap-1 rounded-lg bg-neutral-900 p-1">
        {TYPES.map((t) => (
          <button
            key={t.label}
            type="button"
            aria-pressed={filters.type === t.value}
            onClick={() => onChange({ type: t.value })}
            className={`focus-ring rounded-md px-3 py-1.5 text-sm font-semibold ${filters.type === t.value ? 'bg-white text-neutral-950' : 'text-neutral-300 hover:text-white'}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={genreId} className="text-xs font-medium text-neutral-300">
          Genre
        </label>
        <select
          id={genreId}
          className={select}
          value={filters.genre ?? ''}
          onChange={(e) => onChange({ genre: e.target.value || undefined })}
        >
          <option value="">All genres</option>
          {shown.map((g) => (
            <option key={g.slug} value={g.slug}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      <YearRange from={filters.yearFrom} to={filters.yearTo} onChange={onChange} />
      <div className="flex flex-col gap-1">
        <label htmlFor={maturityId} className="text-xs font-medium text-neutral-300">
          Age rating
        </label>
        <select
          id={maturityId}
          className={select}
          value={filters.maturity ?? ''}
          onChange={(e) => onChange({ maturity: (e.target.value || undefined) as BrowseFilters['maturity'] })}
        >
          <option value="">Any this profile may see</option>
          {MATURITIES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={sortId} className="text-xs font-medium text-neutral-300">
          Sort by
        </label>
        <select
          id={sortId}
          className={select}
          value={filters.sort}
          onChange={(e) => onChange({ sort: e.target.value as Sort })}
        >
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
