// Form inputs hold text; the API wants numbers, lists and nulls. These helpers convert,
// and leave a value out when the box is empty so the server names the missing field.

// '' -> undefined; anything else as a number (the server rejects a non-integer by name).
export function toNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

// '' -> null, for optional integer members that null clears.
export const toNullableNumber = (text: string): number | null => toNumber(text) ?? null;

// Items separated by commas or new lines (or only new lines), trimmed, empty ones dropped.
export function toList(text: string, separator: RegExp = /[\n,]/): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const fromNumber = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// The members of `next` that differ from `current`: a PATCH sends only what changed.
export function changedFields<T extends object>(current: Partial<T>, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] === undefined) continue;
    if (!same(current[key], next[key])) out[key] = next[key];
  }
  return out;
}
