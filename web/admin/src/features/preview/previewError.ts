import { isApiError } from '@kinora/shared';

import { formErrors } from '../../ui/formErrors';

// Why a preview did not open, in the admin's words.
export function previewRefusal(err: unknown): string | null {
  if (!err) return null;
  if (isApiError(err, 'no-media')) return `${err.problem.detail} Upload a video for it first.`;
  // The server names what is missing (the title or the episode); the generic text does not.
  if (isApiError(err, 'not-found')) return err.problem.detail;
  return formErrors(err, { fields: [] }).form;
}

// Shaka reports failures as { code, category }; codes are listed in its documentation.
export function describePlayerFailure(detail: unknown): string {
  const code = typeof detail === 'object' && detail && 'code' in detail ? Number(detail.code) : NaN;
  if (Number.isFinite(code)) {
    if (code >= 1000 && code < 2000) return `The preview’s media could not be fetched (player error ${code}).`;
    return `The preview could not play (player error ${code}).`;
  }
  return detail instanceof Error ? detail.message : 'The preview could not play.';
}
