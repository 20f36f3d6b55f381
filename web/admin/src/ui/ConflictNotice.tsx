import { Button } from '@kinora/shared/ui';

// Shown at the top of an edit form when a save was refused (412 precondition-failed):
// someone else saved first. The form keeps the admin's values until they choose to load
// the other version.
export function ConflictNotice({
  what,
  busy,
  onLoad,
}: {
  what: 'title' | 'channel';
  busy: boolean;
  onLoad: () => void;
}) {
  return (
    <div role="alert" className="mb-4 flex flex-col gap-3 rounded-md border border-amber-500 bg-amber-950/60 p-4">
      <p className="font-semibold text-amber-200">Someone else changed this {what} since you opened it.</p>
      <p className="text-sm text-neutral-200">
        Nothing was saved, and your changes are still in the form below. Loading their version replaces the form with
        what is saved now; then apply your change again.
      </p>
      <div>
        <Button variant="secondary" busy={busy} onClick={onLoad}>
          Load their version
        </Button>
      </div>
    </div>
  );
}
