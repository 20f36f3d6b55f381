import type { Profile } from '@kinora/shared';
import { Button, Dialog, ErrorState, Skeleton } from '@kinora/shared/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';

import { useSignedIn } from '../../app/useSignedIn';
import { DeleteProfileDialog } from './DeleteProfileDialog';
import { ProfileAvatar } from './ProfileAvatar';
import { ProfileForm } from './ProfileForm';
import { profilesQuery, useCreateProfile, useUpdateProfile } from './queries';

const MAX_PROFILES = 5;

export default function ManageProfilesPage() {
  const { profile: current } = useSignedIn();
  const profiles = useQuery(profilesQuery());
  const [editing, setEditing] = useState<Profile | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Profile | null>(null);
  const create = useCreateProfile();
  const update = useUpdateProfile();
  const save = editing === 'new' ? create : update;
  const close = () => {
    create.reset();
    update.reset();
    setEditing(null);
  };

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 md:px-8">
      <div className="mb-6 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-bold text-white md:text-3xl">Manage profiles</h1>
        <Link to="/" className="focus-ring rounded px-3 py-2 text-neutral-200 hover:text-white">
          Done
        </Link>
      </div>
      {profiles.isPending ? (
        <div className="flex flex-col gap-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-20" />
          ))}
        </div>
      ) : profiles.isError ? (
        <ErrorState error={profiles.error} onRetry={() => void profiles.refetch()} />
      ) : (
        <>
          <ul className="flex flex-col gap-3">
            {profiles.data.map((p) => (
              <li key={p.id} className="flex items-center gap-4 rounded-lg bg-neutral-900 p-4 ring-1 ring-white/10">
                <ProfileAvatar profile={p} size="sm" />
                <div className="min-w-0 flex-1">
                  <p className="truncate font-semibold text-white">
                    {p.name}{' '}
                    {p.id === current.id && <span className="text-sm font-normal text-neutral-400">(you)</span>}
                  </p>
                  <p className="text-sm text-neutral-400">
                    {[p.kids ? 'Kids' : null, `Up to ${p.maturity_ceiling}`, p.has_pin ? 'PIN lock' : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </div>
                <Button variant="secondary" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                  Edit
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => setDeleting(p)}
                  disabled={p.id === current.id}
                  title={p.id === current.id ? 'Switch to another profile to delete this one.' : undefined}
                  aria-label={`Delete ${p.name}`}
                >
                  Delete
                </Button>
              </li>
            ))}
          </ul>
          <div className="mt-6 flex items-center gap-4">
            <Button onClick={() => setEditing('new')} disabled={profiles.data.length >= MAX_PROFILES}>
              Add profile
            </Button>
            {profiles.data.length >= MAX_PROFILES && (
              <p className="text-sm text-neutral-400">An account has at most {MAX_PROFILES} profiles.</p>
            )}
          </div>
        </>
      )}
      <Dialog open={editing !== null} onClose={close} title={editing === 'new' ? 'Add a profile' : 'Edit profile'}>
        {editing !== null && (
          <ProfileForm
            key={editing === 'new' ? 'new' : editing.id}
            profile={editing === 'new' ? undefined : editing}
            busy={save.isPending}
            error={save.error}
            onCancel={close}
            onSubmit={(values) =>
              editing === 'new'
                ? create.mutate(values, { onSuccess: close })
                : update.mutate({ id: editing.id, body: values }, { onSuccess: close })
            }
          />
        )}
      </Dialog>
      <DeleteProfileDialog profile={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
