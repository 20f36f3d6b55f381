import type { TitleDetail } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';

import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formErrors } from '../../ui/formErrors';
import { useDeleteTitle } from './queries';

export function DeleteTitleButton({ title }: { title: TitleDetail }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteTitle(title.id);
  const navigate = useNavigate();
  const episodes = title.seasons?.reduce((n, s) => n + s.episodes.length, 0) ?? 0;
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
        error={formErrors(remove.error, { fields: [] }).form}
        onClose={() => {
          setOpen(false);
          remove.reset();
        }}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => navigate('/titles', { replace: true, state: { deleted: title.title } }),
          })
        }
      >
        {title.type === 'series'
          ? `Its ${title.seasons?.length ?? 0} seasons and ${episodes} episodes go with it. This cannot be undone.`
          : 'This cannot be undone.'}
      </ConfirmDialog>
    </>
  );
}
