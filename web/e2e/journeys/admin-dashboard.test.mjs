// The admin dashboard shows the service as the stats route computes it, and moves with it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { apiLogin, checkA11y, DEMO, openPage, signInToAdmin, startKinora } from '../lib/harness.mjs';

let server;
before(async () => (server = await startKinora()));
after(async () => server?.stop());

test('the dashboard shows titles, accounts, plays, the guide horizon and the service', async () => {
  // A play today (a playback session admitted), so the chart and the most played list have something in them.
  const viewer = await apiLogin(server, DEMO.demo.email, DEMO.demo.password);
  const movie = (await viewer.call('GET', '/api/v1/catalog/titles?type=movie&limit=1')).body.items[0];
  const play = await viewer.call('POST', '/api/v1/playback/sessions', { title_id: movie.id });
  assert.equal(play.status, 201, JSON.stringify(play.body));
  await viewer.call('DELETE', `/api/v1/playback/sessions/${play.body.id}`);

  const { page, close } = await openPage(server);
  await signInToAdmin(page);
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

  await page.getByText('70', { exact: true }).first().waitFor();
  assert.equal(await page.getByText('70', { exact: true }).count(), 3, 'titles by type, by plan and by rating');
  await page
    .getByText(/movie\s*52/)
    .first()
    .waitFor();
  const chart = page.getByRole('table', { name: 'Plays per day, last 7 days' });
  assert.equal(await chart.getByRole('row').count(), 7);
  // The bars are the shared ui/Chart: one image named by what it shows.
  await page.getByRole('img', { name: /^Bar chart of plays by day, 7 bars: highest \w+ \([1-9]/ }).waitFor();
  await page.getByRole('link', { name: new RegExp(`1\\. ${movie.title}`) }).waitFor();
  await page.getByRole('row', { name: /101 Meridian News 24/ }).waitFor();
  await page.getByText('Ready', { exact: true }).waitFor();
  await page.getByText('in-process', { exact: true }).waitFor();
  await page.getByText(/titles embedded$/).waitFor();
  await page
    .getByText(/^Kinora (SSE|AVX|AVX2|AVX-512) dense layers · OpenBLAS \S+ \(\S+\) attention · \S+ CPU$/)
    .waitFor();
  await checkA11y(page, { label: 'admin dashboard' });
  await close();
});

test('the audit log lists a change with who made it, filtered by area', async () => {
  const admin = await apiLogin(server, DEMO.admin.email, DEMO.admin.password);
  const made = await admin.call('POST', '/api/v1/admin/channels', {
    number: 977,
    name: 'Audited Channel',
    category: 'test',
    tier: 'basic',
    maturity_rating: 'all',
  });
  assert.equal(made.status, 201);

  const { page, close } = await openPage(server);
  await signInToAdmin(page);
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await page.getByRole('link', { name: 'Audit log' }).click();
  const row = page.getByRole('row', { name: /admin@ott\.test.*Created channel/ });
  await row.waitFor();
  await page.getByLabel('Area').selectOption('titles');
  await page.waitForURL(/area=titles/);
  await row.waitFor({ state: 'detached' });
  await page.getByLabel('Area').selectOption('channels');
  await row.waitFor();
  await checkA11y(page, { label: 'audit log' });
  await row.getByRole('link').click();
  await page.waitForURL(new RegExp(`/admin/channels/${made.body.id}$`));
  await close();
});
