// When things go wrong mid-session: the server restarts, a call gets no answer, the
// profile in use is deleted elsewhere. Each time a clear message and a way on.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { apiLogin, DEMO, openPage, signInAs, startKinora } from '../lib/harness.mjs';

let server;
before(async () => (server = await startKinora()));
after(async () => server?.stop());

test('a server restart mid-session: the page says what happened, and Try again carries on signed in', async () => {
  const { page, close } = await openPage(server);
  await signInAs(page, server, DEMO.demo.email, DEMO.demo.password, DEMO.demo.profile);
  await page.goto('/account');
  await page.getByText(DEMO.demo.email).waitFor();

  await server.halt();
  // A page whose code is not loaded yet cannot load while the server is away.
  await page.getByRole('link', { name: 'Manage profiles' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: /could not be loaded/ })
    .waitFor();

  await server.start();
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: 'Manage profiles' }).waitFor();
  await page.getByRole('button', { name: `Profile: ${DEMO.demo.profile}` }).waitFor();
  await close();
});

test('a call that gets no answer says so; the same click works once the server is back', async () => {
  const { page, close } = await openPage(server);
  await signInAs(page, server, DEMO.premium.email, DEMO.premium.password, DEMO.premium.profile);
  await page.goto('/profiles');
  await page.getByRole('heading', { name: "Who's watching?" }).waitFor();

  await server.halt();
  const partner = page.getByRole('button', { name: /^Partner/ });
  await partner.click();
  await page
    .getByRole('alert')
    .filter({ hasText: /check your connection/i })
    .waitFor();

  await server.start();
  await partner.click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('button', { name: 'Profile: Partner' }).waitFor();
  await close();
});

test('a profile deleted on another device: the next visit asks to sign in again, keeping the page', async () => {
  const owner = await apiLogin(server, DEMO.premium.email, DEMO.premium.password);
  const created = await owner.call('POST', '/api/v1/auth/profiles', { name: 'Short-lived' });
  assert.equal(created.status, 201);
  const { page, close } = await openPage(server);
  await signInAs(page, server, DEMO.premium.email, DEMO.premium.password, 'Short-lived');
  await page.goto('/my-list');
  await page.getByRole('button', { name: 'Profile: Short-lived' }).waitFor();

  assert.equal((await owner.call('DELETE', `/api/v1/auth/profiles/${created.body.id}`)).status, 204);
  await page.reload();
  await page.waitForURL(/\/signin\?/);
  assert.equal(new URL(page.url()).searchParams.get('next'), '/my-list');
  await page.getByText(/session has ended/i).waitFor();
  await close();
});
