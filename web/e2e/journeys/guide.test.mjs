// The live TV guide: the grid at now with its now line, arrow keys between programmes,
// the programme dialog and "Watch live", favourites (the tab, and the star after a
// reload), the day picker, a kids profile's channels, the phone layout and catch-up.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { apiLogin, checkA11y, DEMO, openPage, signInAs, startKinora, VIEWPORTS } from '../lib/harness.mjs';

let server;
before(async () => (server = await startKinora()));
after(async () => server?.stop());

const signIn = (page) => signInAs(page, server, DEMO.premium.email, DEMO.premium.password, DEMO.premium.profile);

async function openGuide(page, path = '/guide') {
  await page.goto(path);
  await page.getByRole('grid', { name: 'TV guide' }).waitFor();
  await page
    .getByRole('button', { name: /, on now$/ })
    .first()
    .waitFor();
}

// The accessible name of the focused element, and whether it is a programme.
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { label: el?.getAttribute('aria-label') ?? '', slot: el?.getAttribute('data-slot') ?? null };
  });

test('the guide opens at now: channels, programmes on now and the now line in view', async () => {
  const { page, close } = await openPage(server);
  await signIn(page);
  await openGuide(page);
  const grid = page.getByRole('grid', { name: 'TV guide' });
  assert.ok((await grid.getByRole('rowheader').count()) >= 5, 'channel rows are drawn');
  await grid.getByRole('rowheader', { name: /Meridian News 24/ }).waitFor();
  const onNow = grid.getByRole('button', { name: /, on now$/ });
  assert.match((await onNow.first().getAttribute('aria-label')) ?? '', /^.+, \d\d:\d\d–\d\d:\d\d, .+, on now$/);

  const line = page.locator('[data-now-line]');
  await line.waitFor();
  const box = await line.boundingBox();
  const area = await grid.boundingBox();
  assert.ok(box && area, 'the now line and the grid have boxes');
  assert.ok(box.x > area.x + 200 && box.x < area.x + area.width, `the now line is in view (x ${box.x})`);
  // It sits over an on-now programme. Line and labels both move once a minute, so at a
  // programme's boundary they may be a minute apart: allow that much (a few pixels).
  const boxes = await Promise.all((await onNow.all()).map((b) => b.boundingBox()));
  const gap = Math.min(...boxes.filter(Boolean).map((b) => Math.max(0, b.x - box.x, box.x - (b.x + b.width))));
  assert.ok(gap <= 12, `the now line crosses an on-now programme (${gap} px off)`);

  // Virtualized: nowhere near 25 channels × 14 days of programmes in the DOM.
  const cells = await grid.getByRole('gridcell').count();
  assert.ok(cells > 10 && cells < 400, `${cells} programme cells drawn`);
  assert.equal(await grid.locator('[tabindex="0"]').count(), 1, 'one tab stop in the grid');
  await checkA11y(page, { label: 'guide' });
  await close();
});

test('arrow keys move between programmes; Enter opens one; Watch live plays the channel', async () => {
  const { page, close } = await openPage(server);
  await signIn(page);
  await openGuide(page);
  const grid = page.getByRole('grid', { name: 'TV guide' });
  await grid.locator('[tabindex="0"]').focus();
  const start = await focused(page);
  assert.match(start.label, /, on now$/, 'the tab stop is on now');
  // "Title, 20:00–21:00, Channel name, on now"
  const parse = (label) => label.match(/^(.+), (\d\d:\d\d–\d\d:\d\d), (.+?)(, on now|, catch-up)?$/);
  const channelOf = (label) => parse(label)[3];

  await page.keyboard.press('ArrowDown');
  const down = await focused(page);
  assert.notEqual(channelOf(down.label), channelOf(start.label), 'down moves to the next channel');
  assert.match(down.label, /, on now$/, 'keeping the time: what is on now there');
  assert.equal(await grid.locator('[tabindex="0"]').getAttribute('data-slot'), down.slot, 'the tab stop follows');

  await page.keyboard.press('ArrowRight');
  const right = await focused(page);
  assert.notEqual(right.slot, down.slot, 'right moves to another programme');
  assert.equal(channelOf(right.label), channelOf(down.label), 'on the same channel');
  assert.doesNotMatch(right.label, /on now$/, 'later in time');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused(page)).slot, down.slot, 'left comes back');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused(page)).slot, start.slot, 'up goes back to the first channel');
  // Up from the first channel leaves the grid for the day picker (a remote has no Tab).
  assert.equal(
    await page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex')),
    '2',
  );
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-current')), 'date');
  await grid.locator('[tabindex="0"]').focus();
  assert.equal((await focused(page)).slot, start.slot, 'the grid remembers its tab stop');
  await page.keyboard.press('ArrowDown');

  await page.keyboard.press('Enter');
  const title = parse(down.label)[1];
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  await dialog.getByText(channelOf(down.label)).first().waitFor();
  await dialog.getByRole('link', { name: 'Start over' }).waitFor();
  await checkA11y(page, { label: 'programme dialog' });
  await dialog.getByRole('link', { name: 'Watch live' }).click();
  await page.waitForURL(/\/watch\/channel\/\d+$/);
  await close();
});

