// Titles that cannot play yet: on a first run (an empty media dir) the demo titles read
// "Being prepared" while the demo clips package in the background and turn into Play by
// themselves; a title without media reads "Not available to watch yet" until a clip is
// uploaded for it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { apiLogin, checkA11y, DEMO, makeTestClip, openPage, signInAs, startKinora } from '../lib/harness.mjs';

let server;
let admin;
let packagingAtStart;
before(async () => {
  const media = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-e2e-first-run-'));
  // Two 30 s clips and the slate: long enough to see the titles while they package.
  server = await startKinora({ args: ['--media-dir', media, '--demo-clips', '2', '--demo-clip-seconds', '30'] });
  packagingAtStart = (await (await fetch(`${server.baseUrl}/readyz`)).json()).demo_media;
  admin = await apiLogin(server, DEMO.admin.email, DEMO.admin.password);
});
after(async () => server?.stop());

const demoMedia = async () => (await (await fetch(`${server.baseUrl}/readyz`)).json()).demo_media;

test('a demo title reads "Being prepared" during first-run packaging, then offers Play by itself', async (t) => {
  assert.equal(packagingAtStart.status, 'packaging', 'the first run packages its demo clips in the background');
  const { page, close } = await openPage(server);
  await signInAs(page, server, DEMO.premium.email, DEMO.premium.password, DEMO.premium.profile);
  const premium = await apiLogin(server, DEMO.premium.email, DEMO.premium.password);
  const movie = (await premium.call('GET', '/api/v1/catalog/titles?type=movie&limit=1')).body.items[0];
  await page.goto(`/title/${movie.id}`);
  await page.getByRole('heading', { name: movie.title, level: 1 }).waitFor();

  const preparing = page.getByRole('status').filter({ hasText: 'Being prepared' });
  const play = page.getByRole('link', { name: /^(Play|Resume)/ });
  // Packaging could end before the page loads on a fast machine; then only Play is left to see.
  await preparing.or(play).first().waitFor();
  if ((await demoMedia()).status === 'packaging' || (await preparing.count()) > 0) {
    await preparing.waitFor();
    assert.match(await preparing.innerText(), /Being prepared — check back in a few minutes\./);
    assert.equal(await play.count(), 0, 'no Play while the title is being prepared');
    await checkA11y(page, { label: 'title being prepared' });
    t.diagnostic(`saw "Being prepared" (${JSON.stringify(await demoMedia())})`);
  }
  // The page polls while preparing: Play appears without a reload once the clips are in.
  await play.first().waitFor({ timeout: 240_000 });
  assert.equal((await demoMedia()).status, 'ready');
  assert.equal(await preparing.count(), 0);
  await close();
});

test('a title without media reads "Not available to watch yet" until a clip is uploaded', async () => {
  const created = await admin.call('POST', '/api/v1/admin/titles', {
    type: 'movie',
    title: `Unreeled ${Date.now().toString(36)}`,
    synopsis: 'A film still waiting for its reels.',
    year: 2026,
    runtime_minutes: 80,
    maturity_rating: 'all',
    tier: 'basic',
    genres: ['drama'],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const title = created.body;

  const { page, close } = await openPage(server);
  await signInAs(page, server, DEMO.premium.email, DEMO.premium.password, DEMO.premium.profile);
  await page.goto(`/title/${title.id}`);
  await page.getByRole('heading', { name: title.title, level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Not available to watch yet.' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /^Play/ }).count(), 0);
  await checkA11y(page, { label: 'title without media' });

  const upload = await fetch(`${server.baseUrl}/api/v1/admin/media/uploads?title_id=${title.id}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.grant.access_token}`, 'content-type': 'video/mp4' },
    body: fs.readFileSync(makeTestClip(4)),
  });
  const text = await upload.text();
  assert.equal(upload.status, 202, text);
  const job = JSON.parse(text);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const now = await admin.call('GET', `/api/v1/admin/media/jobs/${job.id}`);
    if (now.body.status === 'succeeded') break;
    assert.notEqual(now.body.status, 'failed', JSON.stringify(now.body));
    assert.ok(Date.now() < deadline, 'the upload did not package in time');
    await new Promise((r) => setTimeout(r, 300));
  }
  await page.reload();
  await page.getByRole('link', { name: /^Play$/ }).waitFor();
  assert.equal(await page.getByText('Not available to watch yet.').count(), 0);
  await close();
});
