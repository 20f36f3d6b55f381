import { describeError, isApiError } from '@kinora/shared';

export interface FormErrors {
  // Field name -> sentence, for the control of that name.
  fields: Record<string, string>;
  // Everything no shown field takes, or null.
  form: string | null;
}

export interface FormErrorOptions {
  // The form's field names; an errors[] entry for any other field goes to the form message,
  // so nothing the server said is lost.
  fields: readonly string[];
  // Problem kinds without errors[] that belong at one field, e.g. a 409 `duplicate` of a
  // title's slug: { duplicate: 'slug' }. The problem's detail is shown there.
  kinds?: Record<string, string>;
}

// `genres[2]` and `matched_by.tvg_id` belong to the controls `genres` and `matched_by`.
export function fieldOf(path: string): string {
  return path.replace(/[[.].*$/, '');
}

// Maps a failed save onto a form: errors[] entries at their fields, known problem kinds at
// the field they concern, and the rest (or a failure with no fields at all) as one sentence.
export function formErrors(err: unknown, { fields: known, kinds = {} }: FormErrorOptions): FormErrors {
  if (!err) return { fields: {}, form: null };
  if (!isApiError(err)) return { fields: {}, form: describeError(err).detail };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(err.fieldErrors)) {
    const field = fieldOf(path);
    if (known.includes(field)) fields[field] ??= message;
    else rest.push(`${path}: ${message}`);
  }
  const kindField = kinds[err.kind];
  if (kindField && known.includes(kindField) && !err.problem.errors?.length) {
    fields[kindField] = err.problem.detail || describeError(err).detail;
  }
  if (rest.length) return { fields, form: rest.join(' ') };
  if (Object.keys(fields).length) return { fields, form: null };
  return { fields, form: describeError(err).detail };
}
