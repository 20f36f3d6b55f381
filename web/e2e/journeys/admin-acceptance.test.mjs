// The admin app against its acceptance list (docs/admin-acceptance.md): what an admin makes
// reaches the viewer app and plays there, ending a stream stops the viewer's player with a
// message, the audit log names every kind of admin write with its actor and target, the
// real guide files import with their counts, and bad input is said in words.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
  apiLogin,
  checkA11y,
  DEMO,
  makeTestClip,
  openPage,
  ROOT,
  signInAs,
  signInToAdmin,
  startKinora,
} from '../lib/harness.mjs';

const MOVIE = 2; // The Long Quiet Between Stars: premium, 13+, a packaged demo clip
const MOVIE_TITLE = 'The Long Quiet Between Stars';
const PASSWORD = 'correct horse battery';
// Uploads (media, XMLTV, M3U) up to 8 MB: the real guides fit, a 9 MB "video" does not.
const UPLOAD_LIMIT = 8_000_000;
const GUIDES = path.join(ROOT, '../shared/data/epg');

let server;
let admin;
let dir;
let clip;
before(async () => {
  // A 9 s session timeout makes the player's heartbeat every 3 s, so an ended stream shows soon.
  server = await startKinora({ args: ['--session-timeout', '9', '--max-upload-bytes', String(UPLOAD_LIMIT)] });
  admin = await apiLogin(server, DEMO.admin.email, DEMO.admin.password);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-admin-acceptance-'));
  clip = makeTestClip(6);
});
after(async () => server?.stop());

const stamp = Date.now().toString(36);
// Channel numbers of this file's own (imports take the next free number after the highest).
const numberBase = 60000 + (Date.now() % 5000) * 2;
const channelNumber = (n) => numberBase + n;

