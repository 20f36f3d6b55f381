// Admin media and embeddings: the titles table filtered to titles without media, a clip
// uploaded for one of them, its packaging job, a preview that plays (not counted as
// viewing), and the embeddings page's similar titles with their scores.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { apiLogin, checkA11y, DEMO, makeTestClip, openPage, signInToAdmin, startKinora } from '../lib/harness.mjs';

let server;
let video;
let known;
before(async () => {
  server = await startKinora();
  video = makeTestClip(4);
  // Every demo title plays the demo clips; this one (premium, 18+) has no media yet.
  const admin = await apiLogin(server, DEMO.admin.email, DEMO.admin.password);
  const created = await admin.call('POST', '/api/v1/admin/titles', {
    type: 'movie',
    title: `Silent Reel ${Date.now().toString(36)}`,
    synopsis: 'A projectionist finds a film that was never shot.',
    year: 2026,
    runtime_minutes: 90,
    maturity_rating: '18+',
    tier: 'premium',
    genres: ['drama'],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  known = created.body;
});
after(async () => server?.stop());

test('a title without media gets a clip, and its preview plays', async () => {
  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin, { to: '/admin/titles' });
  await page.getByRole('heading', { name: 'Titles', level: 1 }).waitFor();
  await page.getByRole('columnheader', { name: 'Media' }).waitFor();

  await page.getByLabel('Media').selectOption({ label: 'No media' });
  await page.waitForURL(/[?&]media=none/);
  const row = page.getByRole('row').filter({ hasText: known.title });
  await row.waitFor();
  assert.match(await row.innerText(), /No media/);
  await checkA11y(page, { label: 'titles filtered to no media' });
  // The filter is in the URL: a reload keeps it.
  await page.reload();
  assert.equal(await page.getByLabel('Media').inputValue(), 'none');
  await row.getByRole('link', { name: known.title }).click();

  await page.getByRole('heading', { name: known.title, level: 1 }).waitFor();
  await page.getByLabel('Video file').setInputFiles(video);
  await page.getByRole('button', { name: 'Upload video' }).click();
  await page.waitForURL(/[?&]job=[0-9a-f]{16}/);
  await page.getByText('Ready to play', { timeout: 60_000 }).waitFor({ timeout: 60_000 });
  await checkA11y(page, { label: 'title page after its upload' });

  await page.getByLabel('Packaging job').getByRole('button', { name: 'Preview' }).click();
  const dialog = page.getByRole('dialog', { name: `Preview: ${known.title}` });
  await dialog.waitFor();
  const player = dialog.getByLabel(`Preview of ${known.title}`);
  await player.waitFor();
  // It plays: the position moves on.
  await page.waitForFunction(
    (label) => (document.querySelector(`video[aria-label="${label}"]`)?.currentTime ?? 0) > 0.5,
    `Preview of ${known.title}`,
    { timeout: 30_000 },
  );
  const first = await player.evaluate((v) => v.currentTime);
  await page.waitForFunction(
    ([label, t]) => (document.querySelector(`video[aria-label="${label}"]`)?.currentTime ?? 0) > t + 0.3,
    [`Preview of ${known.title}`, first],
    { timeout: 15_000 },
  );
  await checkA11y(page, { label: 'preview dialog' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // The admin's own account streams nothing: the preview is not a playback session.
  const admin = await apiLogin(server, DEMO.admin.email, DEMO.admin.password);
  const sessions = await admin.call('GET', '/api/v1/playback/sessions');
  assert.deepEqual(sessions.body.items, []);

  // Now it has media, the table says so.
  await page.goto(`${server.baseUrl}/admin/titles?media=ready&sort=added`);
  await page.getByRole('row').filter({ hasText: known.title }).getByText('Ready').waitFor();
  await close();
});

test('the embeddings page lists titles and shows a title’s similar titles with scores', async () => {
  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin, { to: '/admin/embeddings' });
  await page.getByRole('heading', { name: 'Embeddings', level: 1 }).waitFor();
  const table = page.getByRole('region', { name: 'Titles and their embeddings' });
  await table.getByRole('row').nth(1).waitFor();
  await checkA11y(page, { label: 'embeddings page' });

  // Nothing is missing: every demo title was embedded at start-up.
  await page.getByLabel('Embedding status').selectOption('missing');
  await page.waitForURL(/[?&]embedding=missing/);
  await page.getByText('No title is missing').waitFor();
  await page.getByLabel('Embedding status').selectOption('');

  const firstRow = table.getByRole('row').nth(1);
  const name = (await firstRow.getByRole('cell').first().innerText()).trim();
  await firstRow.getByRole('button', { name: `Similar titles to ${name}` }).click();
  await page.waitForURL(/[?&]similar=\d+/);
  const list = page.getByRole('list', { name: 'Similar titles' });
  await list.getByRole('listitem').nth(4).waitFor();
  await page.getByText(/Nearest by embedding/).waitFor();
  const scores = await list.locator('li > span').allInnerTexts();
  assert.ok(scores.length >= 5, `scores: ${scores}`);
  const values = scores.map(Number);
  assert.ok(
    values.every((s) => s > -1 && s <= 1),
    `scores: ${scores}`,
  );
  assert.deepEqual(
    values,
    [...values].sort((a, b) => b - a),
  );
  await checkA11y(page, { label: 'embeddings page with similar titles' });
  await close();
});

test('a delete sends the version the page shows: a changed title is not deleted until reloaded', async () => {
  const admin = await apiLogin(server, DEMO.admin.email, DEMO.admin.password);
  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin, { to: `/admin/titles/${known.id}` });
  await page.getByRole('heading', { name: known.title, level: 1 }).waitFor();
  // Someone else edits it meanwhile.
  const changed = await admin.call('PATCH', `/api/v1/admin/titles/${known.id}`, { year: 2025 });
  assert.equal(changed.status, 200);

  await page.getByRole('button', { name: 'Delete title' }).click();
  const dialog = page.getByRole('dialog', { name: /^Delete/ });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('alert').getByText('Someone else changed this title since you opened it.').waitFor();
  await checkA11y(page, { label: 'delete refused by a newer version' });
  assert.equal((await admin.call('GET', `/api/v1/admin/titles/${known.id}`)).status, 200);

  await dialog.getByRole('button', { name: 'Load their version' }).click();
  await page.getByText('Their version is loaded.').waitFor();
  assert.equal(await page.getByLabel('Year').inputValue(), '2025');
  await page.getByRole('button', { name: 'Delete title' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await page.waitForURL(/\/admin\/titles$/);
  await page.getByText(`“${known.title}” was deleted.`).waitFor();
  await close();
});
