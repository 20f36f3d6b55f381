import { describe, expect, it } from 'vitest';

import { planIncludes } from './plan';

describe('planIncludes', () => {
  it('includes titles of the plan and the plans below it', () => {
    expect(planIncludes('premium', 'basic')).toBe(true);
    expect(planIncludes('premium', 'premium')).toBe(true);
    expect(planIncludes('standard', 'standard')).toBe(true);
    expect(planIncludes('standard', 'premium')).toBe(false);
    expect(planIncludes('basic', 'standard')).toBe(false);
  });
});