async function register(tier) {
  const email = `acceptance-${randomBytes(4).toString('hex')}@example.test`;
  const res = await fetch(`${server.baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, tier }),
  });
  assert.equal(res.status, 201, await res.text());
  return email;
}

// Resolves once the page's video has played past `seconds`.
async function playedPast(page, seconds, timeout = 30_000) {
  await page.waitForFunction(
    (s) => {
      const v = document.querySelector('video');
      return v && !v.paused && v.currentTime > s;
    },
    seconds,
    { timeout },
  );
}

// Creates a series with season 1 and one episode through the admin pages; returns its id.
async function createSeries(page, name, synopsis) {
  await page.goto('/admin/titles/new');
  await page.getByRole('heading', { name: 'New title' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill(name);
  await page.getByLabel('Type').selectOption('series');
  await page.getByLabel('Synopsis').fill(synopsis);
  await page.getByLabel('Year').fill('2026');
  await page.getByLabel('Runtime (minutes)').fill('20');
  await page.getByLabel('Tier').selectOption('basic');
  await page.getByLabel('Maturity rating').selectOption('all');
  await page.getByRole('button', { name: 'Create title' }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  const id = Number(new URL(page.url()).pathname.split('/').at(-1));
  await page.getByRole('button', { name: 'Add season' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add a season' });
  await dialog.getByLabel('Season number').fill('1');
  await dialog.getByRole('button', { name: 'Add season' }).click();
  await page.getByRole('heading', { name: 'Season 1', level: 3 }).waitFor();
  await page.getByRole('button', { name: 'Add episode to season 1' }).click();
  dialog = page.getByRole('dialog', { name: /Add an episode/ });
  await dialog.getByLabel('Episode title').fill('Pilot Light');
  await dialog.getByRole('button', { name: 'Add episode' }).click();
  await page.getByRole('list', { name: 'Episodes of season 1' }).getByText('Pilot Light').waitFor();
  return id;
}

// Uploads `file` for the title's page (an episode when `target` names one) and waits for
// the job's outcome line, returning it.
async function uploadVideo(page, file, target, outcome) {
  const option = page.getByRole('option', { name: target });
  await option.waitFor({ state: 'attached' });
  await page.getByLabel('Video for').selectOption({ label: await option.innerText() });
  await page.getByLabel('Video file').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload video' }).click();
  const line = page.getByRole('status').filter({ hasText: outcome });
  await line.waitFor({ timeout: 90_000 });
  return line;
}

test('a series made in the admin app is in the viewer’s catalog and search, and plays once packaged', async () => {
  const name = `Lighthouse Keepers ${stamp}`;
  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin, { to: '/admin/titles' });
  await page.getByRole('heading', { name: 'Titles', level: 1 }).waitFor();
  const id = await createSeries(page, name, 'Two keepers tend a lighthouse on a storm-lashed skerry.');
  await uploadVideo(page, clip, /S1 E1 · Pilot Light/, 'Ready to play');
  assert.equal(await page.getByRole('progressbar', { name: 'Packaging' }).getAttribute('aria-valuenow'), '100');
  await close();

  // A Basic viewer, in a browser of their own.
  const viewer = await openPage(server);
  const v = viewer.page;
  await signInAs(v, server, DEMO.basic.email, DEMO.basic.password, DEMO.basic.profile);
  await v.goto('/browse?type=series&sort=added');
  const card = v.locator(`main li a[href="/title/${id}"]`);
  await card.first().waitFor();
  assert.equal(
    await v.locator('main li a[href^="/title/"]').first().getAttribute('href'),
    `/title/${id}`,
    'the newest series comes first under Recently added',
  );

  await v.goto('/search');
  await v.getByLabel('Search titles').fill(`Lighthouse Keepers ${stamp}`);
  await v.waitForURL((url) => url.searchParams.has('q'));
  await card.first().waitFor();
  await card.first().click();
  await v.getByRole('heading', { name, level: 1 }).waitFor();
  await v.getByRole('link', { name: /Play episode\s*1\s*Pilot Light/ }).click();
  await v.waitForURL(new RegExp(`/watch/title/${id}\\?episode=\\d+`));
  await v
    .getByText(/Pilot Light/)
    .first()
    .waitFor();
  // The uploaded 6 s pattern, not a demo clip: it plays and ends near 6 s.
  await playedPast(v, 1.5);
  const duration = await v.evaluate(() => document.querySelector('video').duration);
  assert.ok(duration > 4 && duration < 8, `the uploaded clip plays (duration ${duration})`);
  await viewer.close();
});

test('a stream ended on the account page stops the viewer’s player with a message', async () => {
  const email = await register('premium');
  const viewer = await openPage(server);
  await signInAs(viewer.page, server, email, PASSWORD, email);
  await viewer.page.goto(`/watch/title/${MOVIE}?start=0`);
  await viewer.page.getByRole('heading', { level: 1, name: MOVIE_TITLE }).waitFor();
  await playedPast(viewer.page, 1);

  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin, { to: '/admin/accounts' });
  await page.getByRole('heading', { name: 'Accounts' }).waitFor();
  await page.getByLabel('Search by email').fill(email);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('link', { name: email }).click();
  await page.getByRole('heading', { name: email }).waitFor();
  await page
    .getByRole('row', { name: new RegExp(MOVIE_TITLE) })
    .getByRole('button', { name: /^End stream/ })
    .click();
  await page.getByRole('status').getByText('Stream ended.').waitFor();
  await close();

  // Within a heartbeat or two the player gives way to a page that says what happened.
  await viewer.page.getByRole('heading', { name: 'This stream has ended' }).waitFor({ timeout: 15_000 });
  assert.equal(await viewer.page.locator('video').count(), 0, 'the player is gone');
  await viewer.page.getByRole('button', { name: 'Try again' }).waitFor();
  await checkA11y(viewer.page, { label: 'viewer after the stream was ended' });
  await viewer.close();
});

// A day far ahead of the demo guide, so this file's programmes meet nothing else.
const farDay = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
const xmltvStamp = (d, hhmm) => `${d.replaceAll('-', '')}${hhmm.replace(':', '')}00 +0000`;
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('every kind of admin write made in the app is on the audit log with who did it and to what', async () => {
  const expected = []; // [area, what the log says, what it was done to]
  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin, { to: '/admin/titles/new' });
  await page.getByRole('heading', { name: 'New title' }).waitFor();

  // Titles: create, edit, a (non-media) upload that fails with ffmpeg's reason, delete.
  const name = `Audit Trail ${stamp}`;
  await page.getByLabel('Title', { exact: true }).fill(name);
  await page.getByLabel('Synopsis').fill('A clerk follows a paper trail through an archive.');
  await page.getByLabel('Year').fill('2026');
  await page.getByLabel('Runtime (minutes)').fill('90');
  await page.getByRole('button', { name: 'Create title' }).click();
  await page.getByText('Title created.').waitFor();
  const titleId = Number(new URL(page.url()).pathname.split('/').at(-1));
  expected.push(['titles', 'Created title', `titles/${titleId}`]);
  await page.getByLabel('Director').fill('Ann Archivist');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Changes saved.').waitFor();
  expected.push(['titles', 'Changed title', `titles/${titleId}`]);
  const notVideo = path.join(dir, 'notes.mp4');
  fs.writeFileSync(notVideo, Buffer.concat([Buffer.from('\x00not a video'), randomBytes(20_000)]));
  const failed = await uploadVideo(page, notVideo, 'The movie', 'Failed');
  assert.match(await failed.innerText(), /not a media file/);
  const mediaJob = new URL(page.url()).searchParams.get('job');
  expected.push(['media', 'Uploaded a video', `media/jobs/${mediaJob}`]);
  await page.getByRole('button', { name: 'Delete title' }).click();
  await page
    .getByRole('dialog', { name: /^Delete/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByText(`“${name}” was deleted.`).waitFor();
  expected.push(['titles', 'Deleted title', `titles/${titleId}`]);

  // Embeddings: a job for the titles that lack one.
  await page.getByRole('link', { name: 'Embeddings' }).click();
  await page.getByRole('button', { name: 'Generate embeddings' }).click();
  await page.waitForURL(/[?&]job=[0-9a-f]{16}/);
  const embedJob = new URL(page.url()).searchParams.get('job');
  await page
    .getByRole('status')
    .filter({ hasText: /Finished · \d+ of \d+ titles checked/ })
    .waitFor({ timeout: 120_000 });
  expected.push(['embeddings', 'Started embedding the catalogue', `embeddings/jobs/${embedJob}`]);

  // Channels: create one, then edit it.
  await page.goto('/admin/channels/new');
  const channelName = `Audit TV ${stamp}`;
  await page.getByLabel('Number').fill(String(channelNumber(0)));
  await page.getByLabel('Name').fill(channelName);
  await page.getByLabel('Category').fill('documentary');
  await page.getByRole('button', { name: 'Create channel' }).click();
  await page.getByRole('heading', { name: `${channelNumber(0)} · ${channelName}` }).waitFor();
  const channelId = Number(new URL(page.url()).pathname.split('/').at(-1));
  expected.push(['channels', 'Created channel', `channels/${channelId}`]);
  await page.getByLabel('Description').fill('Everything on the record.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Changes saved.').waitFor();
  expected.push(['channels', 'Changed channel', `channels/${channelId}`]);
  assert.equal(
    (await admin.call('GET', `/api/v1/admin/channels/${channelId}`)).body.description,
    'Everything on the record.',
  );

  // Schedule: a programme on it.
  await page.goto(`/admin/schedule?channel=${channelId}&day=${farDay}`);
  await page.getByText('Nothing is scheduled on this day').waitFor();
  await page.getByRole('button', { name: 'Add programme', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Add a programme/ });
  await dialog.getByLabel('Programme title').fill('Minutes of the Meeting');
  await dialog.getByLabel('Start (UTC)').fill(`${farDay}T09:00`);
  await dialog.getByLabel('Stop (UTC)').fill(`${farDay}T10:00`);
  await dialog.getByRole('button', { name: 'Add programme' }).click();
  await page.getByRole('cell', { name: 'Minutes of the Meeting', exact: true }).waitFor();
  const programmes = await admin.call(
    'GET',
    `/api/v1/epg/schedule/${channelId}?from=${farDay}T00:00:00Z&to=${farDay}T23:59:59Z`,
  );
  const programme = programmes.body.items.find((p) => p.title === 'Minutes of the Meeting');
  assert.ok(programme, JSON.stringify(programmes.body));
  expected.push(['schedule', 'Created programme', `schedule/${programme.id}`]);

  // Guide import: a small XMLTV file.
  const xml = path.join(dir, 'audit.xml');
  fs.writeFileSync(
    xml,
    `<?xml version="1.0" encoding="UTF-8"?>\n<tv><channel id="audit.${stamp}"><display-name>Audit Import ${stamp}</display-name></channel>` +
      `<programme start="${xmltvStamp(farDay, '12:00')}" stop="${xmltvStamp(farDay, '13:00')}" channel="audit.${stamp}"><title>Imported</title></programme></tv>\n`,
  );
  await page.goto('/admin/guide-import');
  await page.getByLabel('XMLTV file').setInputFiles(xml);
  await page.getByRole('button', { name: 'Import guide' }).click();
  await page.getByRole('status').filter({ hasText: 'The guide was imported.' }).waitFor();
  expected.push(['epg', 'Imported an XMLTV guide', 'epg/xmltv']);
  const m3u = path.join(dir, 'audit.m3u');
  fs.writeFileSync(
    m3u,
    `#EXTM3U\n#EXTINF:-1 tvg-id="audit.${stamp}",Audit Import ${stamp}\nhttp://example.test/a.m3u8\n`,
  );
  await page.getByLabel('M3U playlist').setInputFiles(m3u);
  await page.getByRole('button', { name: 'Import line-up' }).click();
  await page.getByRole('status').filter({ hasText: 'The line-up was imported.' }).waitFor();
  expected.push(['epg', 'Imported an M3U playlist', 'epg/playlist']);

  // Accounts: a tier change, and a stream ended.
  const email = await register('premium');
  const viewer = await apiLogin(server, email, PASSWORD);
  const started = await viewer.call('POST', '/api/v1/playback/sessions', { title_id: MOVIE });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const accountId = viewer.grant.account.id;
  await page.goto(`/admin/accounts/${accountId}`);
  await page.getByRole('heading', { name: email }).waitFor();
  await page.getByLabel('Tier').selectOption('standard');
  await page.getByRole('button', { name: 'Change tier' }).click();
  await page.getByRole('status').getByText('Tier changed to standard.').waitFor();
  expected.push(['accounts', 'Changed account', `accounts/${accountId}`]);
  await page
    .getByRole('row', { name: new RegExp(MOVIE_TITLE) })
    .getByRole('button', { name: /^End stream/ })
    .click();
  await page.getByRole('status').getByText('Stream ended.').waitFor();
  expected.push(['accounts', 'Ended a stream', `accounts/${accountId}/streams/${started.body.id}`]);

  // Each is on the log, filtered by its area: the admin who made it, what and on what.
  for (const [area, what, target] of expected) {
    await page.goto(`/admin/audit?area=${area}`);
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const row = page.getByRole('row', {
      name: new RegExp(`${esc(DEMO.admin.email)}\\s+${esc(what)}\\s+${esc(target)}$`),
    });
    await row.waitFor();
    assert.equal(await row.count(), 1, `${what} ${target} is on the log once`);
  }
  await checkA11y(page, { label: 'audit log filtered' });
  // The stream's row links to the account it was ended on.
  await page
    .getByRole('row', { name: /Ended a stream/ })
    .first()
    .getByRole('link')
    .click();
  await page.waitForURL(new RegExp(`/admin/accounts/${accountId}$`));
  await close();
});

