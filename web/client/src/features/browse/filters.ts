// Browse filters live in the URL (?type=&genre=&sort=), so links, reloads and
// back/forward all land on the same listing. Anything unknown in the URL is dropped.

export const SORTS = [
  { value: 'popularity', label: 'Most popular' },
  { value: 'added', label: 'Recently added' },
  { value: 'year', label: 'Newest releases' },
  { value: 'title', label: 'A–Z' },
] as const;

export type Sort = (typeof SORTS)[number]['value'];
export type TitleType = 'movie' | 'series';

export interface BrowseFilters {
  type?: TitleType;
  genre?: string;
  sort: Sort;
}

export const DEFAULT_SORT: Sort = 'popularity';
const GENRE_SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function parseFilters(params: URLSearchParams): BrowseFilters {
  const type = params.get('type');
  const genre = params.get('genre')?.trim().toLowerCase();
  const sort = params.get('sort');
  return {
    type: type === 'movie' || type === 'series' ? type : undefined,
    genre: genre && GENRE_SLUG.test(genre) ? genre : undefined,
    sort: SORTS.some((s) => s.value === sort) ? (sort as Sort) : DEFAULT_SORT,
  };
}

// The canonical query string: defaults left out, a stable key order.
export function serialiseFilters(filters: BrowseFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.type) params.set('type', filters.type);
  if (filters.genre) params.set('genre', filters.genre);
  if (filters.sort !== DEFAULT_SORT) params.set('sort', filters.sort);
  return params;
}

export function browsePath(filters: Partial<BrowseFilters>): string {
  const query = serialiseFilters({ sort: DEFAULT_SORT, ...filters }).toString();
  return `/browse${query ? `?${query}` : ''}`;
}
