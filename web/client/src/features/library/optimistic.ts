import type { ContinueWatchingList, RatingList, Rating, TitleSummary, Watchlist } from '@kinora/shared';

// Pure cache edits for the optimistic updates: what the lists will look like once the
// server has done what was asked.

// The list shows TitleSummary fields only; a TitleDetail also carries seasons.
function summary(title: TitleSummary): TitleSummary {
  const { id, slug, type, title: name, synopsis, year, runtime_minutes, maturity_rating, tier, genres } = title;
  const { cast, director, moods, themes, popularity, featured, added_at, poster_url, backdrop_url } = title;
  return {
    id,
    slug,
    type,
    title: name,
    synopsis,
    year,
    runtime_minutes,
    maturity_rating,
    tier,
    genres,
    cast,
    director,
    moods,
    themes,
    popularity,
    featured,
    added_at,
    poster_url,
    backdrop_url,
  };
}

export function withWatchlist(
  list: Watchlist | undefined,
  title: TitleSummary,
  add: boolean,
  now = new Date(),
): Watchlist | undefined {
  if (!list) return list;
  const rest = list.items.filter((e) => e.title.id !== title.id);
  if (!add) return { items: rest };
  // Adding again keeps the entry's place, as the server does.
  if (rest.length !== list.items.length) return list;
  return { items: [{ title: summary(title), added_at: now.toISOString().replace(/\.\d{3}Z$/, 'Z') }, ...rest] };
}

export function withRating(
  list: RatingList | undefined,
  title: TitleSummary,
  rating: Rating | null,
  now = new Date(),
): RatingList | undefined {
  if (!list) return list;
  const rest = list.items.filter((e) => e.title.id !== title.id);
  if (rating === null) return { items: rest };
  return {
    items: [{ title: summary(title), rating, updated_at: now.toISOString().replace(/\.\d{3}Z$/, 'Z') }, ...rest],
  };
}

export function withoutContinue(list: ContinueWatchingList | undefined, titleId: number) {
  return list && { items: list.items.filter((e) => e.title.id !== titleId) };
}

export const isOnWatchlist = (list: Watchlist | undefined, titleId: number) =>
  list?.items.some((e) => e.title.id === titleId) ?? false;

export const ratingOf = (list: RatingList | undefined, titleId: number): Rating | null =>
  list?.items.find((e) => e.title.id === titleId)?.rating ?? null;
