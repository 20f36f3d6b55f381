// The admin app at /admin: admins reach the dashboard, anyone else a page that says why.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { checkA11y, DEMO, openPage, signInToAdmin, startKinora } from '../lib/harness.mjs';

let server;
before(async () => (server = await startKinora()));
after(async () => server?.stop());

test('an admin signs in and lands on the dashboard', async () => {
  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin);
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/admin\/?$/);
  await checkA11y(page, { label: 'admin dashboard' });
  await close();
});

test('a viewer account gets the admin-role page, and can sign in as someone else', async () => {
  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.demo);
  await page.getByRole('heading', { name: 'This needs the admin role' }).waitFor();
  await checkA11y(page, { label: 'admin access page' });
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await page.waitForURL(/\/admin\/signin/);
  await close();
});

test('a wrong password is said in words, not a broken screen', async () => {
  const { page, close } = await openPage(server);
  await signInToAdmin(page, { email: DEMO.admin.email, password: 'not-the-password' });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.ok((await alert.innerText()).length > 10);
  await close();
});
