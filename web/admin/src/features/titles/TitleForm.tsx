import { Button, TextField } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { CheckboxField, CheckboxGroup, FormError, SelectField, TextAreaField } from '../../ui/fields';
import { formErrors } from '../../ui/formErrors';
import { RATINGS, TIERS } from '../../ui/options';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { genresQuery } from './queries';
import { TITLE_FIELDS, type TitleFormValues } from './titleForm';

const TYPES = [
  { value: 'movie', label: 'Movie' },
  { value: 'series', label: 'Series' },
];

// Every field of TitleCreate / TitleUpdate. Validation is the server's: its errors[] land
// under the fields they name, a taken slug (409) at the slug.
export function TitleForm({
  initial,
  submitLabel,
  busy,
  error,
  onSubmit,
}: {
  initial: TitleFormValues;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: TitleFormValues) => void;
}) {
  const [v, setV] = useState(initial);
  const genres = useQuery(genresQuery());
  const set =
    <K extends keyof TitleFormValues>(key: K) =>
    (value: TitleFormValues[K]) =>
      setV((old) => ({ ...old, [key]: value }));
  const text = (key: keyof TitleFormValues) => (e: { target: { value: string } }) => set(key)(e.target.value as never);
  const { fields: errors, form } = formErrors(error, {
    fields: TITLE_FIELDS,
    kinds: { duplicate: 'slug' },
  });
  // Known genres as checkboxes, plus any stored slug the genre list no longer has.
  const genreOptions = (genres.data ?? []).map((g) => ({ value: g.slug, label: g.name }));
  for (const slug of v.genres)
    if (!genreOptions.some((o) => o.value === slug)) genreOptions.push({ value: slug, label: slug });

  const formRef = useFocusFirstError(error);
  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Title details"
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(v);
      }}
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField
          label="Title"
          required
          value={v.title}
          onChange={text('title')}
          error={errors.title}
          maxLength={200}
        />
        <TextField
          label="Slug"
          value={v.slug}
          onChange={text('slug')}
          error={errors.slug}
          hint="a-z, 0-9 and '-'; made from the title when left empty."
          maxLength={120}
        />
        <SelectField label="Type" options={TYPES} value={v.type} onChange={text('type')} error={errors.type} />
        <TextField label="Director" value={v.director} onChange={text('director')} error={errors.director} />
        <TextField
          label="Year"
          type="number"
          inputMode="numeric"
          value={v.year}
          onChange={text('year')}
          error={errors.year}
        />
        <TextField
          label="Runtime (minutes)"
          type="number"
          inputMode="numeric"
          value={v.runtime_minutes}
          onChange={text('runtime_minutes')}
          error={errors.runtime_minutes}
          hint="The film's length, or a typical episode's."
        />
        <SelectField
          label="Maturity rating"
          options={RATINGS}
          value={v.maturity_rating}
          onChange={text('maturity_rating')}
          error={errors.maturity_rating}
        />
        <SelectField
          label="Tier"
          options={TIERS}
          value={v.tier}
          onChange={text('tier')}
          error={errors.tier}
          hint="The lowest plan that includes the title."
        />
      </div>
      <TextAreaField label="Synopsis" value={v.synopsis} onChange={text('synopsis')} error={errors.synopsis} rows={5} />
      <CheckboxGroup
        legend="Genres"
        options={genreOptions}
        value={v.genres}
        onChange={set('genres')}
        error={errors.genres}
        hint={genres.isError ? 'The genre list could not be loaded.' : 'At most 12.'}
      />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextAreaField
          label="Cast"
          value={v.cast}
          onChange={text('cast')}
          error={errors.cast}
          hint="One name per line."
        />
        <div className="flex flex-col gap-4">
          <TextField
            label="Moods"
            value={v.moods}
            onChange={text('moods')}
            error={errors.moods}
            hint="Comma-separated, e.g. cozy, tense."
          />
          <TextField
            label="Themes"
            value={v.themes}
            onChange={text('themes')}
            error={errors.themes}
            hint="Comma-separated."
          />
        </div>
        <TextField
          label="Popularity"
          type="number"
          inputMode="numeric"
          value={v.popularity}
          onChange={text('popularity')}
          error={errors.popularity}
          hint="0 to 1,000,000; orders the popular rows."
        />
        <div className="self-center">
          <CheckboxField
            label="Featured (shown in the featured row)"
            checked={v.featured}
            onChange={set('featured')}
            error={errors.featured}
          />
        </div>
      </div>
      <FormError message={form} />
      <div>
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
