import { Button, Dialog } from '@kinora/shared/ui';
import type { ReactNode } from 'react';

import { FormError } from './fields';

// "Are you sure?" for deletes: the consequence in words, Cancel first, the danger button last.
export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <div className="text-sm text-neutral-300">{children}</div>
      <FormError message={error} />
      <div className="flex justify-end gap-3">
        <Button variant="ghost" onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button variant="danger" busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
