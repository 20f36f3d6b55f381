import { Button, Dialog, Spinner } from '@kinora/shared/ui';
import { lazy, Suspense, useState } from 'react';

import { FormError } from '../../ui/fields';
import { previewRefusal } from './previewError';
import { usePreview } from './queries';

// The player (and Shaka behind it) loads only when a preview opens.
const PreviewPlayer = lazy(() => import('./PreviewPlayer').then((m) => ({ default: m.PreviewPlayer })));

// "Preview": opens a preview session (no plan, no stream count, no history) and plays it
// in a dialog. Closing the dialog stops the player; the session expires by itself.
export function PreviewButton({
  titleId,
  episodeId,
  name,
  variant = 'secondary',
}: {
  titleId: number;
  episodeId?: number;
  name: string;
  variant?: 'primary' | 'secondary';
}) {
  const [open, setOpen] = useState(false);
  const preview = usePreview();
  const start = () => {
    setOpen(true);
    preview.mutate({ title_id: titleId, ...(episodeId ? { episode_id: episodeId } : {}) });
  };
  const close = () => {
    setOpen(false);
    preview.reset();
  };
  const loading = (
    <p role="status" className="flex items-center gap-2 text-sm text-neutral-300">
      <Spinner /> Opening the preview…
    </p>
  );
  return (
    <>
      <Button variant={variant} onClick={start}>
        Preview
      </Button>
      <Dialog open={open} onClose={close} title={`Preview: ${name}`}>
        {preview.isPending && loading}
        <FormError message={previewRefusal(preview.error)} />
        {preview.data && (
          <Suspense fallback={loading}>
            <PreviewPlayer url={preview.data.manifest_url} label={`Preview of ${name}`} />
            <p className="text-xs text-neutral-400">
              Not counted as viewing: no plan or stream limit applies and no history is kept. The link expires{' '}
              {new Date(preview.data.urls_expire_at).toLocaleTimeString('en-GB', { timeStyle: 'short' })}.
            </p>
          </Suspense>
        )}
        <div className="flex justify-end">
          <Button variant="ghost" onClick={close}>
            Close
          </Button>
        </div>
      </Dialog>
    </>
  );
}
