import type { TitleDetail } from '@kinora/shared';
import { useNavigate } from 'react-router-dom';

import { VersionedDeleteButton } from '../../ui/VersionedDeleteButton';
import { useDeleteTitle } from './queries';

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
  const remove = useDeleteTitle(title.id);
  const navigate = useNavigate();
  const episodes = title.seasons?.reduce((n, s) => n + s.episodes.length, 0) ?? 0;
  return (
    <VersionedDeleteButton
      noun="title"
      dialogTitle={`Delete “${title.title}”?`}
      consequence={
        title.type === 'series'
          ? `Its ${title.seasons?.length ?? 0} seasons and ${episodes} episodes go with it. This cannot be undone.`
          : 'This cannot be undone.'
      }
      etag={etag}
      remove={remove}
      onDeleted={() => navigate('/titles', { replace: true, state: { deleted: title.title } })}
      reloading={reloading}
      onLoadTheirs={onReload}
    />
  );
}
