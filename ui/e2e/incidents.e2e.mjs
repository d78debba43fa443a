#!/usr/bin/env node
// Browser test of the incidents pages, in Debian's Chromium driven by playwright-core:
//   node e2e/incidents.e2e.mjs --url http://127.0.0.1:PORT --viewer TOKEN --operator TOKEN
//        --expect inc-a,sum-b,inc-c --collected inc-d --incident inc-a --release rel-7 --summary sum-b --held inc-c
//        [--screenshot FILE] [--timeout-ms 60000] [--chromium /usr/bin/chromium]
// 1. signs in with the viewer token and opens Incidents from the header: every --expect incident has a row, the
//    --collected one is hidden until "include incidents collected into a summary" is ticked (a GET with all=true);
// 2. opens the --incident: its timeline shows OPENED, ENRICHED, CONVERGED, ANALYSIS_REQUESTED, NOTIFIED and RESOLVED
//    in that order, the notification's firing alerts with their labels, a muted alert with its reason, the
//    enrichment naming --release, and the release linked; a viewer is offered no approval;
// 3. opens the --summary and finds the --collected incident among its members, and follows it;
// 4. signs in as the operator, opens the --held incident and approves it with a comment: a POST
//    /api/incidents/ID/approve answered 202 with the operator's token, and the page confirms it.
// Prints exactly one line on stdout: "E2E OK incidents=<n> events=<m>" (exit 0) or "E2E FAIL <reason>" (exit 1);
// progress on stderr. --screenshot FILE saves the list to FILE and the incident page to FILE with "-incident"
// before the extension.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LIFE = ['OPENED', 'ENRICHED', 'CONVERGED', 'ANALYSIS_REQUESTED', 'NOTIFIED', 'RESOLVED'];

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
  const o = { url: '', viewer: '', operator: '', expect: [], collected: '', incident: '', release: '', summary: '',
    held: '', screenshot: '', timeoutMs: 60_000, chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
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
    else if (a === '--collected') o.collected = val();
    else if (a === '--incident') o.incident = val();
    else if (a === '--release') o.release = val();
    else if (a === '--summary') o.summary = val();
    else if (a === '--held') o.held = val();
    else if (a === '--screenshot') o.screenshot = val();
    else if (a === '--timeout-ms') o.timeoutMs = Number(val());
    else if (a === '--chromium') o.chromium = val();
    else fail(`usage: unknown argument ${a}`);
  }
  for (const k of ['url', 'viewer', 'operator', 'collected', 'incident', 'release', 'summary', 'held']) {
    if (!o[k]) fail(`usage: --${k} is required`);
  }
  if (!o.expect.length) fail('usage: --expect needs at least one incident id');
  if (!(o.timeoutMs > 0)) fail('usage: --timeout-ms must be a positive number');
  return o;
}

const sel = (testid, attrs = {}) =>
  `[data-testid="${testid}"]` + Object.entries(attrs).map(([k, v]) => `[${k}=${JSON.stringify(v)}]`).join('');

