// The app shell: a signed-out visit lands on sign-in, keeping the page asked for; an
// unknown path of the API is not swallowed by the SPA fallback.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { openPage, startKinora } from '../lib/harness.mjs';

let server;
before(async () => (server = await startKinora()));
after(async () => server?.stop());

test('a signed-out visit to a private page goes to sign-in and remembers the page', async () => {
  const { page, close } = await openPage(server);
  await page.goto('/browse?genre=drama');
  await page.waitForURL(/\/signin/);
  const next = new URL(page.url()).searchParams.get('next');
  assert.equal(next, '/browse?genre=drama');
  await close();
});

test('the app is served with an immutable bundle and a no-cache index', async () => {
  const index = await fetch(`${server.baseUrl}/`);
  assert.equal(index.status, 200);
  assert.match(index.headers.get('cache-control') ?? '', /no-cache/);
  const html = await index.text();
  const asset = html.match(/\/assets\/[^"]+\.js/)?.[0];
  assert.ok(asset, 'index.html names a hashed script');
  const script = await fetch(`${server.baseUrl}${asset}`);
  assert.equal(script.status, 200);
  assert.match(script.headers.get('cache-control') ?? '', /immutable/);
});
