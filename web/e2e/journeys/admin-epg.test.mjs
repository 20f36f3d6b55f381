// The admin guide: channels (a taken number said at the field), a channel's schedule with an
// overlap refused and the programme in the way opened, XMLTV and M3U imports with their
// reports, and an embedding job followed to the end.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { apiLogin, checkA11y, DEMO, openPage, signInToAdmin, startKinora, VIEWPORTS } from '../lib/harness.mjs';

let server;
let dir;
before(async () => {
  server = await startKinora();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-admin-epg-'));
});
after(async () => server?.stop());

async function adminSignIn(page, to) {
  await signInToAdmin(page, DEMO.admin, { to });
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/signin'));
}

// A UTC day well ahead of the demo guide, so the journey's programmes meet nothing else.
const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
const stamp = (d, hhmm) => `${d.replaceAll('-', '')}${hhmm.replace(':', '')}00 +0000`;
const suffix = Date.now().toString(36);

test('a channel: created, a taken number refused at the field, then scheduled', async () => {
  const { page, close } = await openPage(server);
  await adminSignIn(page, '/admin/channels');
  await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();
  await page.getByRole('link', { name: /Meridian News 24/ }).waitFor();
  await checkA11y(page, { label: 'admin channels table' });

  await page.getByRole('link', { name: 'New channel' }).click();
  const name = `Journey News ${suffix}`;
  await page.getByLabel('Number').fill('950');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Category').fill('news');
  await page.getByLabel('XMLTV id').fill(`journey.${suffix}`);
  await page.getByLabel('Tier').selectOption('standard');
  await page.getByRole('button', { name: 'Create channel' }).click();
  await page.getByRole('heading', { name: `950 · ${name}` }).waitFor();
  const channelId = new URL(page.url()).pathname.split('/').pop();
  await page.getByRole('img', { name: `${name} logo` }).waitFor();
  await checkA11y(page, { label: 'channel edit page' });

  // The same number again: a 409 the server pins to `number`, shown under that field.
  await page.getByRole('link', { name: 'All channels' }).click();
  await page.getByRole('link', { name: 'New channel' }).click();
  await page.getByLabel('Number').fill('950');
  await page.getByLabel('Name').fill(`Another ${suffix}`);
  await page.getByLabel('Category').fill('news');
  await page.getByRole('button', { name: 'Create channel' }).click();
  await page.getByText('Is taken by another channel.').waitFor();
  assert.equal(await page.getByLabel('Number').getAttribute('aria-invalid'), 'true');
  await checkA11y(page, { label: 'channel form with a 409' });

  // Its schedule on a free day: add, an overlap refused, the one in the way opened and edited.
  await page.goto(`/admin/schedule?channel=${channelId}&day=${day}`);
  await page.getByText('Nothing is scheduled on this day').waitFor();
  await checkA11y(page, { label: 'empty schedule' });
  await page.getByRole('button', { name: 'Add programme', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: /Add a programme/ });
  await dialog.getByLabel('Programme title').fill('Journey Hour');
  await dialog.getByLabel('Start (UTC)').fill(`${day}T10:00`);
  await dialog.getByLabel('Stop (UTC)').fill(`${day}T11:00`);
  await dialog.getByLabel('Category').fill('News');
  await dialog.getByRole('button', { name: 'Add programme' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('cell', { name: 'Journey Hour', exact: true }).waitFor();
  await page.getByRole('cell', { name: '10:00 – 11:00' }).waitFor();
  await checkA11y(page, { label: 'schedule with a programme' });

  await page.getByRole('button', { name: 'Add programme', exact: true }).click();
  dialog = page.getByRole('dialog', { name: /Add a programme/ });
  await dialog.getByLabel('Programme title').fill('Clash');
  await dialog.getByLabel('Start (UTC)').fill(`${day}T10:30`);
  await dialog.getByLabel('Stop (UTC)').fill(`${day}T11:30`);
  await dialog.getByRole('button', { name: 'Add programme' }).click();
  await dialog.getByText(/overlaps programme \d+ 'Journey Hour'/).waitFor();
  assert.equal(await dialog.getByLabel('Start (UTC)').getAttribute('aria-invalid'), 'true');
  await checkA11y(page, { label: 'programme dialog with a conflict' });
  await dialog.getByRole('button', { name: 'Open “Journey Hour”' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit “Journey Hour”' });
  await dialog.getByLabel('Stop (UTC)').fill(`${day}T10:45`);
  await dialog.getByLabel('Programme title').fill('Journey Hour (short)');
  await dialog.getByRole('button', { name: 'Save programme' }).click();
  await page.getByRole('cell', { name: '10:00 – 10:45' }).waitFor();

  // Copied to the next day: the same UTC times there.
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await page.getByRole('button', { name: 'Copy to other days' }).click();
  dialog = page.getByRole('dialog', { name: /^Copy/ });
  await dialog.getByRole('checkbox').first().check();
  await checkA11y(page, { label: 'copy a day' });
  await dialog.getByRole('button', { name: 'Replace 1 day' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Next day' }).click();
  await page.waitForURL(new RegExp(`day=${next}`));
  await page.getByRole('cell', { name: 'Journey Hour (short)', exact: true }).waitFor();
  await page.getByRole('cell', { name: '10:00 – 10:45' }).waitFor();
  await page.getByRole('button', { name: 'Previous day' }).click();

  await page.getByRole('button', { name: 'Delete Journey Hour (short)' }).click();
  dialog = page.getByRole('dialog', { name: /^Delete/ });
  await dialog.getByRole('button', { name: 'Delete programme' }).click();
  await page.getByText('Nothing is scheduled on this day').waitFor();
  await close();
});

test('a day’s gaps: before, between and after programmes (one crossing midnight), and one filled', async () => {
  const admin = await apiLogin(server, DEMO.admin.email, DEMO.admin.password);
  const created = await admin.call('POST', '/api/v1/admin/channels', {
    number: 960,
    name: `Gappy ${suffix}`,
    category: 'test',
    tier: 'basic',
    maturity_rating: 'all',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const channel = created.body.id;
  const gapDay = new Date(Date.parse(`${day}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
  const before = new Date(Date.parse(`${gapDay}T00:00:00Z`) - 3_600_000).toISOString().replace('.000Z', 'Z');
  for (const [title, start, stop] of [
    ['Late Film', before, `${gapDay}T01:00:00Z`],
    ['Morning A', `${gapDay}T10:00:00Z`, `${gapDay}T11:00:00Z`],
    ['Morning B', `${gapDay}T11:00:00Z`, `${gapDay}T12:00:00Z`],
    ['Afternoon', `${gapDay}T14:00:00Z`, `${gapDay}T15:30:00Z`],
  ]) {
    const made = await admin.call('POST', '/api/v1/admin/schedule', { channel_id: channel, title, start, stop });
    assert.equal(made.status, 201, JSON.stringify(made.body));
  }

  const { page, close } = await openPage(server, { viewport: { width: 1280, height: 720 } });
  await adminSignIn(page, `/admin/schedule?channel=${channel}&day=${gapDay}`);
  await page.getByRole('cell', { name: 'Afternoon', exact: true }).waitFor();
  const gaps = page.getByRole('button', { name: /^Add programme here/ });
  assert.equal(await gaps.count(), 3);
  // Back-to-back programmes leave no gap; the day ends at 24:00.
  for (const [span, length] of [
    ['01:00 – 10:00', '9 h unscheduled'],
    ['12:00 – 14:00', '2 h unscheduled'],
    ['15:30 – 24:00', '8 h 30 min unscheduled'],
  ]) {
    const row = page.getByRole('row').filter({ hasText: span });
    await row.getByText(length).waitFor();
    await row.getByText('Gap', { exact: true }).waitFor();
  }
  await checkA11y(page, { label: 'schedule with gaps' });

  await page.getByRole('button', { name: 'Add programme here (12:00 – 14:00)' }).click();
  const dialog = page.getByRole('dialog', { name: /Add a programme/ });
  assert.equal(await dialog.getByLabel('Start (UTC)').inputValue(), `${gapDay}T12:00`);
  assert.equal(await dialog.getByLabel('Stop (UTC)').inputValue(), `${gapDay}T14:00`);
  await dialog.getByLabel('Programme title').fill('Lunch Show');
  await dialog.getByRole('button', { name: 'Add programme' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('cell', { name: 'Lunch Show', exact: true }).waitFor();
  await page
    .getByRole('row')
    .filter({ hasText: '12:00 – 14:00' })
    .getByRole('cell', { name: 'Lunch Show', exact: true })
    .waitFor();
  assert.equal(await gaps.count(), 2);

  // An empty day is one gap, the whole day.
  await page.getByRole('button', { name: 'Next day' }).click();
  await page.getByText('Nothing is scheduled on this day').waitFor();
  await page.getByRole('button', { name: 'Add programme here (00:00 – 24:00)' }).waitFor();
  await page.getByRole('row').filter({ hasText: '00:00 – 24:00' }).getByText('24 h unscheduled').waitFor();
  await close();
});

test('an XMLTV guide and an M3U line-up are imported with their reports; a broken file is refused', async () => {
  const xml = path.join(dir, 'guide.xml');
  fs.writeFileSync(
    xml,
    `<?xml version="1.0" encoding="UTF-8"?>
<tv generator-info-name="journey">
  <channel id="imported.${suffix}"><display-name>Imported ${suffix}</display-name></channel>
  <programme start="${stamp(day, '06:00')}" stop="${stamp(day, '07:00')}" channel="imported.${suffix}">
    <title>Imported Morning</title><category>News</category>
  </programme>
  <programme start="${stamp(day, '07:00')}" stop="${stamp(day, '08:30')}" channel="imported.${suffix}">
    <title>Imported Film</title>
  </programme>
  <programme start="${stamp(day, '09:00')}" channel="imported.${suffix}"><title>No stop</title></programme>
</tv>
`,
  );
  const broken = path.join(dir, 'broken.xml');
  fs.writeFileSync(broken, '<?xml version="1.0"?>\n<tv>\n  <programme>\n</tv>\n');
  const m3u = path.join(dir, 'lineup.m3u');
  fs.writeFileSync(
    m3u,
    `#EXTM3U\n#EXTINF:-1 tvg-id="imported.${suffix}" group-title="News",Imported ${suffix}\nhttp://example.test/1.m3u8\n#EXTINF:-1 tvg-chno="977",Playlist Only ${suffix}\nhttp://example.test/2.m3u8\n#EXTINF:-1,No URL\n`,
  );

  const { page, close } = await openPage(server, { viewport: VIEWPORTS.phone });
  await adminSignIn(page, '/admin/guide-import');
  await page.getByRole('heading', { name: 'Guide import', level: 1 }).waitFor();
  await checkA11y(page, { label: 'guide import page' });

  await page.getByLabel('XMLTV file').setInputFiles(broken);
  await page.getByRole('button', { name: 'Import guide' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /line \d+/);

  await page.getByLabel('XMLTV file').setInputFiles(xml);
  await page.getByRole('button', { name: 'Import guide' }).click();
  const report = page.getByRole('status').filter({ hasText: 'The guide was imported.' });
  await report.waitFor();
  const counts = async (r) =>
    Object.fromEntries(
      await r.locator('dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent, Number(dt.nextSibling.textContent)])),
    );
  assert.deepEqual(await counts(report), {
    'Channels matched by XMLTV id': 0,
    'Channels created': 1,
    'Programmes created': 2,
    'Programmes updated': 0,
    'Earlier programmes replaced': 0,
    'Programmes skipped': 1,
  });
  await checkA11y(page, { label: 'XMLTV import report' });

  await page.getByLabel('M3U playlist').setInputFiles(m3u);
  await page.getByRole('button', { name: 'Import line-up' }).click();
  const lineup = page.getByRole('status').filter({ hasText: 'The line-up was imported.' });
  await lineup.waitFor();
  const m = await counts(lineup);
  assert.equal(m['Channels matched'], 1);
  assert.equal(m['… by tvg-id'], 1);
  assert.equal(m['Channels created'], 1);
  assert.equal(m['Entries skipped'], 1);

  // The exports download with the admin's token; the line-up now lists the imported channel.
  const download = async (name) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return fs.readFileSync(await file.path(), 'utf8');
  };
  assert.match(await download('Download XMLTV guide'), /^<\?xml[^]*<tv[ >]/);
  const exported = await download('Download M3U line-up');
  assert.match(exported, /^#EXTM3U/);
  assert.ok(exported.includes(`Imported ${suffix}`), 'the exported line-up has the imported channel');

  // The imported programmes are on the channel's schedule.
  await page.goto(`/admin/schedule?day=${day}`);
  const option = page.getByRole('option', { name: new RegExp(`· Imported ${suffix}$`) });
  await page.getByLabel('Channel').selectOption((await option.getAttribute('value')) ?? '');
  await page.getByRole('cell', { name: 'Imported Film', exact: true }).waitFor();
  await checkA11y(page, { label: 'schedule on a phone' });
  await close();
});

test('an embedding job is started and followed until it finishes', async () => {
  const { page, close } = await openPage(server);
  await adminSignIn(page, '/admin/embeddings');
  await page.getByRole('heading', { name: 'Embeddings', level: 1 }).waitFor();
  await page.getByText(/^\d+ of \d+$/).waitFor();
  await checkA11y(page, { label: 'embeddings page' });
  await page.getByRole('checkbox', { name: 'Embed every title again' }).check();
  await page.getByRole('button', { name: 'Generate embeddings' }).click();
  await page.waitForURL(/[?&]job=[0-9a-f]{16}/);
  const status = page.getByRole('status').filter({ hasText: /titles checked/ });
  await status.filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
  assert.match(await status.innerText(), /Finished · (\d+) of \1 titles checked, \1 embedded \(every title again\)/);
  assert.equal(await page.getByRole('progressbar', { name: 'Embedding job' }).getAttribute('aria-valuenow'), '100');
  await checkA11y(page, { label: 'embedding job finished' });
  await close();
});
