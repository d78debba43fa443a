#!/usr/bin/env node
// Browser test of the services pages, in Debian's Chromium driven by playwright-core:
//   node e2e/services.e2e.mjs --url http://127.0.0.1:PORT --token TOKEN --expect a,b,c
//                             [--screenshot FILE] [--timeout-ms 60000] [--chromium /usr/bin/chromium]
// 1. opens the URL (no stored token → sign-in page), signs in with a wrong token and expects
//    "Invalid or revoked token";
// 2. signs in with TOKEN and waits until every expected service has a visible card whose chart
//    drew a canvas of non-zero size;
// 3. opens the first expected service's page, clicks resolution 5m, expects a metrics request
//    with resolution=5m answered 200 and the chart redrawn for 5m.
// Prints exactly one line on stdout: "E2E OK services=<number of expected services>" (exit 0) or
// "E2E FAIL <reason>" (exit 1). Progress goes to stderr. --screenshot FILE saves the services
// page to FILE and the service page to FILE with "-service" before the extension.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
  const o = { url: '', token: '', expect: [], screenshot: '', timeoutMs: 60_000, chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) fail(`usage: ${a} needs a value`);
      return argv[++i];
    };
    if (a === '--url') o.url = val();
    else if (a === '--token') o.token = val();
    else if (a === '--expect') o.expect = val().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--screenshot') o.screenshot = val();
    else if (a === '--timeout-ms') o.timeoutMs = Number(val());
    else if (a === '--chromium') o.chromium = val();
    else fail(`usage: unknown argument ${a}`);
  }
  if (!o.url) fail('usage: --url is required');
  if (!o.token) fail('usage: --token is required');
  if (!o.expect.length) fail('usage: --expect needs at least one service name');
  if (!(o.timeoutMs > 0)) fail('usage: --timeout-ms must be a positive number');
  return o;
}

function secondShot(file) {
  const m = /^(.*?)(\.[^./\\]+)?$/.exec(file);
  return `${m[1]}-service${m[2] || '.png'}`;
}

const sel = (testid, attrs = {}) =>
  `[data-testid="${testid}"]` + Object.entries(attrs).map(([k, v]) => `[${k}=${JSON.stringify(v)}]`).join('');

