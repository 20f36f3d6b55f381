import { ApiError, session } from '@kinora/shared';

// Uploads a file to the API with upload progress.
//
// Why XMLHttpRequest and not the shared openapi-fetch client: fetch() has no upload progress
// events (streaming request bodies would need HTTP/2 and still report nothing), so a large
// video would sit behind a spinner. XHR's `upload.onprogress` reports bytes sent. Everything
// else mirrors the client: the session's access token, one renewal and one retry on a 401,
// and failures as the same ApiError (problem+json parsed by ApiError.fromResponse).

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  contentType: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  // Seams for tests; default to the browser and the app's session.
  createXhr?: () => XMLHttpRequest;
  getToken?: () => string | null;
  refresh?: () => Promise<string | null>;
}

export async function uploadWithProgress<T>(url: string, body: Blob, options: UploadOptions): Promise<T> {
  const getToken = options.getToken ?? (() => session.accessToken);
  const refresh = options.refresh ?? (() => session.refresh());
  const sent = getToken();
  const first = await send(url, body, sent, options);
  if (first.status !== 401 || sent === null) return settle<T>(first);
  const renewed = getToken() !== sent ? getToken() : await refresh();
  if (!renewed) return settle<T>(first);
  return settle<T>(await send(url, body, renewed, options));
}

interface Answer {
  status: number;
  statusText: string;
  text: string;
  contentType: string | null;
  retryAfter: string | null;
}

function send(url: string, body: Blob, token: string | null, options: UploadOptions): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = (options.createXhr ?? (() => new XMLHttpRequest()))();
    const abort = () => xhr.abort();
    if (options.signal?.aborted) return reject(new DOMException('The upload was cancelled.', 'AbortError'));
    options.signal?.addEventListener('abort', abort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', abort);

    xhr.open('POST', url);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', options.contentType);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.({ loaded: e.loaded, total: e.total });
    };
    xhr.onload = () => {
      done();
      // The body is all sent once an answer came; say so even if the last event was skipped.
      if (xhr.status < 300) options.onProgress?.({ loaded: body.size, total: body.size });
      resolve({
        status: xhr.status,
        statusText: xhr.statusText,
        text: xhr.responseText,
        contentType: xhr.getResponseHeader('Content-Type'),
        retryAfter: xhr.getResponseHeader('Retry-After'),
      });
    };
    xhr.onerror = () => {
      done();
      reject(ApiError.network(new Error('The upload did not reach Kinora.')));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    };
    xhr.send(body);
  });
}

function settle<T>(answer: Answer): T {
  let parsed: unknown = answer.text;
  if (answer.contentType && /json/.test(answer.contentType) && answer.text) {
    try {
      parsed = JSON.parse(answer.text);
    } catch {
      // Not JSON after all: keep the text for the error's detail.
    }
  }
  if (answer.status >= 200 && answer.status < 300) return parsed as T;
  const headers = new Headers();
  if (answer.retryAfter) headers.set('Retry-After', answer.retryAfter);
  const response = new Response(null, { status: answer.status, statusText: answer.statusText, headers });
  throw ApiError.fromResponse(response, parsed);
}
