import { describeError, type Profile } from '@kinora/shared';
import { Button, Dialog } from '@kinora/shared/ui';

import { useDeleteProfile } from './queries';

// Deleting takes the profile's list, ratings and progress with it: say so, then ask.
export function DeleteProfileDialog({ profile, onClose }: { profile: Profile | null; onClose: () => void }) {
  const remove = useDeleteProfile();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog open={profile !== null} onClose={close} title={`Delete ${profile?.name ?? 'profile'}?`}>
      <p className="text-neutral-300">
        Its My List, ratings and viewing progress are deleted with it. This cannot be undone.
      </p>
      {remove.error ? (
        <p role="alert" className="text-sm text-red-300">
          {describeError(remove.error).detail}
        </p>
      ) : null}
      <div className="flex justify-end gap-3">
        <Button variant="ghost" onClick={close}>
          Keep it
        </Button>
        <Button
          variant="danger"
          busy={remove.isPending}
          onClick={() => profile && remove.mutate(profile.id, { onSuccess: close })}
        >
          Delete profile
        </Button>
      </div>
    </Dialog>
  );
}
