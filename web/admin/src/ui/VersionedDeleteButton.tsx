import { isApiError } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

import { ConfirmDialog } from './ConfirmDialog';
import { ConflictNotice } from './ConflictNotice';
import { formErrors } from './formErrors';

export interface DeleteVars {
  etag: string | null;
  endStreams?: boolean;
}

// Delete from an edit page. It sends the ETag of the version shown (If-Match), so a thing
// someone changed since is not deleted unseen (412: load theirs, decide again); and what
// viewers are watching is deleted only once the admin agrees to end their streams (409 in-use).
export function VersionedDeleteButton({
  noun,
  dialogTitle,
  consequence,
  etag,
  remove,
  onDeleted,
  reloading,
  onLoadTheirs,
}: {
  noun: 'title' | 'channel';
  dialogTitle: string;
  consequence: ReactNode;
  etag: string | null;
  remove: UseMutationResult<unknown, Error, DeleteVars>;
  onDeleted: () => void;
  reloading: boolean;
  onLoadTheirs: () => void;
}) {
  const [open, setOpen] = useState(false);
  const stale = isApiError(remove.error, 'precondition-failed');
  const inUse = isApiError(remove.error, 'in-use') ? remove.error : null;
  const streams = inUse?.problem.streams ?? 0;
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete {noun}
      </Button>
      <ConfirmDialog
        open={open}
        title={dialogTitle}
        confirmLabel={inUse ? `End ${streams === 1 ? 'the stream' : `${streams} streams`} and delete` : 'Delete'}
        busy={remove.isPending}
        error={stale || inUse ? null : formErrors(remove.error, { fields: [] }).form}
        onClose={close}
        onConfirm={() => remove.mutate({ etag, endStreams: Boolean(inUse) }, { onSuccess: onDeleted })}
      >
        {stale ? (
          <ConflictNotice
            what={noun}
            busy={reloading}
            onLoad={() => {
              close();
              onLoadTheirs();
            }}
          >
            Nothing was deleted. Load their version to see what changed, then delete it if you still mean to.
          </ConflictNotice>
        ) : inUse ? (
          <InUseNotice noun={noun} streams={streams} />
        ) : (
          consequence
        )}
      </ConfirmDialog>
    </>
  );
}

function InUseNotice({ noun, streams }: { noun: string; streams: number }) {
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-500 bg-amber-950/60 p-4">
      <p className="font-semibold text-amber-200">
        {streams === 1 ? 'A viewer is' : `${streams} viewers are`} watching this {noun} right now.
      </p>
      <p className="text-neutral-200">
        Nothing was deleted. Deleting it now ends their streams: their players stop with a message. Or cancel and try
        again later.
      </p>
    </div>
  );
}
