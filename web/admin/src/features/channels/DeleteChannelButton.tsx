import { isApiError, type AdminChannel } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';

import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formErrors } from '../../ui/formErrors';
import { useDeleteChannel } from './queries';

// Delete sends the ETag of the version the page shows (If-Match): a channel someone else
// changed since is not deleted unseen (412); the admin loads their version and decides again.
export function DeleteChannelButton({
  channel,
  etag,
  reloading,
  onLoadTheirs,
}: {
  channel: AdminChannel;
  etag: string | null;
  reloading: boolean;
  onLoadTheirs: () => void;
}) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteChannel(channel.id);
  const navigate = useNavigate();
  const conflict = isApiError(remove.error, 'precondition-failed');
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete channel
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${channel.name}?`}
        confirmLabel="Delete"
        busy={remove.isPending}
        error={conflict ? null : formErrors(remove.error, { fields: [] }).form}
        onClose={close}
        onConfirm={() => remove.mutate({ etag }, { onSuccess: () => navigate('/channels', { replace: true }) })}
      >
        {conflict ? (
          <DeleteConflict
            busy={reloading}
            onLoad={() => {
              close();
              onLoadTheirs();
            }}
          />
        ) : (
          'Its programmes, and viewers’ favorites naming it, go with it. This cannot be undone.'
        )}
      </ConfirmDialog>
    </>
  );
}

// ConflictNotice's message for a refused delete: nothing was deleted, look at theirs first.
function DeleteConflict({ busy, onLoad }: { busy: boolean; onLoad: () => void }) {
  return (
    <div role="alert" className="flex flex-col gap-3 rounded-md border border-amber-500 bg-amber-950/60 p-4">
      <p className="font-semibold text-amber-200">Someone else changed this channel since you opened it.</p>
      <p className="text-neutral-200">
        Nothing was deleted. Load their version to see what changed, then delete it again if you still mean to.
      </p>
      <div>
        <Button variant="secondary" busy={busy} onClick={onLoad}>
          Load their version
        </Button>
      </div>
    </div>
  );
}
