#!/usr/bin/env node
// Kinora player check: plays an HLS manifest in real headless Chromium with
// Shaka Player and reports whether playback actually advances.
//
// Why: Kinora packages VOD itself as HLS with fMP4/CMAF segments and HLS
// AES-128 full-segment encryption (clear init via EXT-X-MAP, every .m4s
// AES-128-CBC/PKCS#7, IV = media sequence number). Parsing the playlists is
// not enough to know a real player can fetch the key, decrypt, append to MSE
// and play; this script checks exactly that, end to end.
//
// What it checks and reports (one JSON line on stdout):
//   - video.currentTime advanced by >= --seconds (default 3) with no player
//     error, within --timeout seconds (default 60)  -> ok:true, exit 0
//   - segment (.m4s) responses that succeeded, key requests (path ending in
//     /key) and their HTTP status, the playing variant, and how Shaka saw the
//     encryption (AES key on segment references vs DRM).
//   --expect-failure inverts it: ok:true (exit 0) only when playback did NOT
//   advance and a player error was raised, e.g. the key endpoint refuses.
//
// Usage: node play.mjs <manifest-url> [--seconds N] [--timeout S] [--start-at T] [--expect-failure]
//   --start-at T: where load() starts, in presentation seconds (start-over uses 0)
//
// Runs its own static server on 127.0.0.1 (ephemeral port) for play.html and
// Shaka's compiled build. 127.0.0.1 counts as a secure context, which Shaka
// needs for WebCrypto (AES-128). The media server must send
// Access-Control-Allow-Origin. Chromium is /usr/bin/chromium (override with
// KINORA_CHROMIUM); playwright-core never downloads a browser.
// Exit codes: 0 ok, 1 check failed, 2 usage error.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function usage(msg) {
  if (msg) process.stderr.write(`play.mjs: ${msg}\n`);
  process.stderr.write('usage: node play.mjs <manifest-url> [--seconds N] [--timeout S] [--start-at T] [--expect-failure]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { url: null, seconds: 3, timeout: 60, startAt: null, expectFailure: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (name) => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) usage(`${name} needs a positive number`);
      return v;
    };
    if (a === '--seconds') opts.seconds = num(a);
    else if (a === '--timeout') opts.timeout = num(a);
    else if (a === '--start-at') {
      opts.startAt = Number(argv[++i]);
      if (!Number.isFinite(opts.startAt) || opts.startAt < 0) usage('--start-at needs a number >= 0');
    } else if (a === '--expect-failure') opts.expectFailure = true;
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (!opts.url) opts.url = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!opts.url) usage('missing manifest URL');
  try { new URL(opts.url); } catch { usage(`not a URL: ${opts.url}`); }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const t0 = Date.now();

let server = null;
let browser = null;
let printed = false;

function emit(result) {
  if (printed) return;
  printed = true;
  result.elapsedMs = Date.now() - t0;
  process.stdout.write(JSON.stringify(result) + '\n');
}

async function withTimeout(promise, ms, what) {
  let timer;
  const guard = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}

async function cleanup() {
  const b = browser;
  browser = null;
  if (b) {
    try { await withTimeout(b.close(), 5000, 'browser.close'); } catch { /* killed on exit below */ }
  }
  const s = server;
  server = null;
  if (s) {
    s.closeAllConnections?.();
    await new Promise((resolve) => s.close(() => resolve()));
  }
}

// Hard overall bound: whatever happens, print a result and exit.
const HARD_MS = Math.round(opts.timeout * 1000) + 20000;
const hardTimer = setTimeout(() => {
  emit({ ok: false, reason: `hard timeout after ${HARD_MS} ms`, manifest: opts.url });
  // playwright kills the browser it launched on process exit.
  process.exit(1);
}, HARD_MS);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    emit({ ok: false, reason: `interrupted by ${sig}`, manifest: opts.url });
    cleanup().finally(() => process.exit(1));
  });
}

