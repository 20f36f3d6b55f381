import type { Grant, Profile } from '@kinora/shared';
import { beforeEach, describe, expect, it } from 'vitest';

import { profileChoice } from '../../app/profileChoice';
import { destinationAfterSignIn } from './destination';

const profile = (id: number, extra: Partial<Profile> = {}): Profile => ({
  id,
  name: `P${id}`,
  kids: false,
  maturity_ceiling: '18+',
  has_pin: false,
  created_at: '2026-01-01T00:00:00Z',
  ...extra,
});
const grant = (profiles: Profile[]): Grant => ({
  account: { id: 1, email: 'a@b.test', tier: 'basic', is_admin: false, created_at: '2026-01-01T00:00:00Z' },
  profile: profiles[0],
  profiles,
  access_token: 't',
  expires_in: 900,
});

describe('destinationAfterSignIn', () => {
  beforeEach(() => localStorage.clear());

  it('goes straight on for one open profile, and remembers the choice', () => {
    expect(destinationAfterSignIn(grant([profile(1)]), '/guide')).toBe('/guide');
    expect(profileChoice.isChosen(1)).toBe(true);
  });

  it("asks who's watching when there are several profiles or a PIN", () => {
    expect(destinationAfterSignIn(grant([profile(1), profile(2)]), '/guide')).toBe('/profiles?next=%2Fguide');
    expect(destinationAfterSignIn(grant([profile(1, { has_pin: true })]), null)).toBe('/profiles?next=%2F');
    expect(profileChoice.isChosen(1)).toBe(false);
  });

  it('never follows ?next= off the site', () => {
    expect(destinationAfterSignIn(grant([profile(1)]), '//evil.test/')).toBe('/');
  });
});
