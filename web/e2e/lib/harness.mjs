// The browser journeys' harness: a real `kinora serve` (SQLite, demo data, packaged test
// media, the built web apps) and Debian's Chromium driven by playwright-core.
// A page fails its test on any console error, uncaught exception or 5xx answer.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const KINORA = process.env.KINORA_BIN ?? path.join(ROOT, 'build/kinora');
const DEMO_CLIPS = ['--demo-clips', '2', '--demo-clip-seconds', '16'];
const MEDIA_SECRET = 'e2e-media-secret-' + 'm'.repeat(32);
const JWT_SECRET = 'e2e-jwt-secret-' + 'k'.repeat(32);

export const DEMO = {
  demo: { email: 'demo@ott.test', password: 'demo123', profile: 'Demo User' },
  premium: { email: 'premium@ott.test', password: 'test123', profile: 'Premium User' },
  basic: { email: 'basic@ott.test', password: 'test123', profile: 'Basic User' },
  standard: { email: 'standard@ott.test', password: 'test123', profile: 'Standard User' },
  admin: { email: 'admin@ott.test', password: 'admin123', profile: 'Admin' },
};

// ffmpeg packages the demo clips once per checkout; every journey's server shares them.
function packagedMedia() {
  const dir = process.env.KINORA_E2E_MEDIA ?? path.join(ROOT, 'build/e2e-media');
  const done = path.join(dir, '.packaged');
  if (fs.existsSync(done)) return path.join(dir, 'media');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const out = spawnSync(
    KINORA,
    [
      'media',
      'build',
      '--database-url',
      `sqlite:${dir}/build.db`,
      '--demo',
      '--media-dir',
      `${dir}/media`,
      '--log-level',
      'warn',
      ...DEMO_CLIPS,
    ],
    { encoding: 'utf8', timeout: 600_000 },
  );
  assert.equal(out.status, 0, `kinora media build failed:\n${out.stderr}${out.stdout}`);
  fs.writeFileSync(done, '');
  return path.join(dir, 'media');
}

// A kinora serve of its own on a free loopback port; stop() also closes the browser.
export async function startKinora({ args = [] } = {}) {
  assert.ok(fs.existsSync(KINORA), `${KINORA} is missing: run scripts/build.sh`);
  for (const app of ['client', 'admin']) {
    const index = path.join(ROOT, 'web', app, 'dist/index.html');
    assert.ok(fs.existsSync(index), `${index} is missing: run npm run build in web/`);
  }
  const media = packagedMedia();
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-e2e-'));
  const logPath = path.join(workdir, 'server.log');
  const log = fs.openSync(logPath, 'w');
  const databaseUrl = `sqlite:${workdir}/k.db`;
  const spawnServer = (port) =>
    spawn(
      KINORA,
      [
        'serve',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--database-url',
        databaseUrl,
        '--demo',
        '--jwt-secret',
        JWT_SECRET,
        '--web-root',
        path.join(ROOT, 'web'),
        '--login-attempts-per-address',
        '100000',
        '--media-dir',
        media,
        '--media-secret',
        MEDIA_SECRET,
        ...DEMO_CLIPS,
        ...args,
      ],
      { stdio: ['ignore', log, log] },
    );
  const halt = async (proc) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await exited;
  };
  let child = spawnServer(0);
  const port = await listeningPort(logPath, child);
  const baseUrl = `http://127.0.0.1:${port}`;
  await embeddingsReady(baseUrl);
  return {
    baseUrl,
    logPath,
    databaseUrl,
    // Stops the server; start() brings it back on the same port and database.
    async halt() {
      await halt(child);
    },
    async start() {
      const from = fs.statSync(logPath).size;
      child = spawnServer(port);
      await listeningPort(logPath, child, from);
      await embeddingsReady(baseUrl);
    },
    async stop() {
      await closeBrowser();
      await halt(child);
      fs.closeSync(log);
    },
  };
}

// The server listens at once and embeds the catalog in the background: journeys that
// check recommendations want every vector in, which /readyz reports.
async function embeddingsReady(baseUrl, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await (await fetch(`${baseUrl}/readyz`)).json();
    if (ready.encoder?.startup_embedding?.status !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('kinora did not finish embedding the catalog in time');
}

async function listeningPort(logPath, child, fromByte = 0) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`kinora exited:\n${fs.readFileSync(logPath, 'utf8')}`);
    for (const line of fs.readFileSync(logPath).subarray(fromByte).toString('utf8').split('\n')) {
      if (!line.includes('"msg":"listening"')) continue;
      const port = JSON.parse(line).port;
      if (port) return port;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`kinora did not start listening in time:\n${fs.readFileSync(logPath, 'utf8')}`);
}

