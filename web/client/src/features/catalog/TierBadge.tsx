import type { Tier } from '@kinora/shared';

import { planName } from './plan';

const STYLE: Record<Tier, string> = {
  basic: 'bg-neutral-700 text-neutral-100',
  standard: 'bg-sky-800 text-sky-50',
  premium: 'bg-amber-400 text-neutral-950',
};

export function TierBadge({ tier }: { tier: Tier }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-bold uppercase tracking-wide ${STYLE[tier]}`}>
      {planName(tier)}
    </span>
  );
}
