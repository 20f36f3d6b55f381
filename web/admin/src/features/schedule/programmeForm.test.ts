import { ApiError, type Programme } from '@kinora/shared';

import { conflictOf, createProgrammeBody, programmeValues, updateProgrammeBody } from './programmeForm';

const stored: Programme = {
  id: 22,
  channel_id: 1,
  title: 'Meridian Morning',
  subtitle: null,
  description: 'News.',
  category: 'News',
  season: null,
  episode: null,
  start: '2026-12-06T17:15:00Z',
  stop: '2026-12-06T19:15:00Z',
  rating: 'all',
  title_id: null,
};

describe('programme form values', () => {
  it('creates with UTC times and nulls for empty optional boxes', () => {
    const v = { ...programmeValues({}), title: 'Late Show', start: '2026-12-06T23:00', stop: '2026-12-07T00:30' };
    expect(createProgrammeBody(4, v)).toEqual({
      channel_id: 4,
      title: 'Late Show',
      subtitle: null,
      start: '2026-12-06T23:00:00Z',
      stop: '2026-12-07T00:30:00Z',
      category: '',
      rating: 'all',
      description: '',
      season: null,
      episode: null,
      title_id: null,
    });
  });

  it('leaves a missing time out of a create', () => {
    expect('stop' in createProgrammeBody(1, { ...programmeValues({}), start: '2026-12-06T10:00' })).toBe(false);
  });

  it('patches only what changed', () => {
    expect(updateProgrammeBody(stored, programmeValues(stored))).toEqual({});
    const v = { ...programmeValues(stored), stop: '2026-12-06T19:45', season: '2', subtitle: 'Extended' };
    expect(updateProgrammeBody(stored, v)).toEqual({ stop: '2026-12-06T19:45:00Z', season: 2, subtitle: 'Extended' });
  });

  it('reads the programme in the way from a schedule conflict', () => {
    const err = new ApiError(409, {
      type: 'urn:kinora:problem:schedule-conflict',
      title: 'Conflict',
      status: 409,
      detail: 'The programme overlaps programme 22.',
      instance: '/api/v1/admin/schedule',
      conflicting_programme_id: 22,
      conflicting_title: 'Meridian Morning',
      conflicting_start: '2026-12-06T17:15:00Z',
      conflicting_stop: '2026-12-06T19:15:00Z',
    });
    expect(conflictOf(err)).toEqual({ id: 22, title: 'Meridian Morning' });
    expect(conflictOf(new Error('x'))).toBeNull();
    expect(conflictOf(null)).toBeNull();
  });
});
