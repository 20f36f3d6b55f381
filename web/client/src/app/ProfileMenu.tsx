import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';

import { ProfileAvatar } from '../features/profiles/ProfileAvatar';
import { useSignedIn } from './useSignedIn';
import { useSignOut } from './useSignOut';

// The header's profile button: switch profile, manage, account, sign out.
export function ProfileMenu() {
  const { profile, profiles } = useSignedIn();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const signOut = useSignOut();

  const item = 'focus-ring block w-full rounded px-3 py-2 text-left text-sm hover:bg-white/10';
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Profile: ${profile.name}`}
        onClick={() => setOpen((o) => !o)}
        className="focus-ring rounded-md"
      >
        <ProfileAvatar profile={profile} size="sm" />
      </button>
      {open && (
        <div
          role="menu"
          className="absolute right-0 mt-2 w-56 rounded-lg bg-neutral-900 p-2 shadow-xl ring-1 ring-white/10"
        >
          {profiles
            .filter((p) => p.id !== profile.id)
            .map((p) => (
              <Link
                key={p.id}
                role="menuitem"
                to={`/profiles?switch=${p.id}`}
                className={`${item} flex items-center gap-2`}
                onClick={() => setOpen(false)}
              >
                <ProfileAvatar profile={p} size="xs" /> {p.name}
              </Link>
            ))}
          <Link role="menuitem" to="/profiles" className={item} onClick={() => setOpen(false)}>
            Switch profile
          </Link>
          {!profile.kids && (
            <>
              <Link role="menuitem" to="/profiles/manage" className={item} onClick={() => setOpen(false)}>
                Manage profiles
              </Link>
              <Link role="menuitem" to="/account" className={item} onClick={() => setOpen(false)}>
                Account
              </Link>
            </>
          )}
          <button role="menuitem" type="button" className={item} onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
