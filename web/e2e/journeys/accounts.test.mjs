// Accounts: sign-in errors and rate limits, sign-up, "Who's watching?" with a PIN,
// managing profiles, the account page and signing out, and an ended session.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { apiLogin, checkA11y, DEMO, openPage, signInAs, startKinora, VIEWPORTS } from '../lib/harness.mjs';

let server;
before(async () => (server = await startKinora()));
after(async () => server?.stop());

test('a wrong password says so at the form; an account-level rate limit shows its wait', async () => {
  // An account of its own: the lock-out below lasts 15 minutes.
  const email = `locked-${Date.now()}@example.test`;
  const registered = await fetch(`${server.baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'the right password' }),
  });
  assert.equal(registered.status, 201);
  const { page, close } = await openPage(server, { viewport: VIEWPORTS.phone });
  await page.goto('/signin');
  await checkA11y(page, { label: 'sign-in' });
  await page.getByLabel(/^email/i).fill(email);
  await page.getByLabel(/^password$/i).fill('not-the-password');
  const submit = page.getByRole('button', { name: /^sign in$/i });
  await submit.click();
  await page
    .getByRole('alert')
    .filter({ hasText: /email or password/i })
    .waitFor();
  // Five failures per account per 15 minutes: the sixth answers 429 with Retry-After.
  for (let i = 0; i < 5; i += 1) {
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')), submit.click()]);
  }
  await page
    .getByRole('alert')
    .filter({ hasText: /too many attempts.*try again in \d+/i })
    .waitFor();
  assert.equal(await submit.isDisabled(), true, 'the form stays shut while the wait runs');
  await close();
});

test('sign-up shows field errors at their fields, then creates the account and lands home', async () => {
  const { page, close } = await openPage(server);
  await page.goto('/signup?next=%2Fguide');
  await page.getByLabel(/^email/i).fill(`new-${Date.now()}@example.test`);
  await page.getByLabel(/^password$/i).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  const password = page.getByLabel(/^password$/i);
  await page.getByText(/must be at least 8 characters/i).waitFor();
  assert.equal(await password.getAttribute('aria-invalid'), 'true');
  await password.fill('a long enough password');
  await page.getByLabel('Your name').fill('Robin');
  await page.getByText('Premium', { exact: true }).click();
  await page.getByRole('button', { name: 'Create account' }).click();
  // One profile without a PIN: no "Who's watching?", straight to where the visitor was going.
  await page.waitForURL((url) => url.pathname === '/guide');
  await close();
});

test("who's watching asks for a PIN, refuses a wrong one and lets the right one in", async () => {
  const owner = await apiLogin(server, DEMO.premium.email, DEMO.premium.password);
  const partner = owner.grant.profiles.find((p) => p.name === 'Partner');
  assert.equal((await owner.call('PATCH', `/api/v1/auth/profiles/${partner.id}`, { pin: '2468' })).status, 200);
  try {
    const { page, close } = await openPage(server, { viewport: VIEWPORTS.tv });
    await page.goto('/signin?next=%2Fmy-list');
    await page.getByLabel(/^email/i).fill(DEMO.premium.email);
    await page.getByLabel(/^password$/i).fill(DEMO.premium.password);
    await page.getByRole('button', { name: /^sign in$/i }).click();
    await page.waitForURL(/\/profiles\?next=%2Fmy-list/);
    await page.getByRole('heading', { name: "Who's watching?" }).waitFor();
    await checkA11y(page, { label: "who's watching" });
    await page.getByRole('button', { name: /^Partner\b.*locked with a PIN/ }).click();
    await page.getByLabel('PIN for Partner').waitFor();
    await page.keyboard.type('1111');
    await page.getByRole('alert').filter({ hasText: 'That PIN is not right' }).waitFor();
    assert.equal(await page.getByLabel('PIN for Partner').inputValue(), '');
    await page.keyboard.type('2468');
    await page.waitForURL((url) => url.pathname === '/my-list');
    await page.getByRole('button', { name: 'Profile: Partner' }).waitFor();
    await close();
  } finally {
    await owner.call('PATCH', `/api/v1/auth/profiles/${partner.id}`, { pin: null });
  }
});

test('a kids profile gets the kids look and no account pages', async () => {
  const { page, close } = await openPage(server);
  await signInAs(page, server, DEMO.premium.email, DEMO.premium.password, 'Kids');
  await page.locator('.kids').first().waitFor();
  await page.getByRole('button', { name: 'Profile: Kids' }).click();
  assert.equal(await page.getByRole('menuitem', { name: 'Account' }).count(), 0);
  await page.goto('/account');
  await page.getByText('Kids profiles cannot open this page.').waitFor();
  await close();
});

test('profiles are added, renamed and deleted; a taken name is refused at the field', async () => {
  const { page, close } = await openPage(server);
  await signInAs(page, server, DEMO.demo.email, DEMO.demo.password, DEMO.demo.profile);
  await page.goto('/profiles/manage');
  await page.getByRole('heading', { name: 'Manage profiles' }).waitFor();
  await checkA11y(page, { label: 'manage profiles' });

  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByLabel('Name').fill('Demo User');
  await dialog.getByRole('button', { name: 'Add profile' }).click();
  await dialog.getByText('Another profile has this name.').waitFor();
  await dialog.getByLabel('Name').fill('Guest');
  await dialog.getByRole('checkbox', { name: /kids profile/i }).check();
  await dialog.getByRole('button', { name: 'Add profile' }).click();
  await page.getByText(/^Guest/).waitFor();
  await page.getByText('Kids · Up to 7+').waitFor();

  await page.getByRole('button', { name: 'Edit Guest' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit profile' });
  await edit.getByLabel('Name').fill('Visitor');
  await edit.getByRole('button', { name: 'Save' }).click();
  await page.getByText(/^Visitor/).waitFor();
  // The header menu knows at once.
  await page.getByRole('button', { name: 'Profile: Demo User' }).click();
  await page.getByRole('menuitem', { name: /Visitor/ }).waitFor();
  await page.keyboard.press('Escape');

  assert.equal(await page.getByRole('button', { name: 'Delete Demo User' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Delete Visitor' }).click();
  await page.getByRole('dialog', { name: 'Delete Visitor?' }).getByRole('button', { name: 'Delete profile' }).click();
  await page.getByText(/^Visitor/).waitFor({ state: 'detached' });
  const api = await apiLogin(server, DEMO.demo.email, DEMO.demo.password);
  assert.deepEqual(
    (await api.call('GET', '/api/v1/auth/profiles')).body.items.map((p) => p.name),
    ['Demo User'],
  );
  await close();
});

test('the account page shows the plan and streams; signing out leaves nothing behind the back button', async () => {
  const { page, context, close } = await openPage(server, { viewport: VIEWPORTS.phone });
  await signInAs(page, server, DEMO.basic.email, DEMO.basic.password, DEMO.basic.profile);
  await page.goto('/account');
  await page.getByText(DEMO.basic.email).waitFor();
  await page.getByText(/Basic/).first().waitFor();
  await page.getByText(/0 of 1 in use/).waitFor();
  await checkA11y(page, { label: 'account' });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin/);
  const cookies = await context.cookies();
  assert.equal(cookies.filter((c) => c.name === 'kinora_refresh').length, 0, 'the refresh cookie is gone');
  await page.goBack();
  await page.waitForURL(/\/signin/);
  assert.equal(await page.getByText(DEMO.basic.email).count(), 0);
  await close();
});

test('a reload keeps the viewer signed in; a revoked session returns to sign-in with a message and the page', async () => {
  const { page, context, close } = await openPage(server);
  await signInAs(page, server, DEMO.standard.email, DEMO.standard.password, DEMO.standard.profile);
  await page.goto('/my-list');
  await page.reload();
  await page.getByRole('button', { name: `Profile: ${DEMO.standard.profile}` }).waitFor();
  assert.equal(await page.evaluate(() => document.cookie), '', 'the refresh token is not readable by scripts');

  // Sign this browser's session out from elsewhere: its refresh cookie dies with it.
  const cookie = (await context.cookies()).find((c) => c.name === 'kinora_refresh');
  assert.ok(cookie, 'the refresh token is in a cookie');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  const out = await fetch(`${server.baseUrl}/api/v1/auth/logout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refresh_token: cookie.value }),
  });
  assert.equal(out.status, 204);
  await page.reload();
  await page.waitForURL(/\/signin\?/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('next'), '/my-list');
  assert.equal(url.searchParams.get('reason'), 'expired');
  await page.getByText(/session has ended/i).waitFor();
  await close();
});

