import { describe, expect, it } from 'vitest';

import { describeChange } from './describeChange';

describe('describeChange', () => {
  it('names a change in words', () => {
    expect(describeChange({ method: 'PATCH', route: '/api/v1/admin/titles/{id}' })).toBe('Changed title');
    expect(describeChange({ method: 'POST', route: '/api/v1/admin/titles/{id}/seasons' })).toBe('Created season');
    expect(describeChange({ method: 'DELETE', route: '/api/v1/admin/episodes/{id}' })).toBe('Deleted episode');
    expect(describeChange({ method: 'POST', route: '/api/v1/admin/schedule' })).toBe('Created programme');
    expect(describeChange({ method: 'PATCH', route: '/api/v1/admin/accounts/{account_id}' })).toBe('Changed account');
  });

  it('names actions as actions', () => {
    expect(describeChange({ method: 'POST', route: '/api/v1/admin/epg/xmltv' })).toBe('Imported an XMLTV guide');
    expect(describeChange({ method: 'POST', route: '/api/v1/admin/accounts/{account_id}/sign-out' })).toBe(
      'Signed an account out everywhere',
    );
    expect(
      describeChange({ method: 'DELETE', route: '/api/v1/admin/accounts/{account_id}/streams/{session_id}' }),
    ).toBe('Ended a stream');
    expect(describeChange({ method: 'PUT', route: '/api/v1/admin/schedule/{channel_id}/days/{date}' })).toBe(
      'Replaced a day of the schedule',
    );
  });
});
