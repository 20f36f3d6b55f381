import { ApiError, type Problem } from '@kinora/shared';

import { fieldOf, formErrors } from './formErrors';

const problem = (over: Partial<Problem>): Problem => ({
  type: 'urn:kinora:problem:validation',
  title: 'Invalid request',
  status: 422,
  detail: 'The request body has invalid fields.',
  instance: '/api/v1/admin/titles',
  ...over,
});

const FIELDS = ['title', 'year', 'genres', 'slug', 'number'] as const;

describe('formErrors', () => {
  it('puts errors[] at their fields, with array paths at the array control', () => {
    const err = new ApiError(
      422,
      problem({
        errors: [
          { field: 'title', message: 'must not be empty' },
          { field: 'genres[1]', message: 'is not a known genre' },
          { field: 'genres[3]', message: 'is not a known genre either' },
        ],
      }),
    );
    expect(formErrors(err, { fields: FIELDS })).toEqual({
      fields: { title: 'Must not be empty.', genres: 'Is not a known genre.' },
      form: null,
    });
  });

  it('says what no shown field takes in the form message', () => {
    const err = new ApiError(
      422,
      problem({
        errors: [
          { field: 'year', message: 'must be between 1880 and 2100' },
          { field: 'mystery', message: 'is unknown' },
        ],
      }),
    );
    const out = formErrors(err, { fields: FIELDS });
    expect(out.fields).toEqual({ year: 'Must be between 1880 and 2100.' });
    expect(out.form).toBe('mystery: Is unknown.');
  });

  it('puts a field-less 409 at the field its kind names', () => {
    const err = new ApiError(
      409,
      problem({
        type: 'urn:kinora:problem:duplicate',
        status: 409,
        detail: "A title with slug 'x' already exists.",
      }),
    );
    expect(formErrors(err, { fields: FIELDS, kinds: { duplicate: 'slug' } })).toEqual({
      fields: { slug: "A title with slug 'x' already exists." },
      form: null,
    });
  });

  it('prefers the errors[] field of a 409 that names one', () => {
    const err = new ApiError(
      409,
      problem({
        type: 'urn:kinora:problem:duplicate',
        status: 409,
        detail: 'Another channel has this number.',
        errors: [{ field: 'number', message: 'is taken by another channel' }],
      }),
    );
    expect(formErrors(err, { fields: FIELDS, kinds: { duplicate: 'slug' } }).fields).toEqual({
      number: 'Is taken by another channel.',
    });
  });

  it('gives the human sentence for failures without fields', () => {
    expect(formErrors(ApiError.network('offline'), { fields: FIELDS }).form).toMatch(/connection/i);
    expect(formErrors(new Error('boom'), { fields: FIELDS }).form).toBe('boom');
    expect(formErrors(null, { fields: FIELDS })).toEqual({ fields: {}, form: null });
  });

  it('strips array indexes and nested members from paths', () => {
    expect(fieldOf('cast[12]')).toBe('cast');
    expect(fieldOf('matched_by.tvg_id')).toBe('matched_by');
    expect(fieldOf('title')).toBe('title');
  });
});