async function run(o) {
  const deadline = Date.now() + o.timeoutMs;
  const left = () => {
    const ms = deadline - Date.now();
    if (ms <= 0) fail(`timed out after ${o.timeoutMs} ms`);
    return ms;
  };
  const apiPath = (u) => new URL(u).pathname;

  if (!fs.existsSync(o.chromium)) fail(`Chromium not found at ${o.chromium} (apt-get install -y chromium, or pass --chromium PATH)`);
  log(`launching ${o.chromium}`);
  try {
    browser = await chromium.launch({ executablePath: o.chromium, headless: true, args: CHROMIUM_ARGS, timeout: left() });
  } catch (e) {
    fail(`cannot launch Chromium at ${o.chromium}: ${e.message.split('\n')[0]}`);
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // 1. Sign-in page, wrong token first.
  log(`opening ${o.url}`);
  try {
    await page.goto(o.url, { waitUntil: 'domcontentloaded', timeout: left() });
  } catch (e) {
    fail(`cannot open ${o.url}: ${e.message.split('\n')[0]}`);
  }
  try {
    await page.waitForSelector(sel('signin-token'), { state: 'visible', timeout: left() });
  } catch {
    fail(`no sign-in form at ${page.url()} (expected a redirect to #/signin without a token)`);
  }

  log('signing in with a wrong token');
  const wrong = `nw_e2e_wrong_${Math.random().toString(36).slice(2, 10)}`;
  await page.fill(sel('signin-token'), wrong);
  const wrongMe = page.waitForResponse((r) => apiPath(r.url()) === '/api/me', { timeout: left() });
  await page.click(sel('signin-submit'));
  const wrongStatus = (await wrongMe.catch(() => fail('no GET /api/me request after Sign in'))).status();
  if (wrongStatus !== 401) fail(`GET /api/me with a wrong token answered ${wrongStatus}, expected 401`);
  try {
    await page.waitForSelector(sel('signin-error'), { state: 'visible', timeout: left() });
  } catch {
    fail('no sign-in error shown for a wrong token');
  }
  const errText = (await page.textContent(sel('signin-error'))) || '';
  if (!errText.includes('Invalid or revoked token')) fail(`sign-in error says "${errText}", expected "Invalid or revoked token"`);
  if (!page.url().includes('#/signin')) fail(`left the sign-in page after a wrong token: ${page.url()}`);

  // 2. Real sign-in, then the services page.
  log('signing in with the given token');
  await page.fill(sel('signin-token'), o.token);
  const me = page.waitForResponse((r) => apiPath(r.url()) === '/api/me', { timeout: left() });
  await page.click(sel('signin-submit'));
  const meRes = await me.catch(() => fail('no GET /api/me request after Sign in'));
  if (meRes.status() !== 200) fail(`GET /api/me with the given token answered ${meRes.status()}, expected 200`);
  try {
    await page.waitForURL(/#\/services\/?(\?.*)?$/, { timeout: left() });
  } catch {
    fail(`sign-in did not lead to the services page (at ${page.url()})`);
  }
  try {
    await page.waitForSelector(sel('user-name'), { state: 'visible', timeout: left() });
  } catch {
    fail('header does not show the signed-in user');
  }
  log(`signed in as ${await page.textContent(sel('user-name'))} (${await page.textContent(sel('user-role'))})`);

  log(`waiting for cards and charts of ${o.expect.join(', ')}`);
  let status = null;
  for (;;) {
    status = await page.evaluate((names) => {
      const visible = (el) => {
        if (!el) return false;
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
      };
      const cards = [...document.querySelectorAll('[data-testid="service-card"]')];
      const out = { present: cards.map((c) => c.getAttribute('data-service')), missing: [], noChart: [], points: {} };
      for (const n of names) {
        const card = cards.find((c) => c.getAttribute('data-service') === n);
        if (!visible(card)) {
          out.missing.push(n);
          continue;
        }
        const chart = card.querySelector('[data-testid="service-chart"]');
        const canvas = chart && chart.querySelector('canvas');
        const drawn = canvas && canvas.width > 0 && canvas.height > 0 && visible(canvas);
        if (!drawn) out.noChart.push(n);
        else out.points[n] = chart.getAttribute('data-points');
      }
      const err = document.querySelector('[data-testid="services-error"]');
      out.error = err ? err.textContent.trim() : '';
      out.empty = !!document.querySelector('[data-testid="services-empty"]');
      return out;
    }, o.expect);
    if (!status.missing.length && !status.noChart.length) break;
    if (Date.now() + 250 >= deadline) {
      const parts = [];
      if (status.missing.length) parts.push(`no card for ${status.missing.join(',')}`);
      if (status.noChart.length) parts.push(`no chart canvas for ${status.noChart.join(',')}`);
      parts.push(`cards shown: [${status.present.join(',')}]`);
      if (status.empty) parts.push('page shows the empty state');
      if (status.error) parts.push(`page error: ${status.error}`);
      fail(`services page after ${o.timeoutMs} ms: ${parts.join('; ')}`);
    }
    await page.waitForTimeout(250);
  }
  log(`cards: ${status.present.join(', ')}; chart points: ${JSON.stringify(status.points)}`);
  if (o.screenshot) {
    await page.screenshot({ path: o.screenshot, fullPage: true });
    log(`screenshot ${o.screenshot}`);
  }

  // 3. The first expected service's page, then resolution 5m.
  const first = o.expect[0];
  log(`opening the page of ${first}`);
  await page.click(sel('service-card', { 'data-service': first }));
  try {
    await page.waitForURL((u) => u.hash.startsWith(`#/services/${encodeURIComponent(first)}`), { timeout: left() });
  } catch {
    fail(`clicking the ${first} card did not open its page (at ${page.url()})`);
  }
  const chartDrawn = async (res) => {
    const chartSel = `${sel('metric-chart', { 'data-resolution': res })} canvas`;
    try {
      await page.waitForFunction(
        (s) => {
          const c = document.querySelector(s);
          if (!c) return false;
          const r = c.getBoundingClientRect();
          return c.width > 0 && c.height > 0 && r.width > 0 && r.height > 0;
        },
        chartSel,
        { timeout: left(), polling: 100 },
      );
    } catch {
      const err = await page.$eval(sel('metric-error'), (e) => e.textContent.trim()).catch(() => '');
      fail(`service page of ${first}: no chart drawn for resolution ${res}${err ? ` (page error: ${err})` : ''}`);
    }
  };
  await chartDrawn('1m');
  const metricsPath = `/api/services/${encodeURIComponent(first)}/metrics`;
  const is5m = (r) => {
    const u = new URL(r.url());
    return u.pathname === metricsPath && u.searchParams.get('resolution') === '5m';
  };
  const req5m = page.waitForRequest(is5m, { timeout: left() });
  const res5m = page.waitForResponse(is5m, { timeout: left() });
  log('switching resolution to 5m');
  await page.click(sel('resolution-5m'));
  const req = await req5m.catch(() => fail(`clicking resolution 5m issued no ${metricsPath}?resolution=5m request`));
  if (!/^Bearer \S+/.test(req.headers().authorization || '')) fail('the 5m metrics request carried no bearer token');
  const res = await res5m.catch(() => fail('the 5m metrics request got no response'));
  if (res.status() !== 200) fail(`${req.url()} answered ${res.status()}, expected 200`);
  const body = await res.json().catch(() => fail('the 5m metrics response is not JSON'));
  if (!body || !Array.isArray(body.points)) fail('the 5m metrics response has no points array');
  await chartDrawn('5m');
  const shown = await page.getAttribute(sel('metric-chart'), 'data-points');
  log(`5m chart drawn with ${shown} points (response had ${body.points.length})`);
  if (body.points.length > 0 && !(Number(shown) > 0)) fail(`5m chart shows no points but the response had ${body.points.length}`);
  if (o.screenshot) {
    const shot = secondShot(o.screenshot);
    await page.screenshot({ path: shot, fullPage: true });
    log(`screenshot ${shot}`);
  }

  if (pageErrors.length) fail(`uncaught error in the page: ${pageErrors[0]}`);
  return `services=${o.expect.length}`;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  await finish(false, e.message);
}
if (opts) {
  // Hard stop in case a browser call hangs past every per-step timeout.
  const guard = setTimeout(() => finish(false, `timed out after ${opts.timeoutMs} ms (hard limit)`), opts.timeoutMs + 15_000);
  try {
    const summary = await run(opts);
    clearTimeout(guard);
    await finish(true, summary);
  } catch (e) {
    clearTimeout(guard);
    await finish(false, e instanceof Failure ? e.message : `${e && e.name}: ${(e && e.message) || e}`.split('\n')[0]);
  }
}
