import { Button, TextField } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { SelectField } from '../../ui/fields';
import { RATINGS } from '../../ui/options';
import type { TitleListState } from './listParams';
import { genresQuery } from './queries';

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
  const [text, setText] = useState(state.q);
  const [shownQ, setShownQ] = useState(state.q);
  if (shownQ !== state.q) {
    // Back/forward changed the URL: the box follows it.
    setShownQ(state.q);
    setText(state.q);
  }
  const searching = Boolean(state.q);
  const genreOptions = [
    { value: '', label: 'Any genre' },
    ...(genres.data ?? []).map((g) => ({ value: g.slug, label: g.name })),
  ];
  return (
    <div className="mb-4 flex flex-col gap-3">
      <form
        role="search"
        aria-label="Titles"
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ q: text.trim() });
        }}
      >
        <TextField
          label="Search titles"
          type="search"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          className="min-w-0 flex-1 basis-60"
        />
        <Button type="submit">Search</Button>
        {searching && (
          <Button variant="ghost" onClick={() => onChange({ q: '' })}>
            Clear search
          </Button>
        )}
      </form>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
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
      </div>
      {searching && (
        <p className="text-sm text-neutral-300">
          Search results come best match first, from the catalog search; filters and sorting apply to the full list.
        </p>
      )}
    </div>
  );
}
