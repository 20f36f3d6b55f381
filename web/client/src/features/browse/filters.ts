import type { MaturityRating } from '@kinora/shared';

// Browse filters live in the URL (?type=&genre=&year_from=&year_to=&maturity=&sort=), so links, reloads and
// back/forward all land on the same listing. Anything unknown in the URL is dropped.

export const SORTS = [
  { value: 'popularity', label: 'Most popular' },
  { value: 'added', label: 'Recently added' },
  { value: 'year', label: 'Newest releases' },
  { value: 'title', label: 'A–Z' },
] as const;

export type Sort = (typeof SORTS)[number]['value'];
export type TitleType = 'movie' | 'series';

export const MATURITIES: { value: MaturityRating; label: string }[] = [
  { value: 'all', label: 'All ages only' },
  { value: '7+', label: 'Up to 7+' },
  { value: '13+', label: 'Up to 13+' },
  { value: '16+', label: 'Up to 16+' },
];

export interface BrowseFilters {
  type?: TitleType;
  genre?: string;
  yearFrom?: number;
  yearTo?: number;
  maturity?: MaturityRating;
  sort: Sort;
}

// The years the API takes.
export const YEAR_MIN = 1800;
export const YEAR_MAX = 2200;

function year(raw: string | null): number | undefined {
  if (!raw || !/^\d{4}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= YEAR_MIN && n <= YEAR_MAX ? n : undefined;
}

export const DEFAULT_SORT: Sort = 'popularity';
const GENRE_SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function parseFilters(params: URLSearchParams): BrowseFilters {
  const type = params.get('type');
  const genre = params.get('genre')?.trim().toLowerCase();
  const sort = params.get('sort');
  const maturity = MATURITIES.find((m) => m.value === params.get('maturity'))?.value;
  let yearFrom = year(params.get('year_from'));
  let yearTo = year(params.get('year_to'));
  // A range typed backwards means the same years.
  if (yearFrom && yearTo && yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
  return {
    type: type === 'movie' || type === 'series' ? type : undefined,
    genre: genre && GENRE_SLUG.test(genre) ? genre : undefined,
    yearFrom,
    yearTo,
    maturity,
    sort: SORTS.some((s) => s.value === sort) ? (sort as Sort) : DEFAULT_SORT,
  };
}

// The canonical query string: defaults left out, a stable key order.
export function serialiseFilters(filters: BrowseFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.type) params.set('type', filters.type);
  if (filters.genre) params.set('genre', filters.genre);
  if (filters.yearFrom) params.set('year_from', String(filters.yearFrom));
  if (filters.yearTo) params.set('year_to', String(filters.yearTo));
  if (filters.maturity) params.set('maturity', filters.maturity);
  if (filters.sort !== DEFAULT_SORT) params.set('sort', filters.sort);
  return params;
}

export function browsePath(filters: Partial<BrowseFilters>): string {
  const query = serialiseFilters({ sort: DEFAULT_SORT, ...filters }).toString();
  return `/browse${query ? `?${query}` : ''}`;
}
