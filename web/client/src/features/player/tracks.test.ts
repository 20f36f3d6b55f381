import { describe, expect, it } from 'vitest';

import { activeHeight, activeIndex, languageOptions, qualityOptions } from './tracks';

describe('qualityOptions', () => {
  it('lists each height once, best first', () => {
    const tracks = [
      { height: 240, active: false },
      { height: 720, active: true },
      { height: 480, active: false },
      { height: 720, active: false },
      { height: null, active: false },
    ];
    expect(qualityOptions(tracks)).toEqual([
      { id: '720', label: '720p' },
      { id: '480', label: '480p' },
      { id: '240', label: '240p' },
    ]);
    expect(activeHeight(tracks)).toBe(720);
  });
  it('is empty for audio-only media', () => {
    expect(qualityOptions([])).toEqual([]);
    expect(activeHeight([])).toBeNull();
  });
});

describe('languageOptions', () => {
  it('prefers the label, then the language, and numbers duplicates', () => {
    const opts = languageOptions([
      { language: 'en', label: 'English', active: false },
      { language: 'en', label: 'English', active: true },
      { language: 'fr', label: null, active: false },
      { language: 'und', label: '', active: false },
    ]);
    expect(opts.map((o) => o.label)).toEqual(['English', 'English (2)', expect.stringMatching(/fr/i), 'Track 4']);
    expect(opts.map((o) => o.id)).toEqual(['0', '1', '2', '3']);
  });
  it('finds the active entry', () => {
    expect(activeIndex([{ active: false }, { active: true }])).toBe('1');
    expect(activeIndex([{ active: false }])).toBeNull();
  });
});
