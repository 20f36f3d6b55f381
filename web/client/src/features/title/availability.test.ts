import { describe, expect, it } from 'vitest';

import { seriesDetail, titleSummary } from '../catalog/testData';
import { isPreparing, playsNow } from './availability';

describe('availability', () => {
  it('plays ready media, and media an older server says nothing about', () => {
    expect(playsNow('ready')).toBe(true);
    expect(playsNow(undefined)).toBe(true);
    expect(playsNow('preparing')).toBe(false);
    expect(playsNow('none')).toBe(false);
  });

  it('polls while the title or any of its episodes is being prepared', () => {
    expect(isPreparing(undefined)).toBe(false);
    expect(isPreparing({ ...titleSummary(1), media: 'preparing' })).toBe(true);
    expect(isPreparing({ ...titleSummary(1), media: 'none' })).toBe(false);
    const series = { ...seriesDetail(5), media: 'ready' as const };
    expect(isPreparing(series)).toBe(false);
    series.seasons![0]!.episodes[0]!.media = 'preparing';
    expect(isPreparing(series)).toBe(true);
  });
});
