import { Button } from '@kinora/shared/ui';
import type { ReactNode } from 'react';

// Shown when a save or a delete was refused (412 precondition-failed): someone else saved
// first. By default it speaks of a save (the form keeps the admin's values until they choose
// to load the other version); `children` says what else happened instead.
export function ConflictNotice({
  what,
  busy,
  onLoad,
  children,
}: {
  what: 'title' | 'channel';
  busy: boolean;
  onLoad: () => void;
  children?: ReactNode;
}) {
  return (
    <div role="alert" className="mb-4 flex flex-col gap-3 rounded-md border border-amber-500 bg-amber-950/60 p-4">
      <p className="font-semibold text-amber-200">Someone else changed this {what} since you opened it.</p>
      <p className="text-sm text-neutral-200">
        {children ??
          'Nothing was saved, and your changes are still in the form below. Loading their version replaces the form with what is saved now; then apply your change again.'}
      </p>
      <div>
        <Button variant="secondary" busy={busy} onClick={onLoad}>
          Load their version
        </Button>
      </div>
    </div>
  );
}