function secondShot(file) {
  const m = /^(.*?)(\.[^./\\]+)?$/.exec(file);
  return `${m[1]}-incident${m[2] || '.png'}`;
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

  // 1. The list, reached through the header; collected incidents only on demand.
  log(`opening ${o.url}`);
  try {
    await page.goto(o.url, { waitUntil: 'domcontentloaded', timeout: left() });
  } catch (e) {
    fail(`cannot open ${o.url}: ${e.message.split('\n')[0]}`);
  }
  await signIn(o.viewer, 'viewer');
  await visible(sel('nav-incidents'), 'the Incidents link in the header');
  const listed = page.waitForResponse((r) => apiPath(r.url()) === '/api/incidents', { timeout: left() });
  await page.click(sel('nav-incidents'));
  const listRes = await listed.catch(() => fail('no GET /api/incidents after opening Incidents'));
  if (listRes.status() !== 200) fail(`GET /api/incidents answered ${listRes.status()}`);
  for (const id of o.expect) {
    await visible(sel('incident-row', { 'data-incident': id }), `the row of incident ${id}`);
  }
  if ((await page.locator(sel('incident-row', { 'data-incident': o.collected })).count()) !== 0) {
    fail(`the collected incident ${o.collected} is listed without "include collected"`);
  }
  const withAll = page.waitForResponse((r) => apiPath(r.url()) === '/api/incidents' && new URL(r.url()).searchParams.get('all') === 'true',
    { timeout: left() });
  await page.check(sel('incidents-all'));
  const allRes = await withAll.catch(() => fail('no GET /api/incidents?all=true after ticking "include collected"'));
  if (allRes.status() !== 200) fail(`GET /api/incidents?all=true answered ${allRes.status()}`);
  await visible(sel('incident-row', { 'data-incident': o.collected }), `the row of the collected incident ${o.collected}`);
  if (o.screenshot) await page.screenshot({ path: o.screenshot, fullPage: true });

  // 2. One incident's life as a timeline.
  log(`opening incident ${o.incident}`);
  await page.click(`${sel('incident-row', { 'data-incident': o.incident })} a`);
  await visible(sel('incident-title'), `the title of ${o.incident}`);
  await visible(sel('timeline-event'), 'the timeline');
  const types = await page.locator(sel('timeline-event')).evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
  let at = 0;
  for (const t of LIFE) {
    const i = types.indexOf(t, at);
    if (i < 0) fail(`the timeline shows ${types.join(' → ')}, expected ${LIFE.join(' → ')} in that order`);
    at = i + 1;
  }
  const firing = await page.locator(`${sel('timeline-event', { 'data-type': 'OPENED' })} ${sel('timeline-firing')} li`).allTextContents();
  if (!firing.length || !firing.every((t) => /instance=/.test(t))) fail(`the OPENED step lists firing alerts ${JSON.stringify(firing)}, expected their labels`);
  const muted = (await page.locator(`${sel('timeline-event', { 'data-type': 'NOTIFIED' })} ${sel('timeline-muted')}`).textContent().catch(() => '')) || '';
  if (!/silenced by/.test(muted)) fail(`the NOTIFIED step shows muted alerts "${muted.trim()}", expected one silenced with its silence`);
  const enriched = (await page.textContent(`${sel('timeline-event', { 'data-type': 'ENRICHED' })} ${sel('timeline-text')}`)) || '';
  if (!enriched.includes(o.release)) fail(`the enrichment says "${enriched}", expected release ${o.release}`);
  await visible(sel('incident-release'), 'the release link');
  if ((await page.textContent(sel('incident-release'))).trim() !== o.release) fail('the release link does not name the release');
  if ((await page.locator(sel('incident-actions')).count()) !== 0) fail('a viewer is offered approval actions');
  if (o.screenshot) await page.screenshot({ path: secondShot(o.screenshot), fullPage: true });

  // 3. A summary and the incidents it collected.
  log(`opening summary ${o.summary}`);
  await page.goto(`${o.url}/#/incidents/${encodeURIComponent(o.summary)}`, { waitUntil: 'domcontentloaded', timeout: left() });
  await visible(sel('incident-member', { 'data-incident': o.collected }), `${o.collected} among the members of ${o.summary}`);
  await page.click(`${sel('incident-member', { 'data-incident': o.collected })} a`);
  await visible(sel('incident-converged-into'), `the summary link on ${o.collected}`);
  if ((await page.textContent(sel('incident-converged-into'))).trim() !== o.summary) fail(`${o.collected} does not link back to ${o.summary}`);

  // 4. The operator approves a held incident.
  log('signing out');
  await page.click(sel('signout'));
  await signIn(o.operator, 'operator');
  log(`opening held incident ${o.held}`);
  await page.goto(`${o.url}/#/incidents/${encodeURIComponent(o.held)}`, { waitUntil: 'domcontentloaded', timeout: left() });
  await visible(sel('incident-actions'), 'the approval actions');
  await page.fill(sel('incident-comment'), 'e2e go ahead');
  const approved = page.waitForResponse((r) => apiPath(r.url()) === `/api/incidents/${o.held}/approve` && r.request().method() === 'POST',
    { timeout: left() });
  await page.click(sel('incident-approve'));
  const res = await approved.catch(() => fail('no POST .../approve after clicking approve'));
  if (res.status() !== 202) fail(`POST /api/incidents/${o.held}/approve answered ${res.status()}: ${await res.text()}`);
  if ((res.request().headers().authorization || '') !== `Bearer ${o.operator}`) fail('the approval did not carry the operator token');
  await visible(sel('incident-action-result'), 'the confirmation of the approval');

  if (pageErrors.length) fail(`page errors: ${pageErrors.join(' | ')}`);
  return `incidents=${o.expect.length + 1} events=${types.length}`;
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
