import { isApiError, type Versioned } from '@kinora/shared';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';

// The edit page's side of optimistic concurrency. The form keeps the version it was
// opened on and sends that ETag with the save (If-Match), so saving over someone else's
// newer change is refused (412) instead of silently erasing it.
export function useVersionedEdit<T, V, B extends object>({
  query,
  update,
  values,
  changes,
  initialStatus,
}: {
  query: UseQueryResult<Versioned<T>>;
  update: UseMutationResult<Versioned<T>, unknown, { body: B; etag: string | null }>;
  values: (item: T) => V;
  changes: (from: T, to: V) => B;
  initialStatus: string | null;
}) {
  const [status, setStatus] = useState(initialStatus);
  const [opened, setOpened] = useState<Versioned<T> | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [reloading, setReloading] = useState(false);
  const live = query.data;
  const sameFields = (a: T, b: T) => JSON.stringify(values(a)) === JSON.stringify(values(b));
  // A newer version whose form fields are the same (a season added here, a logo from an
  // import) is adopted at once: nothing in the form would be overwritten by saving over it.
  if (live && (!opened || (live.etag !== opened.etag && sameFields(live.data, opened.data)))) setOpened(live);
  const base = opened ?? live;

  const loadTheirs = async () => {
    setReloading(true);
    const fresh = await query.refetch();
    setReloading(false);
    if (!fresh.data) return;
    setOpened(fresh.data);
    setFormKey((k) => k + 1);
    update.reset();
    setStatus('Their version is loaded.');
  };

  const submit = (v: V) => {
    if (!base) return;
    const body = changes(base.data, v);
    setStatus(null);
    if (!Object.keys(body).length) return setStatus('Nothing has changed.');
    update.mutate(
      { body, etag: base.etag },
      {
        onSuccess: (saved) => {
          setOpened(saved);
          setStatus('Changes saved.');
        },
      },
    );
  };

  return {
    status,
    base,
    formKey,
    reloading,
    conflict: isApiError(update.error, 'precondition-failed'),
    loadTheirs,
    submit,
  };
}