test('signed out everywhere while the app is open: the next call returns to sign-in, no retry loop', async () => {
  const email = `revoked-${Date.now()}@example.test`;
  const registered = await fetch(`${server.baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'the right password', profile_name: 'Robin' }),
  });
  assert.equal(registered.status, 201);
  const { id } = (await registered.json()).account;
  const { page, close } = await openPage(server);
  await signInAs(page, server, email, 'the right password', 'Robin');
  await page.getByRole('button', { name: 'Profile: Robin' }).waitFor();

  // The access token in the page's memory ends with the sign-out, not 15 minutes later.
  const admin = await apiLogin(server, DEMO.admin.email, DEMO.admin.password);
  assert.equal((await admin.call('POST', `/api/v1/admin/accounts/${id}/sign-out`)).status, 204);
  const refreshes = [];
  page.on('request', (r) => r.url().endsWith('/api/v1/auth/refresh') && refreshes.push(r.url()));
  await page.getByRole('link', { name: 'Live TV' }).click();
  await page.waitForURL(/\/signin\?/);
  assert.equal(new URL(page.url()).searchParams.get('reason'), 'expired');
  await page.getByText(/session has ended/i).waitFor();
  await page.waitForTimeout(500);
  assert.ok(refreshes.length >= 1 && refreshes.length <= 2, `refreshes: ${refreshes.length}`);
  await close();
});
