import { describe, expect, it } from 'vitest';

import { ApiError, describeError, formatWait } from './problem';

function problemResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

describe('ApiError', () => {
  it('reads the kind, the field errors and the wait from a problem answer', () => {
    const body = {
      type: 'urn:kinora:problem:validation',
      title: 'Invalid request',
      status: 400,
      detail: 'Two fields are invalid.',
      instance: '/api/v1/auth/register',
      errors: [
        { field: 'email', message: 'is not an email address' },
        { field: 'password', message: 'needs at least 8 characters' },
        { field: 'password', message: 'second message is not shown' },
      ],
    };
    const err = ApiError.fromResponse(problemResponse(400, body, { 'Retry-After': '30' }), body);
    expect(err.kind).toBe('validation');
    expect(err.fieldErrors).toEqual({ email: 'Is not an email address.', password: 'Needs at least 8 characters.' });
    expect(err.retryAfterSeconds).toBe(30);
    expect(err.message).toBe('Two fields are invalid.');
  });

  it('makes a problem of an answer that is not one, without echoing a whole page', () => {
    const page = '<html>' + 'x'.repeat(5000);
    const err = ApiError.fromResponse(new Response(page, { status: 502, statusText: 'Bad Gateway' }), page);
    expect(err.kind).toBe('http-502');
    expect(err.problem.detail.length).toBeLessThanOrEqual(200);
    expect(err.retryAfterSeconds).toBeNull();
  });
});

describe('describeError', () => {
  it('puts each kind of failure in words', () => {
    expect(describeError(ApiError.network(new TypeError('Failed to fetch'))).title).toBe('Kinora cannot be reached');
    const limited = new ApiError(
      429,
      { type: 'urn:kinora:problem:rate-limited', title: 'Too many', status: 429, detail: '', instance: '' },
      90,
    );
    expect(describeError(limited).detail).toBe('Wait 2 minutes before trying again.');
    const custom = new ApiError(403, {
      type: 'urn:kinora:problem:tier-required',
      title: 'Premium only',
      status: 403,
      detail: 'Upgrade to watch.',
      instance: '',
    });
    expect(describeError(custom)).toEqual({ title: 'Premium only', detail: 'Upgrade to watch.' });
    expect(describeError(new Error('boom'))).toEqual({ title: 'Something went wrong', detail: 'boom' });
  });

  it('formats waits as people say them', () => {
    expect(formatWait(1.2)).toBe('2 seconds');
    expect(formatWait(59)).toBe('59 seconds');
    expect(formatWait(60)).toBe('1 minute');
    expect(formatWait(61)).toBe('2 minutes');
  });
});
