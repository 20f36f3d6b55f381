import type { MaturityRating, Tier, TitleCreate, TitleDetail, TitleUpdate } from '@kinora/shared';

import { changedFields, fromNumber, toList, toNumber } from '../../ui/formValues';

// What the title form edits, as its inputs hold it.
export interface TitleFormValues {
  type: 'movie' | 'series';
  title: string;
  slug: string;
  synopsis: string;
  year: string;
  runtime_minutes: string;
  maturity_rating: MaturityRating;
  tier: Tier;
  genres: string[];
  cast: string; // one name per line
  director: string;
  moods: string; // comma-separated
  themes: string;
  popularity: string;
  featured: boolean;
}

export const TITLE_FIELDS = [
  'type',
  'title',
  'slug',
  'synopsis',
  'year',
  'runtime_minutes',
  'maturity_rating',
  'tier',
  'genres',
  'cast',
  'director',
  'moods',
  'themes',
  'popularity',
  'featured',
] as const;

export function titleValues(t?: TitleDetail): TitleFormValues {
  return {
    type: t?.type ?? 'movie',
    title: t?.title ?? '',
    slug: t?.slug ?? '',
    synopsis: t?.synopsis ?? '',
    year: fromNumber(t?.year),
    runtime_minutes: fromNumber(t?.runtime_minutes),
    maturity_rating: t?.maturity_rating ?? 'all',
    tier: t?.tier ?? 'basic',
    genres: t?.genres ?? [],
    cast: (t?.cast ?? []).join('\n'),
    director: t?.director ?? '',
    moods: (t?.moods ?? []).join(', '),
    themes: (t?.themes ?? []).join(', '),
    popularity: fromNumber(t?.popularity ?? 0),
    featured: t?.featured ?? false,
  };
}

function body(v: TitleFormValues) {
  return {
    type: v.type,
    title: v.title.trim(),
    slug: v.slug.trim() || undefined,
    synopsis: v.synopsis.trim(),
    year: toNumber(v.year),
    runtime_minutes: toNumber(v.runtime_minutes),
    maturity_rating: v.maturity_rating,
    tier: v.tier,
    genres: v.genres,
    cast: toList(v.cast, /\n/), // a name may hold a comma
    director: v.director.trim(),
    moods: toList(v.moods),
    themes: toList(v.themes),
    popularity: toNumber(v.popularity),
    featured: v.featured,
  };
}

// A create sends every field; an empty required box is left out so the 422 names it.
export function createTitleBody(v: TitleFormValues): TitleCreate {
  return JSON.parse(JSON.stringify(body(v))) as TitleCreate;
}

// A PATCH sends only what changed from the stored title. A number box emptied is sent as
// null, so the server refuses it at that field instead of silently keeping the old value.
export function updateTitleBody(current: TitleDetail, v: TitleFormValues): TitleUpdate {
  const next: Record<string, unknown> = body(v);
  for (const key of ['year', 'runtime_minutes', 'popularity'] as const) next[key] ??= null;
  if (next.slug === undefined) next.slug = ''; // an emptied slug is refused by name too
  return changedFields(current as Record<string, unknown>, next) as TitleUpdate;
}
