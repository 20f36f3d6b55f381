// The accounts admin: search finds an account, its tier changes, a disabled account cannot
// sign in until it is enabled again, and a live stream ends from its account page.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';

import { apiLogin, checkA11y, DEMO, openPage, signInToAdmin, startKinora } from '../lib/harness.mjs';

const MOVIE = 2; // The Long Quiet Between Stars: premium, packaged
const PASSWORD = 'correct horse battery';

let server;
before(async () => (server = await startKinora()));
after(async () => server?.stop());

async function register(tier) {
  const email = `journey-${randomBytes(4).toString('hex')}@example.test`;
  const res = await fetch(`${server.baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, tier }),
  });
  assert.equal(res.status, 201, await res.text());
  return email;
}

async function loginStatus(email) {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = await res.json();
  return { status: res.status, kind: body.type?.replace('urn:kinora:problem:', '') };
}

async function openAccount(page, email) {
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await page.getByRole('heading', { name: 'Accounts' }).waitFor();
  await page.getByLabel('Search by email').fill(email);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/accounts\?q=/);
  await page.getByRole('link', { name: email }).click();
  await page.getByRole('heading', { name: email }).waitFor();
}

test('search finds an account and its tier changes', async () => {
  const admin = await apiLogin(server, DEMO.admin.email, DEMO.admin.password);
  const { page, close } = await openPage(server);
  await signInToAdmin(page);
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await page.getByRole('heading', { name: 'Accounts' }).waitFor();
  await page.getByRole('row', { name: /admin@ott\.test/ }).waitFor();
  await checkA11y(page, { label: 'accounts list' });

  await page.getByLabel('Search by email').fill('basic@ott');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/q=basic%40ott/);
  const row = page.getByRole('row', { name: /basic@ott\.test/ });
  await row.waitFor();
  await page.getByRole('row', { name: /premium@ott\.test/ }).waitFor({ state: 'detached' });
  // The tier filter goes to the URL too; basic@ott.test is not premium.
  await page.getByLabel('Tier').selectOption('premium');
  await page.waitForURL(/tier=premium/);
  await page.getByRole('heading', { name: /No account matches/ }).waitFor();
  await page.getByLabel('Tier').selectOption('');
  await row.waitFor();

  await row.getByRole('link', { name: 'basic@ott.test' }).click();
  await page.getByRole('heading', { name: 'basic@ott.test' }).waitFor();
  await page.getByRole('heading', { name: 'Profiles' }).waitFor();
  await checkA11y(page, { label: 'account page' });
  await page.getByLabel('Tier').selectOption('standard');
  await page.getByRole('button', { name: 'Change tier' }).click();
  await page.getByRole('status').getByText('Tier changed to standard.').waitFor();
  const id = Number(new URL(page.url()).pathname.split('/').at(-1));
  assert.equal((await admin.call('GET', `/api/v1/admin/accounts/${id}`)).body.tier, 'standard');

  // Put it back for anything else that signs in as basic.
  assert.equal((await admin.call('PATCH', `/api/v1/admin/accounts/${id}`, { tier: 'basic' })).status, 200);
  await close();
});

test('a live stream ends from the account page', async () => {
  const email = await register('premium');
  const viewer = await apiLogin(server, email, PASSWORD);
  const started = await viewer.call('POST', '/api/v1/playback/sessions', { title_id: MOVIE });
  assert.equal(started.status, 201, JSON.stringify(started.body));

  const { page, close } = await openPage(server);
  await signInToAdmin(page);
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await openAccount(page, email);
  const stream = page.getByRole('row', { name: /The Long Quiet Between Stars/ });
  await stream.waitFor();
  await checkA11y(page, { label: 'account page with a live stream' });
  await stream.getByRole('button', { name: /^End stream/ }).click();
  await page.getByText('Nothing is playing on this account now.').waitFor();
  await page.getByRole('status').getByText('Stream ended.').waitFor();
  assert.equal((await viewer.call('GET', '/api/v1/playback/sessions')).body.items.length, 0);
  const beat = await viewer.call('PUT', `/api/v1/playback/sessions/${started.body.id}`, { position_seconds: 3 });
  assert.equal(beat.status, 410);
  await close();
});

test('a disabled account cannot sign in until it is enabled again', async () => {
  const email = await register('basic');
  assert.equal((await loginStatus(email)).status, 200);

  const { page, close } = await openPage(server);
  await signInToAdmin(page);
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await openAccount(page, email);

  await page.getByRole('button', { name: 'Disable account' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('It cannot sign in until an admin enables it again.', { exact: false }).waitFor();
  await checkA11y(page, { label: 'disable dialog' });
  await dialog.getByRole('button', { name: 'Disable account' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').getByText(`${email} is disabled and signed out.`).waitFor();
  await page.getByText(/^Disabled since/).waitFor();
  assert.deepEqual(await loginStatus(email), { status: 403, kind: 'account-disabled' });

  await page.getByRole('button', { name: 'Enable account' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Enable account' }).click();
  await page.getByRole('status').getByText(`${email} can sign in again.`).waitFor();
  await page.getByRole('button', { name: 'Disable account' }).waitFor();
  assert.equal((await loginStatus(email)).status, 200);

  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.getByRole('status').getByText(`${email} is signed out on every device.`).waitFor();
  await close();
});
