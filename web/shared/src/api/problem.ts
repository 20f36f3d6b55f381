import type { Problem } from './types';

const PREFIX = 'urn:kinora:problem:';

// Every failed call becomes one of these: an RFC 9457 problem from the server, or a
// synthesized one (kind "network") when no answer came back at all.
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get kind(): string {
    return this.problem.type.startsWith(PREFIX) ? this.problem.type.slice(PREFIX.length) : this.problem.type;
  }

  // The problem's errors[] as field -> sentence ("must be 4 digits" -> "Must be 4 digits."),
  // for showing under the form field it names.
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.field] ??= sentence(e.message);
    return out;
  }

  static network(cause: unknown): ApiError {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new ApiError(0, { type: PREFIX + 'network', title: 'Network error', status: 0, detail, instance: '' });
  }

  static fromResponse(response: Response, body: unknown): ApiError {
    const retry = Number(response.headers.get('Retry-After'));
    const problem = isProblem(body)
      ? body
      : {
          type: PREFIX + 'http-' + response.status,
          title: response.statusText || 'Request failed',
          status: response.status,
          detail: typeof body === 'string' && body ? body.slice(0, 200) : `The server answered ${response.status}.`,
          instance: new URL(response.url || '/', 'http://x').pathname,
        };
    return new ApiError(response.status, problem, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : capital + '.';
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'type' in body && 'status' in body;
}

export function isApiError(err: unknown, kind?: string): err is ApiError {
  return err instanceof ApiError && (kind === undefined || err.kind === kind);
}

// What a person should read when a call fails: a headline and one sentence.
export function describeError(err: unknown): { title: string; detail: string } {
  if (!(err instanceof ApiError)) {
    return {
      title: 'Something went wrong',
      detail: err instanceof Error ? err.message : 'An unexpected error occurred.',
    };
  }
  switch (err.kind) {
    case 'network':
      return { title: 'Kinora cannot be reached', detail: 'Check your connection; we will try again when you retry.' };
    case 'unavailable':
      return { title: 'Kinora is busy', detail: 'The service is briefly unavailable. Try again in a moment.' };
    case 'rate-limited':
      return {
        title: 'Too many attempts',
        detail: err.retryAfterSeconds
          ? `Wait ${formatWait(err.retryAfterSeconds)} before trying again.`
          : 'Wait a moment before trying again.',
      };
    case 'not-found':
      return { title: 'Not found', detail: 'This page does not exist, or it is not available on this profile.' };
    default:
      return { title: err.problem.title || 'Request failed', detail: err.problem.detail || err.message };
  }
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
