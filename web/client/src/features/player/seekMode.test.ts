import { describe, expect, it } from 'vitest';

import { atLiveEdge, seekMode } from './seekMode';

describe('seekMode', () => {
  it('is vod for a title', () => {
    expect(seekMode({ live: false, seekStart: 0, seekEnd: 16 })).toBe('vod');
  });
  it('keeps a seek bar for a live window of a minute or more (start-over, DVR)', () => {
    expect(seekMode({ live: true, seekStart: 0, seekEnd: 1505 })).toBe('dvr');
    expect(seekMode({ live: true, seekStart: 100, seekEnd: 160 })).toBe('dvr');
  });
  it('has none for a short live window', () => {
    expect(seekMode({ live: true, seekStart: 100, seekEnd: 140 })).toBe('live');
  });
});

describe('atLiveEdge', () => {
  it('counts the last dozen seconds as live', () => {
    expect(atLiveEdge({ currentTime: 130, seekEnd: 140 })).toBe(true);
    expect(atLiveEdge({ currentTime: 100, seekEnd: 140 })).toBe(false);
  });
});
