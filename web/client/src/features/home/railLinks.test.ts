import { describe, expect, it } from 'vitest';

import { seeAllFor } from './railLinks';

describe('seeAllFor', () => {
  it('links rails that have a full listing', () => {
    expect(seeAllFor('continue-watching')).toBe('/continue');
    expect(seeAllFor('watchlist')).toBe('/my-list');
    expect(seeAllFor('new-releases')).toBe('/browse?sort=year');
    expect(seeAllFor('top-picks-sci-fi')).toBe('/browse?genre=sci-fi');
  });

  it('leaves out personal rails with no listing behind them', () => {
    expect(seeAllFor('for-you')).toBeUndefined();
    expect(seeAllFor('because-you-watched-53')).toBeUndefined();
    expect(seeAllFor('trending')).toBeUndefined();
    expect(seeAllFor('featured')).toBeUndefined();
  });
});
