#!/usr/bin/env node
// Browser test of the releases pages, in Debian's Chromium driven by playwright-core:
//   node e2e/releases.e2e.mjs --url http://127.0.0.1:PORT --viewer TOKEN --operator TOKEN
//        --expect rel-a,rel-b --failed REL --suspect REL --active REL
//        [--screenshot FILE] [--timeout-ms 60000] [--chromium /usr/bin/chromium]
// 1. signs in with the viewer token and opens Releases from the header: every expected release has a row, the
//    --suspect one is marked suspect;
// 2. opens the --failed release: its status is ROLLED_BACK, stage 1's verdict FAIL, latency_ms classified High with
//    its statistics shown, instance versions listed, and no operator actions for a viewer;
// 3. signs in as the operator, opens the --active release and pauses it with a reason: a POST
//    /api/releases/REL/pause answered 200 and the page says the release system reports PAUSED.
// Prints exactly one line on stdout: "E2E OK releases=<n>" (exit 0) or "E2E FAIL <reason>" (exit 1); progress on
// stderr. --screenshot FILE saves the list to FILE and the failed release to FILE with "-release" before the
// extension.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser = null;
let finished = false;

function log(msg) {
  process.stderr.write(`e2e: ${msg}\n`);
}

async function finish(ok, text) {
  if (finished) return;
  finished = true;
  const line = ok ? `E2E OK ${text}` : `E2E FAIL ${String(text).replace(/\s+/g, ' ').trim()}`;
  if (browser) {
    await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  }
  process.stdout.write(`${line}\n`, () => process.exit(ok ? 0 : 1));
}

class Failure extends Error {}
const fail = (reason) => {
  throw new Failure(reason);
};

function parseArgs(argv) {
  const o = { url: '', viewer: '', operator: '', expect: [], failed: '', suspect: '', active: '', screenshot: '',
    timeoutMs: 60_000, chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) fail(`usage: ${a} needs a value`);
      return argv[++i];
    };
    if (a === '--url') o.url = val();
    else if (a === '--viewer') o.viewer = val();
    else if (a === '--operator') o.operator = val();
    else if (a === '--expect') o.expect = val().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--failed') o.failed = val();
    else if (a === '--suspect') o.suspect = val();
    else if (a === '--active') o.active = val();
    else if (a === '--screenshot') o.screenshot = val();
    else if (a === '--timeout-ms') o.timeoutMs = Number(val());
    else if (a === '--chromium') o.chromium = val();
    else fail(`usage: unknown argument ${a}`);
  }
  for (const k of ['url', 'viewer', 'operator', 'failed', 'suspect', 'active']) {
    if (!o[k]) fail(`usage: --${k} is required`);
  }
  if (!o.expect.length) fail('usage: --expect needs at least one release id');
  if (!(o.timeoutMs > 0)) fail('usage: --timeout-ms must be a positive number');
  return o;
}

const sel = (testid, attrs = {}) =>
  `[data-testid="${testid}"]` + Object.entries(attrs).map(([k, v]) => `[${k}=${JSON.stringify(v)}]`).join('');

function secondShot(file) {
  const m = /^(.*?)(\.[^./\\]+)?$/.exec(file);
  return `${m[1]}-release${m[2] || '.png'}`;
}

