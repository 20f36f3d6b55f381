import { useQuery } from '@tanstack/react-query';

import { SelectField } from '../../ui/fields';
import { RATINGS } from '../../ui/options';
import { SearchForm } from '../../ui/SearchForm';
import type { TitleListState } from './listParams';
import { genresQuery } from './queries';
import { EMBEDDING_OPTIONS, MEDIA_OPTIONS } from './titleStatus';

const TYPES = [
  { value: '', label: 'Movies and series' },
  { value: 'movie', label: 'Movies' },
  { value: 'series', label: 'Series' },
];

// Search box and filters; every change goes to the URL through onChange.
export function TitleFilters({
  state,
  onChange,
}: {
  state: TitleListState;
  onChange: (change: Partial<TitleListState>) => void;
}) {
  const genres = useQuery(genresQuery());
  const searching = Boolean(state.q);
  const genreOptions = [
    { value: '', label: 'Any genre' },
    ...(genres.data ?? []).map((g) => ({ value: g.slug, label: g.name })),
  ];
  return (
    <div className="mb-4 flex flex-col gap-3">
      <SearchForm name="Titles" label="Search titles" query={state.q} onSearch={(q) => onChange({ q })} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3 xl:grid-cols-5">
        <SelectField
          label="Type"
          options={TYPES}
          value={state.type ?? ''}
          disabled={searching}
          onChange={(e) => onChange({ type: (e.target.value || undefined) as TitleListState['type'] })}
        />
        <SelectField
          label="Genre"
          options={genreOptions}
          value={state.genre ?? ''}
          disabled={searching}
          onChange={(e) => onChange({ genre: e.target.value || undefined })}
        />
        <SelectField
          label="Rated at most"
          options={[{ value: '', label: 'Any rating' }, ...RATINGS]}
          value={state.maturity ?? ''}
          disabled={searching}
          onChange={(e) => onChange({ maturity: (e.target.value || undefined) as TitleListState['maturity'] })}
        />
        <SelectField
          label="Media"
          options={MEDIA_OPTIONS}
          value={state.media ?? ''}
          disabled={searching}
          onChange={(e) => onChange({ media: (e.target.value || undefined) as TitleListState['media'] })}
        />
        <SelectField
          label="Embedding"
          options={EMBEDDING_OPTIONS}
          value={state.embedding ?? ''}
          disabled={searching}
          onChange={(e) => onChange({ embedding: (e.target.value || undefined) as TitleListState['embedding'] })}
        />
      </div>
      {searching && (
        <p className="text-sm text-neutral-300">
          Search results come best match first, from the catalog search; filters and sorting apply to the full list.
        </p>
      )}
    </div>
  );
}
