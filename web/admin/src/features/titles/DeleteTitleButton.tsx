import { isApiError, type TitleDetail } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';

import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formErrors } from '../../ui/formErrors';
import { useDeleteTitle } from './queries';

// Deletes the version the page shows (If-Match with its ETag): if someone changed the title
// since, nothing is deleted and the dialog offers to load their version first.
export function DeleteTitleButton({
  title,
  etag,
  reloading,
  onReload,
}: {
  title: TitleDetail;
  etag: string | null;
  reloading: boolean;
  onReload: () => void;
}) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteTitle(title.id);
  const navigate = useNavigate();
  const episodes = title.seasons?.reduce((n, s) => n + s.episodes.length, 0) ?? 0;
  const conflict = isApiError(remove.error, 'precondition-failed');
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete title
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete “${title.title}”?`}
        confirmLabel="Delete"
        busy={remove.isPending}
        error={conflict ? null : formErrors(remove.error, { fields: [] }).form}
        onClose={close}
        onConfirm={() =>
          remove.mutate(etag, {
            onSuccess: () => navigate('/titles', { replace: true, state: { deleted: title.title } }),
          })
        }
      >
        {conflict ? (
          <div role="alert" className="flex flex-col gap-3 rounded-md border border-amber-500 bg-amber-950/60 p-4">
            <p className="font-semibold text-amber-200">Someone else changed this title since you opened it.</p>
            <p className="text-neutral-200">
              Nothing was deleted. Load their version to see what changed, then delete it if you still mean to.
            </p>
            <div>
              <Button
                variant="secondary"
                busy={reloading}
                onClick={() => {
                  onReload();
                  close();
                }}
              >
                Load their version
              </Button>
            </div>
          </div>
        ) : title.type === 'series' ? (
          `Its ${title.seasons?.length ?? 0} seasons and ${episodes} episodes go with it. This cannot be undone.`
        ) : (
          'This cannot be undone.'
        )}
      </ConfirmDialog>
    </>
  );
}