async function run(o) {
  const deadline = Date.now() + o.timeoutMs;
  const left = () => {
    const ms = deadline - Date.now();
    if (ms <= 0) fail(`timed out after ${o.timeoutMs} ms`);
    return ms;
  };
  const apiPath = (u) => new URL(u).pathname;
  const visible = async (selector, what) => {
    try {
      await page.waitForSelector(selector, { state: 'visible', timeout: left() });
    } catch {
      fail(`${what} not shown at ${page.url()}`);
    }
  };

  if (!fs.existsSync(o.chromium)) fail(`Chromium not found at ${o.chromium} (apt-get install -y chromium, or pass --chromium PATH)`);
  log(`launching ${o.chromium}`);
  try {
    browser = await chromium.launch({ executablePath: o.chromium, headless: true, args: CHROMIUM_ARGS, timeout: left() });
  } catch (e) {
    fail(`cannot launch Chromium at ${o.chromium}: ${e.message.split('\n')[0]}`);
  }
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  async function signIn(token, who) {
    log(`signing in as the ${who}`);
    await visible(sel('signin-token'), 'the sign-in form');
    await page.fill(sel('signin-token'), token);
    const me = page.waitForResponse((r) => apiPath(r.url()) === '/api/me', { timeout: left() });
    await page.click(sel('signin-submit'));
    const res = await me.catch(() => fail('no GET /api/me request after Sign in'));
    if (res.status() !== 200) fail(`GET /api/me with the ${who} token answered ${res.status()}, expected 200`);
    try {
      await page.waitForURL((u) => !u.hash.startsWith('#/signin'), { timeout: left() });
    } catch {
      fail(`sign-in as the ${who} stayed on ${page.url()}`);
    }
  }

  // 1. The list, reached through the header.
  log(`opening ${o.url}`);
  try {
    await page.goto(o.url, { waitUntil: 'domcontentloaded', timeout: left() });
  } catch (e) {
    fail(`cannot open ${o.url}: ${e.message.split('\n')[0]}`);
  }
  await signIn(o.viewer, 'viewer');
  await visible(sel('nav-releases'), 'the Releases link in the header');
  const listed = page.waitForResponse((r) => apiPath(r.url()) === '/api/releases', { timeout: left() });
  await page.click(sel('nav-releases'));
  const listRes = await listed.catch(() => fail('no GET /api/releases after opening Releases'));
  if (listRes.status() !== 200) fail(`GET /api/releases answered ${listRes.status()}`);
  for (const id of o.expect) {
    await visible(sel('release-row', { 'data-release': id }), `the row of release ${id}`);
  }
  const suspectBadges = await page.locator(`${sel('release-row', { 'data-release': o.suspect })} ${sel('release-suspect')}`).count();
  if (suspectBadges !== 1) fail(`release ${o.suspect} is not marked suspect in the list`);
  const clean = await page.locator(`${sel('release-row', { 'data-release': o.failed })} ${sel('release-suspect')}`).count();
  if (clean !== 0) fail(`release ${o.failed} is marked suspect in the list`);
  if (o.screenshot) await page.screenshot({ path: o.screenshot, fullPage: true });

  // 2. The failed release, read-only for a viewer.
  log(`opening release ${o.failed}`);
  await page.click(`${sel('release-row', { 'data-release': o.failed })} a`);
  await visible(sel('release-status', { 'data-status': 'ROLLED_BACK' }), `status ROLLED_BACK of ${o.failed}`);
  await visible(sel('release-stage', { 'data-stage': '1', 'data-verdict': 'FAIL' }), 'stage 1 with verdict FAIL');
  await visible(sel('metric-verdict', { 'data-metric': 'latency_ms', 'data-classification': 'High' }), 'latency_ms classified High');
  const stats = (await page.textContent(sel('metric-statistics', { 'data-metric': 'latency_ms' }))) || '';
  if (!/shift .*\[.*\].* p /.test(stats)) fail(`latency_ms statistics show "${stats.trim()}", expected the shift, its interval and p`);
  const instances = await page.locator(sel('instance-row')).count();
  if (instances < 1) fail('no instance versions shown');
  if ((await page.locator(sel('release-actions')).count()) !== 0) fail('a viewer is offered release actions');
  if (o.screenshot) await page.screenshot({ path: secondShot(o.screenshot), fullPage: true });

  // 3. The operator pauses the active release.
  log('signing out');
  await page.click(sel('signout'));
  await signIn(o.operator, 'operator');
  log(`opening release ${o.active}`);
  await page.goto(`${o.url}/#/releases/${encodeURIComponent(o.active)}`, { waitUntil: 'domcontentloaded', timeout: left() });
  await visible(sel('release-actions'), 'the operator actions');
  await page.fill(sel('release-reason'), 'e2e hold');
  const paused = page.waitForResponse((r) => apiPath(r.url()) === `/api/releases/${o.active}/pause` && r.request().method() === 'POST', { timeout: left() });
  await page.click(sel('release-action-pause'));
  const pauseRes = await paused.catch(() => fail('no POST .../pause after clicking pause'));
  if (pauseRes.status() !== 200) fail(`POST /api/releases/${o.active}/pause answered ${pauseRes.status()}: ${await pauseRes.text()}`);
  if ((pauseRes.request().headers().authorization || '') !== `Bearer ${o.operator}`) fail('the pause request did not carry the operator token');
  await visible(sel('release-action-result'), 'the result of the pause');
  const result = (await page.textContent(sel('release-action-result'))) || '';
  if (!result.includes('PAUSED')) fail(`the page says "${result}", expected the release system's PAUSED`);

  if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
  return `releases=${o.expect.length}`;
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (e) {
  await finish(false, e.message);
}
const watchdog = setTimeout(() => finish(false, `timed out after ${options.timeoutMs} ms`), options.timeoutMs + 10_000);
try {
  const text = await run(options);
  clearTimeout(watchdog);
  await finish(true, text);
} catch (e) {
  clearTimeout(watchdog);
  await finish(false, e instanceof Failure ? e.message : `${e.name}: ${e.message}`);
}