test('a starred channel gets a Favourites tab, and the star stays after a reload', async () => {
  const { page, close } = await openPage(server);
  await signIn(page);
  await openGuide(page);
  assert.equal(await page.getByRole('tab', { name: /^Favourites/ }).count(), 0, 'no favourites yet');
  const star = page.getByRole('button', { name: 'Favourite Globe Desk International' });
  assert.equal(await star.getAttribute('aria-pressed'), 'false');
  await star.click();
  // The star turns on as the favourite is saved, not necessarily before click() returns.
  const starred = () =>
    page.waitForFunction(
      () => document.querySelector('[aria-label="Favourite Globe Desk International"]')?.ariaPressed === 'true',
    );
  await starred();

  const tab = page.getByRole('tab', { name: /^Favourites/ });
  await tab.waitFor();
  const tabs = await page.getByRole('tab').allTextContents();
  assert.match(tabs[0], /^Favourites/, 'Favourites is the first tab');
  await tab.click();
  await page.waitForURL(/group=favorites/);
  const grid = page.getByRole('grid', { name: 'TV guide' });
  await grid.getByRole('rowheader', { name: /Globe Desk International/ }).waitFor();
  assert.equal(await grid.getByRole('rowheader').count(), 1, 'the tab lists just that channel');

  await page.reload();
  await grid.getByRole('rowheader', { name: /Globe Desk International/ }).waitFor();
  assert.equal(await page.getByRole('tab', { name: /^Favourites/ }).getAttribute('aria-selected'), 'true');
  await starred(); // the star persists

  // Unstarring the last favourite empties the tab, which then goes away.
  await star.click();
  await page.getByRole('tab', { name: /^All/ }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="tab"][id="guide-tab-favorites"]'));
  const api = await apiLogin(server, DEMO.premium.email, DEMO.premium.password);
  assert.equal((await api.call('GET', '/api/v1/epg/favorites')).body.items.length, 0);
  await close();
});

test('the day picker jumps the grid to another day, and Now comes back', async () => {
  const { page, close } = await openPage(server);
  await signIn(page);
  await openGuide(page);
  const days = page.getByRole('group', { name: 'Day' });
  assert.equal(await days.locator('[aria-current="date"]').textContent(), 'Today');
  const corner = page.getByRole('columnheader').first();
  assert.equal(await corner.textContent(), 'Today');

  await days.getByRole('button', { name: 'Tomorrow' }).click();
  await page.waitForFunction(
    () => document.querySelector('[role="group"][aria-label="Day"] [aria-current="date"]')?.textContent === 'Tomorrow',
  );
  assert.equal(await corner.textContent(), 'Tomorrow');
  // Tomorrow's programmes are drawn and none of them is on now.
  const grid = page.getByRole('grid', { name: 'TV guide' });
  await page.waitForFunction(() => document.querySelectorAll('[role="grid"] button[data-start]').length > 5);
  assert.equal(await grid.getByRole('button', { name: /, on now$/ }).count(), 0);

  // Past days are there for catch-up.
  await days.getByRole('button', { name: 'Yesterday' }).click();
  await page.waitForFunction(() => document.querySelector('[role="columnheader"]')?.textContent === 'Yesterday');

  await page.getByRole('button', { name: 'Now', exact: true }).click();
  await grid
    .getByRole('button', { name: /, on now$/ })
    .first()
    .waitFor();
  assert.equal(await days.locator('[aria-current="date"]').textContent(), 'Today');
  await close();
});

test('a kids profile sees only the channels rated for it', async () => {
  const api = await apiLogin(server, DEMO.premium.email, DEMO.premium.password);
  const all = (await api.call('GET', '/api/v1/epg/grid?limit=1')).body.total;
  const { page, close } = await openPage(server);
  await signInAs(page, server, DEMO.premium.email, DEMO.premium.password, 'Kids');
  await openGuide(page);
  const tabAll = page.getByRole('tab', { name: /^All/ });
  const shown = Number((await tabAll.textContent()).replace(/\D/g, ''));
  assert.ok(shown > 0 && shown < all, `kids see ${shown} of ${all} channels`);
  const rows = await page.getByRole('grid', { name: 'TV guide' }).getByRole('rowheader').count();
  assert.ok(rows <= shown);
  await checkA11y(page, { label: 'kids guide' });
  await close();
});

test('on a phone the grid scrolls inside itself, not the page', async () => {
  const { page, close } = await openPage(server, { viewport: VIEWPORTS.phone });
  await signIn(page);
  await openGuide(page);
  const sizes = await page.evaluate(() => {
    const grid = document.querySelector('[role="grid"]');
    return {
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      gridScroll: grid.scrollWidth,
      gridClient: grid.clientWidth,
    };
  });
  assert.ok(sizes.page <= sizes.viewport, `no horizontal page overflow (${sizes.page} > ${sizes.viewport})`);
  assert.ok(sizes.gridScroll > sizes.gridClient * 5, 'the grid scrolls sideways');
  const first = await page.getByRole('rowheader').first().boundingBox();
  assert.ok(first.width <= 100, `a narrow channel column (${first.width}px)`);
  await checkA11y(page, { label: 'guide on a phone' });
  await close();
});

test('catch-up lists programmes that have ended, each playing from its start', async () => {
  const { page, close } = await openPage(server);
  await signIn(page);
  await page.goto('/guide/catch-up');
  await page.getByRole('heading', { name: 'Catch-up', level: 1 }).waitFor();
  const link = page.getByRole('link', { name: /, watch from the start, / }).first();
  const none = page.getByRole('heading', { name: /^Nothing to catch up on/ });
  await link.or(none).waitFor();
  // Just after midnight nothing may have ended yet today; the page then says so.
  if (await link.isVisible()) {
    assert.match((await link.getAttribute('href')) ?? '', /^\/watch\/channel\/\d+\?programme=\d+$/);
  }
  await checkA11y(page, { label: 'catch-up' });
  // The demo guide starts today: last week's days say honestly that nothing is there.
  await page.getByRole('group', { name: 'Day' }).getByRole('button').last().click();
  await none.waitFor();
  await close();
});
