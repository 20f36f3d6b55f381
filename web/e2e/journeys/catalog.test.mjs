// The catalog pages: Home (hero and rails, arrow keys along a rail), a title page and My
// List (saved across reloads, removed again), resuming from Continue Watching, thumbs,
// Browse filters in the URL (Back restores them, more pages on scroll), Search (results
// as the API ranks them, a 10 KB query refused in words), an unknown title, a kids
// profile's Home, and the phone layout.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { DEMO, VIEWPORTS, apiLogin, checkA11y, openPage, signInAs, startKinora } from '../lib/harness.mjs';

let server;
let premium; // the API as the premium account's first profile, "Premium User"
before(async () => {
  server = await startKinora();
  premium = await apiLogin(server, DEMO.premium.email, DEMO.premium.password);
});
after(async () => server?.stop());

async function signIn(page, profile = DEMO.premium.profile) {
  await signInAs(page, server, DEMO.premium.email, DEMO.premium.password, profile);
}

// The ids of every title the page links to (cards, hero, continue watching).
const linkedTitleIds = (page) =>
  page.evaluate(() => {
    const ids = new Set();
    for (const a of document.querySelectorAll('main a[href]')) {
      const m = /^\/(?:title|watch\/title)\/(\d+)/.exec(new URL(a.href).pathname);
      if (m) ids.add(Number(m[1]));
    }
    return [...ids];
  });

const cardIds = (page) =>
  page
    .locator('main li a[href^="/title/"]')
    .evaluateAll((links) => links.map((a) => Number(a.getAttribute('href').split('/')[2])));

