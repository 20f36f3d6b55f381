// Deletes and saves that would lose something: two admins editing the same title or channel
// (the later save is refused, 412 If-Match, instead of silently erasing the earlier one; the
// page says so and keeps the admin's values until they load the other version), and deleting
// a channel viewers are watching (409 in-use: nothing goes until the admin ends their streams).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { apiLogin, checkA11y, DEMO, openPage, signInToAdmin, startKinora } from '../lib/harness.mjs';

let server;
let admin;
before(async () => {
  server = await startKinora();
  admin = await apiLogin(server, DEMO.admin.email, DEMO.admin.password);
});
after(async () => server?.stop());

const stamp = Date.now().toString(36);

async function createChannel(numbersFrom, name) {
  const number = numbersFrom + Math.floor(Math.random() * 9000);
  const created = await admin.call('POST', '/api/v1/admin/channels', {
    number,
    name,
    category: 'test',
    tier: 'basic',
    maturity_rating: 'all',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return { id: created.body.id, number };
}

test('a title saved over someone else’s change: refused, explained, their version loads on request', async () => {
  const created = await admin.call('POST', '/api/v1/admin/titles', {
    type: 'movie',
    title: `Conflict Cake ${stamp}`,
    synopsis: 'Two bakers, one recipe card.',
    year: 2025,
    runtime_minutes: 90,
    maturity_rating: 'all',
    tier: 'basic',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;

  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin, { to: `/admin/titles/${id}` });
  await page.getByRole('heading', { name: `Conflict Cake ${stamp}`, level: 1 }).waitFor();

  // The other admin saves first, through the API.
  const theirs = await admin.call('PATCH', `/api/v1/admin/titles/${id}`, { synopsis: 'Their synopsis.' });
  assert.equal(theirs.status, 200);

  // This admin's save is refused; their typing is still in the form.
  await page.getByLabel('Director').fill('My Director');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Someone else changed this title since you opened it.' });
  await notice.waitFor();
  assert.equal(await page.getByLabel('Director').inputValue(), 'My Director');
  assert.equal(await page.getByLabel('Synopsis').inputValue(), 'Two bakers, one recipe card.');
  await checkA11y(page, { label: 'title conflict notice' });
  const stored = await admin.call('GET', `/api/v1/admin/titles/${id}`);
  assert.equal(stored.body.synopsis, 'Their synopsis.');
  assert.notEqual(stored.body.director, 'My Director');

  // Loading their version shows the API's change; a save from there goes through.
  await notice.getByRole('button', { name: 'Load their version' }).click();
  await page.getByText('Their version is loaded.').waitFor();
  await notice.waitFor({ state: 'detached' });
  assert.equal(await page.getByLabel('Synopsis').inputValue(), 'Their synopsis.');
  assert.equal(await page.getByLabel('Director').inputValue(), '');
  await page.getByLabel('Director').fill('My Director');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Changes saved.').waitFor();
  const after = await admin.call('GET', `/api/v1/admin/titles/${id}`);
  assert.equal(after.body.synopsis, 'Their synopsis.');
  assert.equal(after.body.director, 'My Director');
  // A second save from the same page uses the new version's tag.
  await page.getByLabel('Director').fill('My Director Again');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Changes saved.').waitFor();
  assert.equal((await admin.call('GET', `/api/v1/admin/titles/${id}`)).body.director, 'My Director Again');
  await close();
});

test('a channel saved over someone else’s change: refused, then their version loads', async () => {
  const { id, number } = await createChannel(40000, `Clash ${stamp}`);

  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin, { to: `/admin/channels/${id}` });
  await page.getByRole('heading', { name: `${number} · Clash ${stamp}`, level: 1 }).waitFor();

  assert.equal((await admin.call('PATCH', `/api/v1/admin/channels/${id}`, { name: `Theirs ${stamp}` })).status, 200);

  await page.getByLabel('Category').fill('mine');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Someone else changed this channel since you opened it.' });
  await notice.waitFor();
  assert.equal(await page.getByLabel('Category').inputValue(), 'mine');
  assert.equal((await admin.call('GET', `/api/v1/admin/channels/${id}`)).body.category, 'test');

  await notice.getByRole('button', { name: 'Load their version' }).click();
  await notice.waitFor({ state: 'detached' });
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), `Theirs ${stamp}`);
  assert.equal(await page.getByLabel('Category').inputValue(), 'test');
  await close();
});

test('a channel deleted after someone else changed it: refused, their version loads, then it deletes', async () => {
  const { id, number } = await createChannel(50000, `Doomed ${stamp}`);

  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin, { to: `/admin/channels/${id}` });
  await page.getByRole('heading', { name: `${number} · Doomed ${stamp}`, level: 1 }).waitFor();

  const theirs = await admin.call('PATCH', `/api/v1/admin/channels/${id}`, { description: 'Still needed.' });
  assert.equal(theirs.status, 200);

  await page.getByRole('button', { name: 'Delete channel' }).click();
  let dialog = page.getByRole('dialog', { name: `Delete Doomed ${stamp}?` });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  const notice = dialog
    .getByRole('alert')
    .filter({ hasText: 'Someone else changed this channel since you opened it.' });
  await notice.waitFor();
  await checkA11y(page, { label: 'channel delete conflict' });
  assert.equal((await admin.call('GET', `/api/v1/admin/channels/${id}`)).status, 200);

  await notice.getByRole('button', { name: 'Load their version' }).click();
  await page.getByText('Their version is loaded.').waitFor();
  assert.equal(await page.getByLabel('Description').inputValue(), 'Still needed.');

  await page.getByRole('button', { name: 'Delete channel' }).click();
  dialog = page.getByRole('dialog', { name: `Delete Doomed ${stamp}?` });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();
  assert.equal((await admin.call('GET', `/api/v1/admin/channels/${id}`)).status, 404);
  await close();
});

test('a channel someone is watching: the delete names the stream and ends it only when asked', async () => {
  const { id } = await createChannel(60000, `Watched ${stamp}`);
  const viewer = await apiLogin(server, DEMO.basic.email, DEMO.basic.password);
  const session = await viewer.call('POST', '/api/v1/playback/sessions', { channel_id: id });
  assert.equal(session.status, 201, JSON.stringify(session.body));

  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin, { to: `/admin/channels/${id}` });
  await page.getByRole('button', { name: 'Delete channel' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete Watched ${stamp}?` });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.getByRole('alert').getByText('A viewer is watching this channel right now.').waitFor();
  await checkA11y(page, { label: 'channel delete refused while watched' });
  assert.equal((await admin.call('GET', `/api/v1/admin/channels/${id}`)).status, 200);

  await dialog.getByRole('button', { name: 'End the stream and delete' }).click();
  await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();
  assert.equal((await admin.call('GET', `/api/v1/admin/channels/${id}`)).status, 404);
  const heartbeat = await viewer.call('PUT', `/api/v1/playback/sessions/${session.body.id}`, { position_seconds: 1 });
  assert.equal(heartbeat.status, 410);
  await close();
});
