import { safeNext, type Grant } from '@kinora/shared';

import { profileChoice } from '../../app/profileChoice';

// After signing in: straight on when the account has one open profile, else "Who's watching?".
export function destinationAfterSignIn(grant: Grant, next: string | null): string {
  const target = safeNext(next);
  const only = grant.profiles.length === 1 ? grant.profiles[0] : null;
  if (only && !only.has_pin && only.id === grant.profile.id) {
    profileChoice.choose(only.id);
    return target;
  }
  return `/profiles?${new URLSearchParams({ next: target })}`;
}
