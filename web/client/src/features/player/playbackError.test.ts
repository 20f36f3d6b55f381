import { describe, expect, it } from 'vitest';

import { describePlaybackFailure } from './playbackError';

describe('describePlaybackFailure', () => {
  it('treats a refused media URL as an ended session', () => {
    const f = describePlaybackFailure({ code: 1001, category: 1, data: ['https://x/key', 410] });
    expect(f.sessionGone).toBe(true);
    expect(f.title).toMatch(/ended/);
  });
  it('names a server error status', () => {
    const f = describePlaybackFailure({ code: 1001, category: 1, data: ['u', 503] });
    expect(f.sessionGone).toBe(false);
    expect(f.detail).toContain('503');
  });
  it('explains network failures and timeouts as a lost connection', () => {
    expect(describePlaybackFailure({ code: 1002, category: 1, data: [] }).title).toMatch(/connection/);
    expect(describePlaybackFailure({ code: 1003, category: 1 }).title).toMatch(/connection/);
  });
  it('explains decode failures and anything else', () => {
    expect(describePlaybackFailure({ code: 3016, category: 3 }).title).toMatch(/cannot play/);
    expect(describePlaybackFailure(new Error('x')).detail).toMatch(/problem/);
    expect(describePlaybackFailure({ code: 7002, category: 7 }).detail).toContain('7002');
  });
});