// ---- static server for the harness page ----------------------------------
function startStaticServer() {
  const shakaMain = require.resolve('shaka-player'); // dist/shaka-player.compiled.js
  const files = {
    '/': { file: path.join(HERE, 'play.html'), type: 'text/html; charset=utf-8' },
    '/play.html': { file: path.join(HERE, 'play.html'), type: 'text/html; charset=utf-8' },
    '/shaka-player.compiled.js': { file: shakaMain, type: 'text/javascript; charset=utf-8' },
  };
  const srv = http.createServer((req, res) => {
    const p = new URL(req.url, 'http://x').pathname;
    const f = files[p];
    if (!f || req.method !== 'GET') {
      res.writeHead(p === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    fs.readFile(f.file, (err, body) => {
      if (err) { res.writeHead(500).end(String(err)); return; }
      res.writeHead(200, { 'Content-Type': f.type, 'Cache-Control': 'no-store' }).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pathOf(u) {
  try { return new URL(u).pathname; } catch { return u; }
}

async function main() {
  const { chromium } = await import('playwright-core');
  server = await startStaticServer();
  const pageUrl = `http://127.0.0.1:${server.address().port}/play.html`;

  browser = await withTimeout(chromium.launch({
    executablePath: process.env.KINORA_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--autoplay-policy=no-user-gesture-required'],
    timeout: 30000,
  }), 35000, 'chromium.launch');
  const page = await browser.newPage();

  // Network log of the media side (everything not served by the harness).
  const net = [];
  const harnessOrigin = new URL(pageUrl).origin;
  page.on('response', (r) => {
    const u = r.url();
    if (!u.startsWith(harnessOrigin)) net.push({ url: u, status: r.status() });
  });
  page.on('requestfailed', (r) => {
    const u = r.url();
    if (!u.startsWith(harnessOrigin)) {
      net.push({ url: u, status: null, failure: r.failure()?.errorText ?? 'failed' });
    }
  });
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.text().includes('internal Manifest structure is NOT covered')) return; // our getManifest()
    if ((m.type() === 'error' || m.type() === 'warning') && consoleErrors.length < 20) {
      consoleErrors.push(`${m.type()}: ${m.text()}`.slice(0, 300));
    }
  });
  page.on('pageerror', (e) => {
    if (consoleErrors.length < 20) consoleErrors.push(`pageerror: ${String(e.message).slice(0, 300)}`);
  });

  await page.goto(pageUrl, { waitUntil: 'load', timeout: 15000 });
  await page.waitForFunction(() => typeof window.playManifest === 'function', null, { timeout: 10000 });
  const browserVersion = browser.version();

  // Start playback without awaiting load(); poll the state instead.
  await page.evaluate(([u, at]) => { window.playManifest(u, undefined, at); }, [opts.url, opts.startAt]);

  const deadline = t0 + opts.timeout * 1000;
  let state = null;
  let startTime = null;   // currentTime when playback was first seen running
  let firstErrorAt = null;
  let pageDead = false;
  page.on('crash', () => { pageDead = true; });

  while (Date.now() < deadline && !pageDead) {
    try {
      state = await withTimeout(page.evaluate(() => window.kinoraState()), 5000, 'state poll');
    } catch (e) {
      consoleErrors.push(`poll: ${e.message}`);
      break;
    }
    if (startTime === null && state.loaded) startTime = state.currentTime;
    const advanced = startTime === null ? 0 : state.currentTime - startTime;
    if (state.errors.length) {
      if (firstErrorAt === null) firstErrorAt = Date.now();
      // Without --expect-failure any error fails the check: stop now.
      // With it, watch 2 more seconds to make sure time does not advance.
      if (!opts.expectFailure || Date.now() - firstErrorAt > 2000) break;
    } else if (!opts.expectFailure && advanced >= opts.seconds) {
      break;
    } else if (opts.expectFailure && advanced >= opts.seconds) {
      break; // it plays: the expected failure did not happen
    }
    if (state.ended) break;
    await sleep(250);
  }

  const currentTime = state ? state.currentTime : 0;
  const advanced = startTime === null ? 0 : currentTime - startTime;
  const errors = state ? state.errors : [];
  const played = advanced >= opts.seconds;
  const segs = net.filter((n) => pathOf(n.url).endsWith('.m4s'));
  const is2xx = (n) => n.status >= 200 && n.status < 300;
  const brief = (n) => (n.failure ? { url: n.url, status: n.status, failure: n.failure }
                                  : { url: n.url, status: n.status });
  const ok = opts.expectFailure
    ? (errors.length > 0 && advanced < Math.min(0.5, opts.seconds))
    : (played && errors.length === 0);

  let reason;
  if (ok) reason = opts.expectFailure ? 'playback failed as expected' : 'playback advanced';
  else if (pageDead) reason = 'page crashed';
  else if (opts.expectFailure) {
    reason = advanced >= Math.min(0.5, opts.seconds)
      ? `playback advanced ${advanced.toFixed(2)}s${errors.length ? ' despite a player error' : ''}`
      : 'no player error raised';
  }
  else if (errors.length) reason = 'player error';
  else if (state && state.ended) reason = `stream ended after advancing only ${advanced.toFixed(2)}s`;
  else reason = `playback advanced only ${advanced.toFixed(2)}s within ${opts.timeout}s`;

  emit({
    ok,
    reason,
    expectFailure: opts.expectFailure,
    manifest: opts.url,
    currentTime: Number(currentTime.toFixed(3)),
    startTime: startTime === null ? null : Number(startTime.toFixed(3)),
    advanced: Number(advanced.toFixed(3)),
    requiredSeconds: opts.seconds,
    loaded: state ? state.loaded : false,
    errors,
    keyRequests: net.filter((n) => pathOf(n.url).endsWith('/key')).map(brief),
    segmentsOk: segs.filter(is2xx).length,
    segmentsFailed: segs.filter((n) => n.status !== null && !is2xx(n)).length, // HTTP error status
    segmentsAborted: segs.filter((n) => n.status === null).length, // cancelled (e.g. ABR switch) or network error
    initSegmentsOk: net.filter((n) => pathOf(n.url).endsWith('.mp4') && is2xx(n)).length,
    subtitleRequests: net.filter((n) => pathOf(n.url).endsWith('.vtt')).map(brief),
    variant: state && state.variant
      ? { width: state.variant.width, height: state.variant.height, bandwidth: state.variant.bandwidth }
      : null,
    decodedSize: state ? { width: state.videoWidth, height: state.videoHeight } : null,
    variants: state ? state.variants : [],
    textTracks: state ? state.textTracks : [],
    encrypted: state && state.encryption
      ? Boolean(state.encryption.video?.aes || state.encryption.audio?.aes ||
                state.encryption.video?.drmEncrypted || state.encryption.audio?.drmEncrypted)
      : null,
    encryption: state ? state.encryption : null,
    warnings: state ? state.warnings : [],
    console: consoleErrors,
    shakaVersion: state ? state.shakaVersion : null,
    browser: browserVersion,
  });
  return ok;
}

let ok = false;
try {
  ok = await main();
} catch (e) {
  emit({ ok: false, reason: `harness error: ${e && e.message ? e.message : String(e)}`, manifest: opts.url });
} finally {
  await cleanup();
  clearTimeout(hardTimer);
}
process.exit(ok ? 0 : 1);
