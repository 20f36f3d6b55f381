// Where to go after signing in: only a path of this app, so a crafted ?next= link can
// never send a viewer to another site ("//evil.test" and "https://…" fall back home).
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