test('home shows a hero and rails; a card opens its title; My List keeps it across reloads', async () => {
  for (const e of (await premium.call('GET', '/api/v1/viewing/watchlist')).body.items) {
    await premium.call('DELETE', `/api/v1/viewing/watchlist/${e.title.id}`);
  }
  const { page, close } = await openPage(server);
  await signIn(page);
  await page.goto('/');
  const hero = page.locator('#hero-title');
  await hero.waitFor();
  assert.ok((await hero.textContent()).length > 0);
  await page.getByRole('link', { name: /^More info: / }).waitFor();
  const rails = page.locator('main section:has(ul li a[href^="/title/"])');
  await rails.first().waitFor();
  assert.ok((await rails.count()) >= 1, 'at least one rail');
  const home = await premium.call('GET', '/api/v1/recommendations/home?per_rail=20');
  const firstRail = home.body.rails.find((r) => r.id !== 'continue-watching');
  await page.getByRole('heading', { level: 2, name: firstRail.title }).waitFor();
  await checkA11y(page, { label: 'home' });

  // Right arrow walks along the rail, which scrolls to keep the focused card in view.
  const rail = page.locator('section', { has: page.getByRole('heading', { name: firstRail.title }) });
  const cards = rail.locator('li a');
  await cards.first().focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  const focusedHref = await page.evaluate(() => document.activeElement?.getAttribute('href'));
  assert.equal(focusedHref, `/title/${firstRail.items[8].id}`, 'focus moved eight cards along the rail');
  assert.ok((await rail.locator('ul').evaluate((ul) => ul.scrollLeft)) > 0, 'the rail scrolled');

  // Open the first card of the first rail.
  await cards.first().click();
  const id = firstRail.items[0].id;
  await page.waitForURL(`**/title/${id}`);
  const detail = (await premium.call('GET', `/api/v1/catalog/titles/${id}`)).body;
  await page.getByRole('heading', { level: 1, name: detail.title }).waitFor();
  await page.getByRole('link', { name: /^Play/ }).waitFor();
  await checkA11y(page, { label: 'title page' });

  await page.getByRole('button', { name: 'Add to My List' }).click();
  await page.getByRole('button', { name: 'Remove from My List' }).waitFor();
  // The page showed it at once; the server has it once the PUT is answered.
  let saved = await premium.call('GET', '/api/v1/viewing/watchlist');
  for (let i = 0; i < 20 && !saved.body.items.some((e) => e.title.id === id); i++) {
    await page.waitForTimeout(100);
    saved = await premium.call('GET', '/api/v1/viewing/watchlist');
  }
  assert.ok(
    saved.body.items.some((e) => e.title.id === id),
    'the server has it',
  );

  await page.getByRole('link', { name: 'My List', exact: true }).click();
  await page.waitForURL('**/my-list');
  const card = page.getByRole('link', { name: `${detail.title} ${detail.year}`, exact: true });
  await card.waitFor();
  await page.reload();
  await card.waitFor();

  await page.getByRole('button', { name: `Remove from My List: ${detail.title}` }).click();
  await page.getByRole('heading', { name: 'Your list is empty' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Your list is empty' }).waitFor();
  assert.deepEqual((await premium.call('GET', '/api/v1/viewing/watchlist')).body.items, []);
  await close();
});

test('continue watching resumes with progress, a rating sticks, and a dismissed title stays gone', async () => {
  for (const i of (await premium.call('GET', '/api/v1/viewing/continue-watching')).body.items) {
    await premium.call('DELETE', `/api/v1/viewing/continue-watching/${i.title.id}`);
  }
  const SERIES = 53; // Rainmouth: S1:E2 "Wet Ashes" is episode 2, 53 minutes
  const saved = await premium.call('PUT', `/api/v1/viewing/bookmarks/${SERIES}`, {
    position_seconds: 900,
    episode_id: 2,
  });
  assert.equal(saved.status, 200);
  const percent = `${Math.round(saved.body.progress * 100)}% watched`;

  const { page, close } = await openPage(server);
  await signIn(page);
  await page.goto('/');
  const firstRail = page.locator('main section:has(ul li a)').first();
  await firstRail.getByRole('heading', { name: 'Continue Watching' }).waitFor();
  const resumeCard = firstRail.getByRole('link', { name: /^Resume Rainmouth S1:E2/ });
  assert.equal(await resumeCard.getAttribute('href'), `/watch/title/${SERIES}?episode=2`);
  assert.match(await resumeCard.textContent(), new RegExp(percent));

  await page.goto(`/title/${SERIES}`);
  const resume = page.getByRole('link', { name: 'Resume S1:E2 at 15:00' });
  await resume.waitFor();
  assert.equal(await resume.getAttribute('href'), `/watch/title/${SERIES}?episode=2`);
  assert.equal(
    await page.getByRole('link', { name: 'Start over' }).getAttribute('href'),
    `/watch/title/${SERIES}?episode=2&start=0`,
  );
  const episode = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /Wet Ashes/ }) });
  assert.match(await episode.textContent(), new RegExp(percent));
  await checkA11y(page, { label: 'series title page' });

  // Thumbs up: pressed at once, kept by the server and after a reload, taken back again.
  const up = page.getByRole('button', { name: 'I like this' });
  await up.click();
  await page.waitForFunction(() => document.querySelector('[aria-label="I like this"]')?.ariaPressed === 'true');
  const rated = async () =>
    (await premium.call('GET', '/api/v1/viewing/ratings')).body.items.find((r) => r.title.id === SERIES)?.rating;
  for (let i = 0; i < 20 && (await rated()) !== 'up'; i++) await page.waitForTimeout(100);
  assert.equal(await rated(), 'up');
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[aria-label="I like this"]')?.ariaPressed === 'true');
  await up.click();
  await page.waitForFunction(() => document.querySelector('[aria-label="I like this"]')?.ariaPressed === 'false');
  for (let i = 0; i < 20 && (await rated()) !== undefined; i++) await page.waitForTimeout(100);
  assert.equal(await rated(), undefined);

  await page.goto('/continue');
  await page.getByRole('link', { name: /^Resume Rainmouth/ }).waitFor();
  await checkA11y(page, { label: 'continue watching' });
  await page.getByRole('button', { name: 'Remove: Rainmouth' }).click();
  await page.getByRole('heading', { name: 'Nothing in progress' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Nothing in progress' }).waitFor();
  assert.deepEqual((await premium.call('GET', '/api/v1/viewing/continue-watching')).body.items, []);
  await close();
});

