// Table state (page, sort, search, filters) lives in the URL, so a reload, a shared link or
// back/forward lands on the same rows. Readers drop anything malformed instead of failing.

export function readEnum<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T | undefined {
  const value = params.get(key);
  return allowed.find((a) => a === value);
}

export function readInt(
  params: URLSearchParams,
  key: string,
  { min, max, fallback }: { min: number; max: number; fallback: number },
): number {
  const raw = params.get(key);
  if (raw === null || !/^\d{1,9}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n < min || n > max ? fallback : n;
}

export function readText(params: URLSearchParams, key: string, maxLength: number): string {
  return (params.get(key) ?? '').trim().slice(0, maxLength);
}

// The next query string: `changes` applied, empty values and defaults left out, keys sorted
// so that equal states give equal URLs.
export function mergeParams(
  params: URLSearchParams,
  changes: Record<string, string | number | null | undefined>,
  defaults: Record<string, string | number> = {},
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '' || String(value) === String(defaults[key] ?? '')) {
      next.delete(key);
    } else next.set(key, String(value));
  }
  next.sort();
  return next;
}

// 1-based page <-> API offset.
export const offsetOf = (page: number, limit: number) => (page - 1) * limit;
export const pageCount = (total: number, limit: number) => Math.max(1, Math.ceil(total / limit));
