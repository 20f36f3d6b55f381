import { describeError, formatWait, isApiError, safeNext, type Profile } from '@kinora/shared';
import { Button } from '@kinora/shared/ui';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';

import { profileChoice } from '../../app/profileChoice';
import { useSignedIn } from '../../app/useSignedIn';
import { useSignOut } from '../../app/useSignOut';
import { PinPad } from './PinPad';
import { ProfileAvatar } from './ProfileAvatar';
import { useSelectProfile } from './queries';

function pinMessage(error: unknown): string | null {
  if (!error) return null;
  if (isApiError(error, 'invalid-pin')) return 'That PIN is not right. Try again.';
  if (isApiError(error, 'rate-limited'))
    return `Too many wrong PINs. Try again in ${formatWait(error.retryAfterSeconds ?? 60)}.`;
  if (isApiError(error, 'pin-required')) return null;
  return describeError(error).detail;
}

export default function WhoIsWatchingPage() {
  const { profile: current, profiles } = useSignedIn();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [asking, setAsking] = useState<Profile | null>(null);
  const select = useSelectProfile();
  const signOut = useSignOut();

  const enter = (id: number) => {
    profileChoice.choose(id);
    navigate(next, { replace: true });
  };
  const choose = (profile: Profile) => {
    select.reset();
    if (profile.id === current.id) return enter(profile.id);
    if (profile.has_pin) return setAsking(profile);
    select.mutate(
      { profile },
      {
        onSuccess: (grant) => enter(grant.profile.id),
        // Leaving a kids profile asks for the grown-up profile's PIN too.
        onError: (err) => isApiError(err, 'pin-required') && setAsking(profile),
      },
    );
  };

  // "Switch to Sam" from the header menu arrives as ?switch=<id>.
  const switchTo = Number(params.get('switch'));
  const switched = useRef(false);
  useEffect(() => {
    if (switched.current || !switchTo) return;
    switched.current = true;
    const target = profiles.find((p) => p.id === switchTo);
    if (target) choose(target);
  });

  if (asking) {
    return (
      <main className="flex min-h-screen flex-col items-center justify-center gap-6 p-6">
        <ProfileAvatar profile={asking} size="lg" />
        <h1 className="text-2xl font-bold text-white">Enter the PIN</h1>
        <PinPad
          profileName={asking.name}
          busy={select.isPending}
          error={pinMessage(select.error)}
          onSubmit={(pin) => select.mutate({ profile: asking, pin }, { onSuccess: (grant) => enter(grant.profile.id) })}
          onCancel={() => {
            select.reset();
            setAsking(null);
          }}
        />
      </main>
    );
  }

  const error = select.isError && !isApiError(select.error, 'pin-required') ? describeError(select.error) : null;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-10 p-6">
      <h1 className="text-3xl font-bold text-white md:text-5xl">Who&apos;s watching?</h1>
      <ul className="flex flex-wrap justify-center gap-6 md:gap-10">
        {profiles.map((profile) => (
          <li key={profile.id}>
            <button
              type="button"
              onClick={() => choose(profile)}
              disabled={select.isPending}
              className="focus-ring group flex flex-col items-center gap-3 rounded-lg p-2"
            >
              <ProfileAvatar profile={profile} size="lg" />
              <span className="flex items-center gap-1 text-neutral-300 group-hover:text-white group-focus-visible:text-white">
                {profile.name}
                {profile.has_pin && <LockIcon />}
                <span className="sr-only">
                  {profile.kids ? ', kids profile' : ''}
                  {profile.has_pin ? ', locked with a PIN' : ''}
                </span>
              </span>
              {profile.kids && (
                <span aria-hidden="true" className="rounded bg-yellow-300 px-2 text-xs font-bold text-indigo-950">
                  KIDS
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-red-300">
          {error.detail}
        </p>
      )}
      {!current.kids && (
        <Link
          to="/profiles/manage"
          onClick={() => profileChoice.choose(current.id)}
          className="focus-ring rounded border border-neutral-500 px-5 py-2 text-neutral-200 hover:text-white"
        >
          Manage profiles
        </Link>
      )}
      <Button variant="ghost" onClick={() => void signOut()}>
        Sign out
      </Button>
    </main>
  );
}

function LockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="currentColor">
      <path d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Z" />
    </svg>
  );
}
