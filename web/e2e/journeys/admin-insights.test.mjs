// Ask the data: a viewer plays a title, then an admin asks "most played titles this week"
// and finds it in the table and the chart; a nonsense question offers the closest questions
// as buttons; a question needing a channel without one is refused at the field.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { checkA11y, DEMO, openPage, signInAs, signInToAdmin, startKinora } from '../lib/harness.mjs';

const MOVIE = 2; // The Long Quiet Between Stars: premium, 13+, a packaged demo clip
const TITLE = 'The Long Quiet Between Stars';

let server;
before(async () => (server = await startKinora()));
after(async () => server?.stop());

test('a title a viewer played is the answer to “most played titles this week”', async () => {
  const viewer = await openPage(server);
  await signInAs(viewer.page, server, DEMO.demo.email, DEMO.demo.password, DEMO.demo.profile);
  await viewer.page.goto(`/watch/title/${MOVIE}?start=0`);
  await viewer.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await viewer.page.waitForFunction(
    () => {
      const v = document.querySelector('video');
      return v && !v.paused && v.currentTime > 3;
    },
    null,
    { timeout: 30_000 },
  );
  await viewer.close();

  const { page, close } = await openPage(server, { viewport: { width: 1440, height: 900 } });
  await signInToAdmin(page, DEMO.admin, { to: '/admin/insights' });
  await page.getByRole('heading', { name: 'Ask the data', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Ask the data' }).waitFor();
  await page.getByRole('button', { name: 'most played titles this week' }).waitFor();
  await checkA11y(page, { label: 'ask the data, no question yet' });

  await page.getByLabel('Your question').fill('most played titles this week');
  await page.getByLabel('Your question').press('Enter');
  await page.waitForURL(/\/admin\/insights\?q=most\+played\+titles\+this\+week$/);
  const table = page.getByRole('table', { name: 'Most played titles' });
  await table.getByRole('cell', { name: TITLE, exact: true }).waitFor();
  const row = table.getByRole('row').filter({ hasText: TITLE });
  assert.match(await row.innerText(), /\b[1-9]\d*\s*$/);
  const chart = page.getByRole('img', { name: /^Bar chart of Plays by title/ });
  assert.match(await chart.getAttribute('aria-label'), new RegExp(TITLE));
  assert.match(await chart.textContent(), /The Long Quiet/);
  const understood = page.getByRole('list', { name: 'Answered as' });
  await understood.getByText('Most played titles', { exact: true }).waitFor();
  await understood.getByText('this week', { exact: true }).waitFor();
  await page.getByText(/% similar · matched by/).waitFor();
  await checkA11y(page, { label: 'ask the data, an answer at 1440×900' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await checkA11y(page, { label: 'ask the data, an answer at 1280×720' });

  // The question survives a reload.
  await page.reload();
  await table.getByRole('cell', { name: TITLE, exact: true }).waitFor();
  assert.equal(await page.getByLabel('Your question').inputValue(), 'most played titles this week');
  await close();
});

test('a nonsense question offers the closest questions; one needing a channel says so at the field', async () => {
  const { page, close } = await openPage(server, { viewport: { width: 1280, height: 720 } });
  await signInToAdmin(page, DEMO.admin, { to: '/admin/insights?q=purple%20elephants%20dancing' });
  await page.getByRole('heading', { name: 'I’m not sure what you’re asking' }).waitFor();
  const suggestions = page.getByRole('list', { name: 'Closest questions' }).getByRole('button');
  assert.ok((await suggestions.count()) > 0, 'at least one suggestion');
  await checkA11y(page, { label: 'ask the data, not sure' });
  const first = await suggestions.first().innerText();
  await suggestions.first().click();
  await page.getByRole('list', { name: 'Answered as' }).waitFor();
  const asked = new URL(page.url()).searchParams.get('q');
  assert.ok(first.startsWith(asked), `the suggestion “${first}” was asked (q=${asked})`);
  assert.equal(await page.getByLabel('Your question').inputValue(), asked);

  const box = page.getByLabel('Your question');
  await box.fill('daily viewers of a channel');
  await box.press('Enter');
  await page.getByText(/Name the channel by its number/).waitFor();
  assert.equal(await box.getAttribute('aria-invalid'), 'true');
  await checkA11y(page, { label: 'ask the data, a question needing a channel' });
  await close();
});
