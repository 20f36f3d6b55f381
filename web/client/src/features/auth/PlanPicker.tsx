import type { Tier } from '@kinora/shared';

import { PLAN_STREAMS, streamsAtOnce, TIER_NAMES } from '../../lib/format';

// What each plan gives, as the server enforces it (tier of titles, streams at once).
const PLANS: { tier: Tier; blurb: string }[] = [
  { tier: 'basic', blurb: 'The Basic catalogue and channels' },
  { tier: 'standard', blurb: 'Adds Standard titles and channels' },
  { tier: 'premium', blurb: 'Everything, including Premium' },
];

export function PlanPicker({ value, onChange, error }: { value: Tier; onChange: (t: Tier) => void; error?: string }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-neutral-200">Plan</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {PLANS.map((plan) => (
          <label
            key={plan.tier}
            className={`flex cursor-pointer flex-col gap-1 rounded-lg p-3 ring-1 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-white ${value === plan.tier ? 'bg-brand-500/20 ring-brand-500' : 'bg-neutral-800 ring-white/10'}`}
          >
            <span className="flex items-center gap-2 font-semibold text-white">
              <input
                type="radio"
                name="tier"
                value={plan.tier}
                checked={value === plan.tier}
                onChange={() => onChange(plan.tier)}
                className="accent-brand-500"
              />
              {TIER_NAMES[plan.tier]}
            </span>
            <span className="text-xs text-neutral-300">{plan.blurb}</span>
            <span className="text-xs text-neutral-400">{streamsAtOnce(PLAN_STREAMS[plan.tier])}</span>
          </label>
        ))}
      </div>
      {error && <p className="text-sm text-red-400">{error}</p>}
    </fieldset>
  );
}