let browser = null;

export async function launchBrowser() {
  browser ??= await chromium.launch({
    executablePath: process.env.KINORA_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  return browser;
}

export async function closeBrowser() {
  const b = browser;
  browser = null;
  await b?.close();
}

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
  tv: { width: 1920, height: 1080 },
};

// An API answer the app handles (a 4xx problem), or no answer while the server is down,
// is logged by Chromium as a failed load; that is not the app's error. Anything else is.
function handledLoadFailure(text, url) {
  if (/^Failed to load resource: net::ERR_CONNECTION_REFUSED/.test(text)) return true;
  if (!/^Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return false;
  try {
    return new URL(url).pathname.startsWith('/api/');
  } catch {
    return false;
  }
}

// A fresh browser context (own cookies and storage) with one page; close() asserts that
// nothing went wrong on the page while the journey ran.
export async function openPage(server, { viewport = VIEWPORTS.desktop, context: contextOptions = {} } = {}) {
  const b = await launchBrowser();
  const context = await b.newContext({ baseURL: server.baseUrl, viewport, ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (handledLoadFailure(msg.text(), msg.location().url)) return;
    problems.push(`console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.stack ?? err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 500) problems.push(`${res.status()} from ${res.request().method()} ${res.url()}`);
  });
  return {
    page,
    context,
    problems,
    async close() {
      await context.close();
      assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
    },
  };
}

// Signs in through the real pages and picks a profile (entering its PIN when asked).
export async function signInAs(page, server, email, password, profileName, { pin } = {}) {
  await page.goto('/signin');
  await page.getByLabel(/^email/i).fill(email);
  await page.getByLabel(/^password$/i).fill(password);
  await page.getByRole('button', { name: /^sign in$/i }).click();
  // An account with one profile and no PIN skips "Who's watching?".
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  if (!new URL(page.url()).pathname.startsWith('/profiles')) return;
  await page.getByRole('button', { name: new RegExp(`^${escapeRegExp(profileName)}`) }).click();
  if (pin) {
    await page.getByLabel(/^pin/i).waitFor();
    await page.keyboard.type(pin);
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/profiles') && !url.pathname.startsWith('/signin'));
}

// Signs into the admin app through its sign-in page, starting from `to` (which sends a
// signed-out visitor to /admin/signin); callers wait for the page they expect.
export async function signInToAdmin(page, { email, password } = DEMO.admin, { to = '/admin/' } = {}) {
  await page.goto(to);
  await page.waitForURL(/\/admin\/signin/);
  await page.getByLabel(/^email/i).fill(email);
  await page.getByLabel(/^password$/i).fill(password);
  await page.getByRole('button', { name: /^sign in$/i }).click();
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// axe-core on the page as it is now: no serious or critical violation.
export async function checkA11y(page, { label = page.url() } = {}) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} — ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  });
  assert.deepEqual(violations, [], `accessibility violations on ${label}:\n${violations.join('\n')}`);
}

// The JSON API outside the browser, for setting up a journey (tokens in the body).
// A short ffmpeg test pattern with a tone, for journeys that upload a video.
export function makeTestClip(seconds = 4) {
  const clip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-clip-')), 'pattern.mp4');
  const out = spawnSync(
    'ffmpeg',
    [
      ...['-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=320x240:rate=25`],
      ...['-f', 'lavfi', '-i', `sine=duration=${seconds}`],
      ...['-c:v', 'libx264', '-c:a', 'aac', clip],
    ],
    { encoding: 'utf8' },
  );
  assert.equal(out.status, 0, `ffmpeg failed: ${out.stderr}`);
  return clip;
}

export async function apiLogin(server, email, password) {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const text = await res.text();
  assert.equal(res.status, 200, `login ${email}: ${res.status} ${text}`);
  const grant = JSON.parse(text);
  return {
    grant,
    async call(method, apiPath, body) {
      const r = await fetch(`${server.baseUrl}${apiPath}`, {
        method,
        headers: { authorization: `Bearer ${grant.access_token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
  };
}
