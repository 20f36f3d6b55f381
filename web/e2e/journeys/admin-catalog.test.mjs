// The admin catalog: titles with validation errors at their fields, search, edits, a series
// with a season and an episode, a video upload with its progress and packaging job, delete.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { checkA11y, DEMO, makeTestClip, openPage, signInToAdmin, startKinora, VIEWPORTS } from '../lib/harness.mjs';

let server;
let video;
before(async () => {
  server = await startKinora();
  video = makeTestClip(4);
});
after(async () => server?.stop());

async function adminSignIn(page) {
  await signInToAdmin(page, DEMO.admin, { to: '/admin/titles' });
  await page.getByRole('heading', { name: 'Titles', level: 1 }).waitFor();
}

const unique = `Orbital Bakery ${Date.now().toString(36)}`;

test('a movie: refused with the reason at the field, then created, found, edited and deleted', async () => {
  const { page, close } = await openPage(server);
  await adminSignIn(page);
  await page.getByRole('row').nth(1).waitFor();
  await checkA11y(page, { label: 'admin titles table' });

  await page.getByRole('link', { name: 'New title' }).click();
  await page.getByRole('heading', { name: 'New title' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill(unique);
  await page.getByLabel('Year').fill('1700');
  await page.getByRole('button', { name: 'Create title' }).click();
  // The server's errors[] land under their fields: the year out of range, the synopsis missing.
  const year = page.getByLabel('Year');
  await page.getByText('Must be between 1880 and 2100.').waitFor();
  assert.equal(await year.getAttribute('aria-invalid'), 'true');
  const described = await year.getAttribute('aria-describedby');
  assert.match(await page.locator(`[id="${described}"]`).innerText(), /1880 and 2100/);
  assert.equal(await page.getByLabel('Synopsis').getAttribute('aria-invalid'), 'true');
  await checkA11y(page, { label: 'title form with errors' });

  await year.fill('2026');
  await page.getByLabel('Synopsis').fill('A pastry chef opens the first bakery on a space station.');
  await page.getByLabel('Runtime (minutes)').fill('95');
  await page.getByLabel('Tier').selectOption('standard');
  await page.getByLabel('Maturity rating').selectOption('7+');
  await page.getByRole('checkbox', { name: 'Comedy' }).check();
  await page.getByLabel('Cast').fill('Ada Crumb\nBo Leaven');
  await page.getByRole('button', { name: 'Create title' }).click();
  await page.waitForURL(/\/admin\/titles\/\d+$/);
  await page.getByRole('heading', { name: unique, level: 1 }).waitFor();
  await page.getByText('Title created.').waitFor();
  const movieUrl = new URL(page.url()).pathname;
  await page.getByRole('img', { name: `${unique} poster` }).waitFor();
  await checkA11y(page, { label: 'title edit page' });

  // It is in the table's search (the query stays in the URL).
  await page.getByRole('link', { name: 'All titles' }).click();
  await page.getByRole('searchbox', { name: 'Search titles' }).fill(unique);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/[?&]q=/);
  await page.getByRole('link', { name: unique }).waitFor();
  await page.reload();
  await page.getByRole('link', { name: unique }).click();

  // Edit it: only the change is sent, and it stays after a reload.
  await page.getByLabel('Title', { exact: true }).fill(`${unique} Deluxe`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Changes saved.').waitFor();
  await page.reload();
  await page.getByRole('heading', { name: `${unique} Deluxe`, level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Tier').inputValue(), 'standard');

  // Delete it, through the confirmation.
  await page.getByRole('button', { name: 'Delete title' }).click();
  const dialog = page.getByRole('dialog', { name: /^Delete/ });
  await dialog.waitFor();
  await checkA11y(page, { label: 'delete title dialog' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await page.waitForURL(/\/admin\/titles$/);
  await page.getByText(`“${unique} Deluxe” was deleted.`).waitFor();
  await page.goto(movieUrl);
  await page.getByRole('heading', { name: /There is no title/ }).waitFor();
  await close();
});

test('a series with a season and an episode, and a video uploaded for the episode', async () => {
  const { page, close } = await openPage(server);
  await adminSignIn(page);
  await page.getByRole('link', { name: 'New title' }).click();
  const series = `${unique} Series`;
  await page.getByLabel('Title', { exact: true }).fill(series);
  await page.getByLabel('Type').selectOption('series');
  await page.getByLabel('Synopsis').fill('Episodes from the station bakery.');
  await page.getByLabel('Year').fill('2026');
  await page.getByLabel('Runtime (minutes)').fill('30');
  await page.getByRole('button', { name: 'Create title' }).click();
  await page.getByRole('heading', { name: series, level: 1 }).waitFor();
  await page.getByText('No seasons yet.').waitFor();

  await page.getByRole('button', { name: 'Add season' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add a season' });
  await dialog.getByLabel('Season number').fill('1');
  await dialog.getByRole('button', { name: 'Add season' }).click();
  await page.getByRole('heading', { name: 'Season 1', level: 3 }).waitFor();

  // The same number again is a 409, said at the number.
  await page.getByRole('button', { name: 'Add season' }).click();
  dialog = page.getByRole('dialog', { name: 'Add a season' });
  await dialog.getByLabel('Season number').fill('1');
  await dialog.getByRole('button', { name: 'Add season' }).click();
  await dialog.getByText(/already|exists|has a season/i).waitFor();
  assert.equal(await dialog.getByLabel('Season number').getAttribute('aria-invalid'), 'true');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Add episode to season 1' }).click();
  dialog = page.getByRole('dialog', { name: /Add an episode/ });
  await dialog.getByLabel('Episode title').fill('Proofing');
  await checkA11y(page, { label: 'episode dialog' });
  await dialog.getByRole('button', { name: 'Add episode' }).click();
  await page.getByRole('list', { name: 'Episodes of season 1' }).getByText('Proofing').waitFor();

  // The upload: bytes-sent progress to 100 %, then the packaging job to "Ready to play".
  const videoFor = page.getByLabel('Video for');
  await page.getByRole('option', { name: /S1 E1 · Proofing/ }).waitFor({ state: 'attached' });
  await videoFor.selectOption({ label: 'S1 E1 · Proofing' });
  await page.getByLabel('Video file').setInputFiles(video);
  await page.getByRole('button', { name: 'Upload video' }).click();
  const uploading = page.getByRole('progressbar', { name: 'Uploading pattern.mp4' });
  await uploading.waitFor();
  await page.waitForFunction(
    () =>
      document
        .querySelector('[role=progressbar][aria-label="Uploading pattern.mp4"]')
        ?.getAttribute('aria-valuenow') === '100',
  );
  await page.waitForURL(/[?&]job=[0-9a-f]{16}/);
  await page.getByText('Ready to play', { timeout: 60_000 }).waitFor({ timeout: 60_000 });
  assert.equal(await page.getByRole('progressbar', { name: 'Packaging' }).getAttribute('aria-valuenow'), '100');
  assert.match(
    await page.getByRole('status').filter({ hasText: 'Ready to play' }).innerText(),
    /S1 E1 · Proofing · asset/,
  );
  await checkA11y(page, { label: 'title page after an upload' });
  await close();
});

test('the titles table is usable on a phone, its sort and page in the URL', async () => {
  const { page, close } = await openPage(server, { viewport: VIEWPORTS.phone });
  await adminSignIn(page);
  await page.getByRole('button', { name: /^Year/ }).click();
  await page.waitForURL(/sort=year/);
  const header = page.getByRole('columnheader', { name: /^Year/ });
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL(/page=2/);
  await page.getByText(/21–40 of \d+/).waitFor();
  await checkA11y(page, { label: 'titles table on a phone' });
  await close();
});
