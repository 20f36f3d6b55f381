import { ApiError } from '@kinora/shared';

import { uploadWithProgress, type UploadProgress } from './uploadWithProgress';

type Reply = { status: number; body: string; type?: string; progress?: number[] };

// Just enough of XMLHttpRequest: records what was sent, then replays upload progress events
// and an answer on the next tick.
class FakeXhr {
  static replies: Reply[] = [];
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  statusText = '';
  responseText = '';
  private type: string | null = null;
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private aborted = false;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return name.toLowerCase() === 'content-type' ? this.type : null;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
    const reply = FakeXhr.replies.shift();
    setTimeout(() => {
      if (this.aborted) return;
      if (!reply) return this.onerror?.();
      for (const loaded of reply.progress ?? [])
        this.upload.onprogress?.({ lengthComputable: true, loaded, total: 10 } as ProgressEvent);
      this.status = reply.status;
      this.responseText = reply.body;
      this.type = reply.type ?? 'application/json';
      this.onload?.();
    }, 0);
  }
}

const file = new Blob(['0123456789'], { type: 'video/mp4' });
const createXhr = () => new FakeXhr() as unknown as XMLHttpRequest;

beforeEach(() => {
  FakeXhr.replies = [];
  FakeXhr.sent = [];
});

describe('uploadWithProgress', () => {
  it('sends the file with the token and content type, reports progress and parses the answer', async () => {
    FakeXhr.replies.push({ status: 202, body: '{"id":"abc","status":"queued"}', progress: [3, 7] });
    const seen: UploadProgress[] = [];
    const job = await uploadWithProgress<{ id: string }>('/api/v1/admin/media/uploads?title_id=1', file, {
      contentType: 'video/mp4',
      onProgress: (p) => seen.push(p),
      createXhr,
      getToken: () => 'tok',
    });
    expect(job).toEqual({ id: 'abc', status: 'queued' });
    const [xhr] = FakeXhr.sent;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/admin/media/uploads?title_id=1');
    expect(xhr.headers).toEqual({ Authorization: 'Bearer tok', 'Content-Type': 'video/mp4' });
    expect(xhr.body).toBe(file);
    expect(seen).toEqual([
      { loaded: 3, total: 10 },
      { loaded: 7, total: 10 },
      { loaded: 10, total: 10 },
    ]);
  });

  it('turns a problem+json answer into an ApiError with its kind and field errors', async () => {
    FakeXhr.replies.push({
      status: 422,
      type: 'application/problem+json',
      body: JSON.stringify({
        type: 'urn:kinora:problem:validation',
        title: 'Invalid request',
        status: 422,
        detail: 'title_id is required.',
        instance: '/api/v1/admin/media/uploads',
        errors: [{ field: 'title_id', message: 'is required' }],
      }),
    });
    const err = await uploadWithProgress('/u', file, {
      contentType: 'video/mp4',
      createXhr,
      getToken: () => 't',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(422);
    expect((err as ApiError).kind).toBe('validation');
    expect((err as ApiError).fieldErrors).toEqual({ title_id: 'Is required.' });
  });

  it('renews the token once on a 401 and sends the file again', async () => {
    FakeXhr.replies.push({ status: 401, body: '{"type":"urn:kinora:problem:token-expired","status":401}' });
    FakeXhr.replies.push({ status: 202, body: '{"id":"x"}' });
    let token = 'old';
    const out = await uploadWithProgress('/u', file, {
      contentType: 'video/mp4',
      createXhr,
      getToken: () => token,
      refresh: async () => (token = 'new'),
    });
    expect(out).toEqual({ id: 'x' });
    expect(FakeXhr.sent.map((x) => x.headers.Authorization)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('fails as a network ApiError when no answer comes, and as AbortError when cancelled', async () => {
    const net = await uploadWithProgress('/u', file, {
      contentType: 'video/mp4',
      createXhr,
      getToken: () => 't',
    }).catch((e: unknown) => e);
    expect((net as ApiError).kind).toBe('network');

    FakeXhr.replies.push({ status: 202, body: '{}' });
    const controller = new AbortController();
    const pending = uploadWithProgress('/u', file, {
      contentType: 'video/mp4',
      createXhr,
      getToken: () => 't',
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
