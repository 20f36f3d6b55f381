import type { AdminChannel } from '@kinora/shared';
import { useNavigate } from 'react-router-dom';

import { VersionedDeleteButton } from '../../ui/VersionedDeleteButton';
import { useDeleteChannel } from './queries';

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
  const remove = useDeleteChannel(channel.id);
  const navigate = useNavigate();
  return (
    <VersionedDeleteButton
      noun="channel"
      dialogTitle={`Delete ${channel.name}?`}
      consequence="Its programmes, and viewers’ favorites naming it, go with it. This cannot be undone."
      etag={etag}
      remove={remove}
      onDeleted={() => navigate('/channels', { replace: true })}
      reloading={reloading}
      onLoadTheirs={onLoadTheirs}
    />
  );
}
