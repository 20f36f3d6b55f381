// `make screenshots`: every page of the viewer app at phone and desktop size, from a real
// kinora serve with demo data, into docs/screenshots/ (the README shows them).
import fs from 'node:fs';
import path from 'node:path';

import { apiLogin, DEMO, openPage, ROOT, signInAs, signInToAdmin, startKinora, VIEWPORTS } from './lib/harness.mjs';

const OUT = process.env.KINORA_SCREENSHOTS_DIR ?? path.join(ROOT, 'docs/screenshots');
fs.mkdirSync(OUT, { recursive: true });

const server = await startKinora();
try {
  const api = await apiLogin(server, DEMO.demo.email, DEMO.demo.password);
  const series = (await api.call('GET', '/api/v1/catalog/titles?type=series&sort=popularity&limit=1')).body.items[0];
  const movie = (await api.call('GET', '/api/v1/catalog/titles?type=movie&sort=popularity&limit=1')).body.items[0];

  const pages = [
    ['home', '/'],
    ['browse', '/browse?type=movie&sort=popularity'],
    ['search', '/search?q=a%20heist%20in%20space'],
    ['title-movie', `/title/${movie.id}`],
    ['title-series', `/title/${series.id}`],
    ['guide', '/guide'],
    ['catch-up', '/guide/catch-up'],
    ['my-list', '/my-list'],
    ['account', '/account'],
    ['profiles', '/profiles'],
    ['player', `/watch/title/${movie.id}`],
  ];
  for (const [size, viewport] of [
    ['phone', VIEWPORTS.phone],
    ['desktop', VIEWPORTS.desktop],
  ]) {
    const { page, close } = await openPage(server, { viewport });
    await page.goto('/signin');
    await settle(page);
    await page.screenshot({ path: path.join(OUT, `signin-${size}.png`) });
    await signInAs(page, server, DEMO.premium.email, DEMO.premium.password, DEMO.premium.profile);
    for (const [name, url] of pages) {
      await page.goto(url);
      await settle(page, name === 'player' ? 4000 : 800);
      await page.screenshot({ path: path.join(OUT, `${name}-${size}.png`) });
      console.log(`docs/screenshots/${name}-${size}.png`);
    }
    await close();
  }

  // The admin app, at desktop size (operators work at a desk): every page, signed out and
  // as a viewer account too.
  const admin = await apiLogin(server, DEMO.admin.email, DEMO.admin.password);
  const channel = (await admin.call('GET', '/api/v1/admin/channels?limit=1')).body.items[0];
  const account = (await admin.call('GET', '/api/v1/admin/accounts?q=demo%40ott')).body.items[0];
  const viewer = await openPage(server, { viewport: VIEWPORTS.desktop });
  await viewer.page.goto('/admin/signin');
  await settle(viewer.page);
  await viewer.page.screenshot({ path: path.join(OUT, 'admin-signin-desktop.png') });
  await signInToAdmin(viewer.page, DEMO.demo, { to: '/admin/' });
  await viewer.page.getByRole('heading', { name: 'This needs the admin role' }).waitFor();
  await settle(viewer.page);
  await viewer.page.screenshot({ path: path.join(OUT, 'admin-access-desktop.png') });
  console.log('docs/screenshots/admin-signin-desktop.png\ndocs/screenshots/admin-access-desktop.png');
  await viewer.close();

  const { page, close } = await openPage(server, { viewport: VIEWPORTS.desktop });
  await signInToAdmin(page);
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  const adminPages = [
    ['admin-dashboard', '/admin/'],
    ['admin-titles', '/admin/titles'],
    ['admin-title-new', '/admin/titles/new'],
    ['admin-title-edit', `/admin/titles/${series.id}`],
    ['admin-embeddings', '/admin/embeddings'],
    ['admin-channels', '/admin/channels'],
    ['admin-channel-new', '/admin/channels/new'],
    ['admin-channel-edit', `/admin/channels/${channel.id}`],
    ['admin-schedule', '/admin/schedule'],
    ['admin-guide-import', '/admin/guide-import'],
    ['admin-accounts', '/admin/accounts'],
    ['admin-account', `/admin/accounts/${account.id}`],
    ['admin-audit', '/admin/audit'],
    ['admin-insights', '/admin/insights?q=how%20many%20titles%20per%20genre'],
    ['admin-not-found', '/admin/no-such-page'],
  ];
  for (const [name, url] of adminPages) {
    await page.goto(url);
    await settle(page);
    await page.screenshot({ path: path.join(OUT, `${name}-desktop.png`) });
    console.log(`docs/screenshots/${name}-desktop.png`);
  }
  await close();
} finally {
  await server.stop();
}

// Waits until the page has stopped loading: no request for a moment, no skeleton left.
async function settle(page, extraMs = 800) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page
    .waitForFunction(() => !document.querySelector('.animate-pulse'), null, { timeout: 10_000 })
    .catch(() => {});
  await page.waitForTimeout(extraMs);
}
