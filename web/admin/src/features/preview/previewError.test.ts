import { ApiError } from '@kinora/shared';

import { describePlayerFailure, previewRefusal } from './previewError';

const problem = (status: number, kind: string, detail: string) =>
  new ApiError(status, {
    type: `urn:kinora:problem:${kind}`,
    title: kind,
    status,
    detail,
    instance: '/api/v1/admin/playback/preview',
  });

describe('preview messages', () => {
  it('says what to do when the title has no media', () => {
    expect(previewRefusal(problem(409, 'no-media', 'This title has no packaged media yet.'))).toBe(
      'This title has no packaged media yet. Upload a video for it first.',
    );
    expect(previewRefusal(null)).toBeNull();
  });

  it('passes other refusals through', () => {
    expect(previewRefusal(problem(404, 'not-found', 'No title with id 9.'))).toBe('No title with id 9.');
  });

  it('names player failures by their Shaka code', () => {
    expect(describePlayerFailure({ code: 1001, category: 1 })).toMatch(/could not be fetched.*1001/);
    expect(describePlayerFailure({ code: 3016 })).toMatch(/could not play.*3016/);
    expect(describePlayerFailure(new Error('boom'))).toBe('boom');
    expect(describePlayerFailure(undefined)).toBe('The preview could not play.');
  });
});
