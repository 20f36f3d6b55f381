import type { MaturityRating, Tier } from '@kinora/shared';

// The enums of the API's schemas as <select> options, lowest first.
export const TIERS: readonly { value: Tier; label: string }[] = [
  { value: 'basic', label: 'Basic' },
  { value: 'standard', label: 'Standard' },
  { value: 'premium', label: 'Premium' },
];

export const RATINGS: readonly { value: MaturityRating; label: string }[] = [
  { value: 'all', label: 'All ages' },
  { value: '7+', label: '7+' },
  { value: '13+', label: '13+' },
  { value: '16+', label: '16+' },
  { value: '18+', label: '18+' },
];

export const isTier = (v: unknown): v is Tier => TIERS.some((t) => t.value === v);
export const isRating = (v: unknown): v is MaturityRating => RATINGS.some((r) => r.value === v);