test('browse filters live in the URL: results follow them and Back restores them', async () => {
  const { page, close } = await openPage(server);
  await signIn(page);
  const all = (await premium.call('GET', '/api/v1/catalog/titles?limit=30')).body;
  const drama = (await premium.call('GET', '/api/v1/catalog/titles?genre=drama&limit=30')).body;
  const dramaSeries = (await premium.call('GET', '/api/v1/catalog/titles?genre=drama&type=series&limit=30')).body;
  assert.ok(drama.total > 0 && dramaSeries.total > 0 && dramaSeries.total < drama.total);

  await page.goto('/browse');
  const count = page.getByRole('status').filter({ hasText: / titles?$/ });
  await count.filter({ hasText: `${all.total} titles` }).waitFor();
  assert.deepEqual(
    await cardIds(page),
    all.items.map((t) => t.id),
  );
  await checkA11y(page, { label: 'browse' });

  await page.getByLabel('Genre').selectOption('drama');
  await page.waitForURL((url) => url.search === '?genre=drama');
  await count.filter({ hasText: `${drama.total} title` }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Drama' }).waitFor();
  assert.deepEqual(
    await cardIds(page),
    drama.items.map((t) => t.id),
  );

  await page.getByRole('button', { name: 'Series', exact: true }).click();
  await page.waitForURL((url) => url.search === '?type=series&genre=drama');
  await count.filter({ hasText: `${dramaSeries.total} title` }).waitFor();
  assert.deepEqual(
    await cardIds(page),
    dramaSeries.items.map((t) => t.id),
  );

  await page.goBack();
  await page.waitForURL((url) => url.search === '?genre=drama');
  await count.filter({ hasText: `${drama.total} title` }).waitFor();
  assert.equal(await page.getByLabel('Genre').inputValue(), 'drama');
  assert.equal(await page.getByRole('button', { name: 'Series', exact: true }).getAttribute('aria-pressed'), 'false');
  await page.goForward();
  await page.waitForURL((url) => url.search === '?type=series&genre=drama');
  await page.goBack();
  await page.goBack();
  await page.waitForURL((url) => url.pathname === '/browse' && url.search === '');
  await count.filter({ hasText: `${all.total} titles` }).waitFor();

  // Scrolling to the end loads the next page; "Load more" gets the rest.
  assert.equal((await cardIds(page)).length, 30);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => document.querySelectorAll('main li a[href^="/title/"]').length > 30);
  const loadMore = page.getByRole('button', { name: 'Load more' });
  while (await loadMore.isVisible()) {
    await loadMore.click();
    await page.waitForTimeout(200);
  }
  await page.waitForFunction(
    (total) => document.querySelectorAll('main li a[href^="/title/"]').length === total,
    all.total,
  );
  assert.equal(new Set(await cardIds(page)).size, all.total, 'every title once');

  // The header's Movies is the same listing, filtered.
  await page.goto('/movies');
  await page.waitForURL((url) => url.pathname === '/browse' && url.search === '?type=movie');
  await page.getByRole('heading', { level: 1, name: 'Movies' }).waitFor();

  // Years and an age rating narrow it further, as the API does.
  const narrowed = (
    await premium.call('GET', '/api/v1/catalog/titles?year_from=2015&year_to=2022&maturity=13%2B&limit=30')
  ).body;
  assert.ok(narrowed.total > 0 && narrowed.total < all.total);
  await page.goto('/browse');
  await page.getByLabel('Released from year').fill('2022');
  await page.getByLabel('Released up to year').fill('2015');
  await page.getByLabel('Released up to year').press('Enter');
  await page.getByLabel('Age rating').selectOption('13+');
  // A backwards range is read the right way round.
  await page.waitForURL((url) => url.search === '?year_from=2015&year_to=2022&maturity=13%2B');
  await count.filter({ hasText: `${narrowed.total} title` }).waitFor();
  assert.deepEqual(
    await cardIds(page),
    narrowed.items.map((t) => t.id),
  );
  await checkA11y(page, { label: 'browse with years and rating' });

  // A genre with nothing in it says so.
  await page.goto('/browse?genre=no-such-genre');
  await page.getByRole('heading', { name: 'No titles match these filters' }).waitFor();
  await close();
});