test('bad input: binary guides, an upload over the limit and invalid forms are refused in words, nothing saved', async () => {
  const channelsBefore = (await admin.call('GET', '/api/v1/admin/channels?limit=1')).body.total;
  const titlesBefore = (await admin.call('GET', '/api/v1/admin/titles?limit=1')).body.total;
  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin, { to: '/admin/guide-import' });
  await page.getByRole('heading', { name: 'Guide import', level: 1 }).waitFor();

  // A PNG picked as the XMLTV guide, and as the M3U line-up.
  const png = path.join(dir, 'logo.png');
  fs.writeFileSync(png, Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(4000)]));
  await page.getByLabel('XMLTV file').setInputFiles(png);
  await page.getByRole('button', { name: 'Import guide' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /XMLTV line \d+: .{8,}/);
  await checkA11y(page, { label: 'a binary file refused as XMLTV' });
  await page.getByLabel('M3U playlist').setInputFiles(png);
  await page.getByRole('button', { name: 'Import line-up' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: /Nothing was imported\. M3U line \d+: .{8,}/ })
    .waitFor();

  // An invalid channel: the server's reasons under their fields, no channel made.
  await page.goto('/admin/channels/new');
  await page.getByLabel('Number').fill('0');
  await page.getByRole('button', { name: 'Create channel' }).click();
  await page.getByLabel('Number').and(page.locator('[aria-invalid="true"]')).waitFor();
  assert.equal(await page.getByLabel('Name').getAttribute('aria-invalid'), 'true');
  const numberError = await page.getByLabel('Number').getAttribute('aria-describedby');
  assert.ok((await page.locator(`[id="${numberError?.split(' ')[0]}"]`).innerText()).length > 5);
  assert.match(new URL(page.url()).pathname, /\/admin\/channels\/new$/);
  await checkA11y(page, { label: 'channel form with field errors' });

  // An empty title form: every required field said, no title made.
  await page.goto('/admin/titles/new');
  await page.getByRole('button', { name: 'Create title' }).click();
  for (const label of ['Title', 'Synopsis', 'Year', 'Runtime (minutes)']) {
    await page.getByLabel(label, { exact: true }).and(page.locator('[aria-invalid="true"]')).waitFor();
  }
  assert.match(new URL(page.url()).pathname, /\/admin\/titles\/new$/);

  // A programme that stops before it starts: refused at the field, the day stays empty.
  const made = await admin.call('POST', '/api/v1/admin/channels', {
    number: channelNumber(-1), // below the one above: an import takes the next number after it
    name: `Bad Input TV ${stamp}`,
    category: 'test',
    tier: 'basic',
    maturity_rating: 'all',
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  await page.goto(`/admin/schedule?channel=${made.body.id}&day=${farDay}`);
  await page.getByText('Nothing is scheduled on this day').waitFor();
  await page.getByRole('button', { name: 'Add programme', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Add a programme/ });
  await dialog.getByLabel('Programme title').fill('Backwards');
  await dialog.getByLabel('Start (UTC)').fill(`${farDay}T11:00`);
  await dialog.getByLabel('Stop (UTC)').fill(`${farDay}T10:00`);
  await dialog.getByRole('button', { name: 'Add programme' }).click();
  await dialog.getByLabel('Stop (UTC)').and(page.locator('[aria-invalid="true"]')).waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('Nothing is scheduled on this day').waitFor();
  const day = await admin.call(
    'GET',
    `/api/v1/epg/schedule/${made.body.id}?from=${farDay}T00:00:00Z&to=${farDay}T23:59:59Z`,
  );
  assert.deepEqual(day.body.items, []);

  // A video over the upload limit: refused before it is stored, said as the limit.
  const movie = await admin.call('POST', '/api/v1/admin/titles', {
    type: 'movie',
    title: `Too Big ${stamp}`,
    synopsis: 'A master file larger than the server takes.',
    year: 2026,
    runtime_minutes: 100,
    maturity_rating: 'all',
    tier: 'basic',
  });
  assert.equal(movie.status, 201, JSON.stringify(movie.body));
  const big = path.join(dir, 'master.mp4');
  fs.writeFileSync(big, Buffer.alloc(UPLOAD_LIMIT + 1_000_000));
  await page.goto(`/admin/titles/${movie.body.id}`);
  await page.getByRole('heading', { name: `Too Big ${stamp}`, level: 1 }).waitFor();
  await page.getByLabel('Video file').setInputFiles(big);
  await page.getByRole('button', { name: 'Upload video' }).click();
  const tooBig = page.getByRole('alert').filter({ hasText: String(UPLOAD_LIMIT) });
  await tooBig.waitFor();
  assert.match(await tooBig.innerText(), /exceeds/);
  assert.equal(new URL(page.url()).searchParams.get('job'), null, 'no packaging job started');
  await checkA11y(page, { label: 'an upload over the limit' });

  assert.equal((await admin.call('GET', '/api/v1/admin/channels?limit=1')).body.total, channelsBefore + 1);
  assert.equal((await admin.call('GET', '/api/v1/admin/titles?limit=1')).body.total, titlesBefore + 1);
  await close();
});

// Waits until the page has loaded: its heading is up, no request in flight, no skeleton left.
async function settled(page) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForFunction(() => !document.querySelector('.animate-pulse, [aria-busy="true"]'), null, {
    timeout: 15_000,
  });
}

