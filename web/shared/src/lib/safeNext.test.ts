import { describe, expect, it } from 'vitest';

import { safeNext } from './safeNext';

describe('safeNext', () => {
  it('keeps a path of the app with its query', () => {
    expect(safeNext('/browse?genre=drama')).toBe('/browse?genre=drama');
  });

  it('refuses other origins and protocol-relative paths', () => {
    for (const next of ['https://evil.test/', '//evil.test/x', '/\\evil.test', 'javascript:alert(1)', '']) {
      expect(safeNext(next)).toBe('/');
    }
  });

  it('falls back when there is nothing to go back to', () => {
    expect(safeNext(null, '/profiles')).toBe('/profiles');
  });
});