test('search finds titles as the API ranks them; a 10 KB query gets a message, not a crash', async () => {
  const { page, close } = await openPage(server);
  await signIn(page);
  const love = (await premium.call('GET', '/api/v1/catalog/search?q=love&limit=24')).body;
  assert.ok(love.total > 0, 'the demo catalogue has titles about love');

  await page.goto('/search');
  const box = page.getByLabel('Search titles');
  assert.equal(await box.getAttribute('maxlength'), '200');
  await box.pressSequentially('love', { delay: 30 });
  await page.waitForURL((url) => url.searchParams.get('q') === 'love');
  await page
    .getByRole('status')
    .filter({ hasText: `${love.total} title` })
    .waitFor();
  assert.deepEqual(
    await cardIds(page).then((ids) => ids.slice(0, love.items.length)),
    love.items.map((t) => t.id),
  );
  await checkA11y(page, { label: 'search results' });

  await box.fill('zzzqqqxxv');
  await page.getByRole('heading', { name: /^No results for/ }).waitFor();
  await page.getByRole('link', { name: 'Drama' }).waitFor(); // suggestions

  await page.goto(`/search?q=${'a'.repeat(10 * 1024)}`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /at most 200 bytes/);
  assert.equal(await box.getAttribute('aria-invalid'), 'true');
  await checkA11y(page, { label: 'search with a refused query' });
  await close();
});

test('an unknown title is a not-found page with a way home', async () => {
  const { page, close } = await openPage(server);
  await signIn(page);
  for (const path of ['/title/999999', '/title/not-a-number']) {
    await page.goto(path);
    await page.getByRole('heading', { name: 'This title is not here' }).waitFor();
  }
  await page.getByRole('link', { name: 'Back to Home' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('#hero-title').waitFor();
  await close();
});

test('a kids profile home shows only titles within its rating', async () => {
  const ranks = ['all', '7+', '13+', '16+', '18+'];
  const kids = premium.grant.profiles.find((p) => p.name === 'Kids');
  assert.ok(kids?.kids, 'the demo Kids profile');
  const { page, close } = await openPage(server);
  await signIn(page, 'Kids');
  await page.goto('/');
  await page.locator('#hero-title').waitFor();
  await page.locator('main section ul li a').first().waitFor();
  assert.ok(await page.locator('.kids').count(), 'kids styling');
  const ids = await linkedTitleIds(page);
  assert.ok(ids.length > 0);
  for (const id of ids) {
    // Asked as the grown-up profile, which sees everything on the plan.
    const { body } = await premium.call('GET', `/api/v1/catalog/titles/${id}`);
    assert.ok(
      ranks.indexOf(body.maturity_rating) <= ranks.indexOf(kids.maturity_ceiling),
      `${body.title} is rated ${body.maturity_rating}, above ${kids.maturity_ceiling}`,
    );
  }
  await checkA11y(page, { label: 'kids home' });
  await close();
});

test('on a phone, home and a title page do not scroll sideways', async () => {
  const { page, close } = await openPage(server, { viewport: VIEWPORTS.phone });
  await signIn(page);
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.goto('/');
  await page.locator('#hero-title').waitFor();
  await page.locator('main section ul li a').first().waitFor();
  assert.equal(await overflow(), 0, 'home fits the phone');
  await checkA11y(page, { label: 'home on a phone' });
  await page.goto('/title/53');
  await page.getByRole('heading', { level: 1, name: 'Rainmouth' }).waitFor();
  await page.getByRole('heading', { name: 'Episodes' }).waitFor();
  assert.equal(await overflow(), 0, 'the title page fits the phone');
  await close();
});