test('axe finds nothing serious on any admin page at 1440×900 and 1280×720', async () => {
  const series = (await admin.call('GET', '/api/v1/admin/titles?type=series&limit=1')).body.items[0];
  const channel = (await admin.call('GET', '/api/v1/admin/channels?limit=1')).body.items[0];
  const account = (await admin.call('GET', `/api/v1/admin/accounts?q=${encodeURIComponent('basic@ott')}`)).body
    .items[0];
  const today = new Date().toISOString().slice(0, 10);
  const pages = [
    ['/admin/', 'Dashboard'],
    ['/admin/insights?q=how%20many%20titles%20per%20genre', 'Ask the data'],
    ['/admin/titles', 'Titles'],
    ['/admin/titles?q=zzzqqq', 'Titles'],
    ['/admin/titles/new', 'New title'],
    [`/admin/titles/${series.id}`, series.title],
    ['/admin/embeddings', 'Embeddings'],
    ['/admin/channels', 'Channels'],
    ['/admin/channels/new', 'New channel'],
    [`/admin/channels/${channel.id}`, `${channel.number} · ${channel.name}`],
    [`/admin/schedule?channel=${channel.id}&day=${today}`, 'Schedule'],
    ['/admin/guide-import', 'Guide import'],
    ['/admin/accounts', 'Accounts'],
    [`/admin/accounts/${account.id}`, account.email],
    ['/admin/audit', 'Audit log'],
    ['/admin/no-such-page', 'Page not found'],
  ];
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    const size = `${viewport.width}×${viewport.height}`;
    const { page, close } = await openPage(server, { viewport });
    await page.goto('/admin/signin');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkA11y(page, { label: `admin sign-in at ${size}` });
    await signInToAdmin(page);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    for (const [url, heading] of pages) {
      await page.goto(url);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await settled(page);
      // Nothing wider than the window: no sideways scrolling at either size.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow}px at ${size}`);
      await checkA11y(page, { label: `${url} at ${size}` });
    }
    await close();

    // A viewer account gets the page that says it needs the admin role.
    const viewer = await openPage(server, { viewport });
    await signInToAdmin(viewer.page, DEMO.demo);
    await viewer.page.getByRole('heading', { name: 'This needs the admin role' }).waitFor();
    await checkA11y(viewer.page, { label: `admin access page at ${size}` });
    await viewer.close();
  }
});

