import type { Tier } from '@kinora/shared';

import { TIER_NAMES } from '../../lib/format';

const ORDER: Tier[] = ['basic', 'standard', 'premium'];

// An account sees titles of its tier and below (the API's visibility policy).
export function planIncludes(accountTier: Tier, titleTier: Tier): boolean {
  return ORDER.indexOf(accountTier) >= ORDER.indexOf(titleTier);
}

export function planName(tier: Tier): string {
  return TIER_NAMES[tier];
}
