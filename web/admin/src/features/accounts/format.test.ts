import { describe, expect, it } from 'vitest';

import { accountStatus, streamPosition, when } from './format';

describe('account formatting', () => {
  it('names the state', () => {
    expect(accountStatus({ disabled: true, is_admin: true })).toBe('Disabled');
    expect(accountStatus({ disabled: false, is_admin: true })).toBe('Admin');
    expect(accountStatus({ disabled: false, is_admin: false })).toBe('Active');
  });

  it('puts a stream position in a clock', () => {
    expect(streamPosition({ position_seconds: 725, duration_seconds: 5530, channel_id: null })).toBe(
      '12:05 of 1:32:10',
    );
    expect(streamPosition({ position_seconds: 5, duration_seconds: 16, channel_id: null })).toBe('0:05 of 0:16');
    expect(streamPosition({ position_seconds: 0, duration_seconds: 0, channel_id: 3 })).toBe('live');
  });

  it('shows a missing time as a dash', () => {
    expect(when(null)).toBe('—');
    expect(when('2026-01-31T12:00:00Z')).not.toBe('—');
  });
});