test('a disabled account: its player stops, and the viewer app refuses its sign-in in words', async () => {
  const email = await register('premium');
  const viewer = await openPage(server);
  const v = viewer.page;
  await signInAs(v, server, email, PASSWORD, email);
  await v.goto(`/watch/title/${MOVIE}?start=0`);
  await v.getByRole('heading', { level: 1, name: MOVIE_TITLE }).waitFor();
  await playedPast(v, 1);

  const { page, close } = await openPage(server);
  const accountId = (await apiLogin(server, email, PASSWORD)).grant.account.id;
  await signInToAdmin(page, DEMO.admin, { to: `/admin/accounts/${accountId}` });
  await page.getByRole('heading', { name: email }).waitFor();
  await page.getByRole('button', { name: 'Disable account' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disable account' }).click();
  await page.getByRole('status').getByText(`${email} is disabled and signed out.`).waitFor();
  await page.getByText('Nothing is playing on this account now.').waitFor();

  // Its stream ended with it: at its next heartbeat the player gives way to the sign-in page,
  // which says why.
  await v
    .getByRole('status')
    .getByText('This account is disabled, so what was playing has stopped.', { exact: false })
    .waitFor({ timeout: 15_000 });
  // Signing in again is refused with the server's reason, at the form.
  const again = await openPage(server);
  await again.page.goto('/signin');
  await again.page.getByLabel(/^email/i).fill(email);
  await again.page.getByLabel(/^password$/i).fill(PASSWORD);
  await again.page.getByRole('button', { name: /^sign in$/i }).click();
  const alert = again.page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /disabled/i);
  assert.match(new URL(again.page.url()).pathname, /^\/signin/);
  await checkA11y(again.page, { label: 'sign-in refused for a disabled account' });
  await again.close();

  // On the audit log as a change to that account, by the admin.
  await page.goto('/admin/audit?area=accounts');
  await page
    .getByRole('row', {
      name: new RegExp(`${esc(DEMO.admin.email)}\\s+Changed account\\s+accounts/${accountId}$`),
    })
    .waitFor();
  await close();
  await viewer.close();
});

test('every admin page is keyboard operable: each Tab stop shows where focus is', async () => {
  const series = (await admin.call('GET', '/api/v1/admin/titles?type=series&limit=1')).body.items[0];
  const channel = (await admin.call('GET', '/api/v1/admin/channels?limit=1')).body.items[0];
  const account = (await admin.call('GET', `/api/v1/admin/accounts?q=${encodeURIComponent('basic@ott')}`)).body
    .items[0];
  const pages = [
    '/admin/',
    '/admin/insights?q=how%20many%20titles%20per%20genre',
    '/admin/titles',
    '/admin/titles/new',
    `/admin/titles/${series.id}`,
    '/admin/embeddings',
    '/admin/channels',
    `/admin/channels/${channel.id}`,
    `/admin/schedule?channel=${channel.id}`,
    '/admin/guide-import',
    '/admin/accounts',
    `/admin/accounts/${account.id}`,
    '/admin/audit',
  ];
  const { page, close } = await openPage(server, { viewport: { width: 1280, height: 720 } });
  await signInToAdmin(page);
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  const unseen = [];
  let stops = 0;
  for (const url of pages) {
    await page.goto(url);
    await settled(page);
    // The first 40 Tab stops (the navigation, then the page's own controls).
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      // Visible focus: the element looks different focused than not (a ring or an outline).
      const stop = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const look = () => {
          const s = getComputedStyle(el);
          return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`;
        };
        const focused = look();
        el.blur();
        const blurred = look();
        el.focus();
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
        return { visible: focused !== blurred, what: `${el.tagName.toLowerCase()} “${name}”` };
      });
      if (stop) stops++;
      if (stop && !stop.visible) unseen.push(`${url}: ${stop.what}`);
    }
  }
  assert.ok(stops >= pages.length * 20, `Tab reached ${stops} controls`);
  assert.deepEqual([...new Set(unseen)], [], 'Tab stops without a visible focus indicator');
  await close();
});

// The report's counts, label → number.
const counts = async (report) =>
  Object.fromEntries(
    await report
      .locator('dt')
      .evaluateAll((dts) => dts.map((dt) => [dt.textContent, Number(dt.nextElementSibling.textContent)])),
  );

// Last: the playlist's channels link logos on the internet, which a page showing them would
// try (and, offline, fail) to load.
test('the real French XMLTV guide and the iptv-org M3U import with their counts', async (t) => {
  const xmltv = path.join(GUIDES, 'kazer_fr_2014-02-17_xmltv.xml');
  const m3u = path.join(GUIDES, 'iptv-org_us_filtered_playlist.m3u');
  if (!fs.existsSync(xmltv) || !fs.existsSync(m3u)) return t.skip(`${GUIDES} is missing (../shared/data)`);
  const { page, close } = await openPage(server);
  await signInToAdmin(page, DEMO.admin, { to: '/admin/guide-import' });
  await page.getByRole('heading', { name: 'Guide import', level: 1 }).waitFor();

  await page.getByLabel('XMLTV file').setInputFiles(xmltv);
  await page.getByRole('button', { name: 'Import guide' }).click();
  const report = page.getByRole('status').filter({ hasText: 'The guide was imported.' });
  await report.waitFor({ timeout: 60_000 });
  const guide = await counts(report);
  // The same figures the API test reads for this file (test_xmltv_import_of_real_guides).
  assert.equal(guide['Channels created'], 21);
  assert.equal(guide['Channels matched by XMLTV id'], 0);
  assert.ok(guide['Programmes created'] > 4000, JSON.stringify(guide));
  const added = guide['Programmes created'] + guide['Programmes updated'] + guide['Programmes skipped'];
  assert.ok(added >= 4767, `every programme accounted for: ${JSON.stringify(guide)}`);

  await page.getByLabel('M3U playlist').setInputFiles(m3u);
  await page.getByRole('button', { name: 'Import line-up' }).click();
  const lineup = page.getByRole('status').filter({ hasText: 'The line-up was imported.' });
  await lineup.waitFor({ timeout: 60_000 });
  const playlist = await counts(lineup);
  assert.equal(playlist['Channels created'] + playlist['Channels matched'], 678, JSON.stringify(playlist));
  assert.ok(playlist['Channels created'] >= 670, JSON.stringify(playlist));
  assert.equal(playlist['Entries skipped'], 0);
  await checkA11y(page, { label: 'real guide import reports' });

  // One of the playlist's channels can be scheduled (the picker shows no logos to fetch).
  await page.goto('/admin/schedule');
  await page.getByRole('option', { name: /· ABC 2 Portland OR \(KATU\)$/ }).waitFor({ state: 'attached' });
  await close();
});
