import { describeError, formatWait, isApiError } from '@kinora/shared';

// A failure that belongs to no single field: what happened, and for a 429 how long to wait.
export function FormError({ error, cooldown }: { error: unknown; cooldown: number }) {
  if (!error) return null;
  if (isApiError(error) && Object.keys(error.fieldErrors).length) return null;
  const { title, detail } = describeError(error);
  const text = isApiError(error, 'rate-limited')
    ? cooldown
      ? `Too many attempts. Try again in ${formatWait(cooldown)}.`
      : 'You can try again now.'
    : detail || title;
  return (
    <p role="alert" className="rounded-md bg-red-950/60 px-3 py-2 text-sm text-red-200 ring-1 ring-red-800">
      {text}
    </p>
  );
}
