#!/usr/bin/env node
// A tiny stand-in for the api-server, for UI development and for proving the e2e script:
// serves the built UI from a directory and the Nightwatch API (GET /api/me, /api/services,
// /api/services/{name}/metrics) with synthetic, deterministic rollups and one fixed token.
//
//   node e2e/mock-api.mjs [--port 0] [--host 127.0.0.1] [--dir dist] [--token nw_mock_token]
//                         [--services checkout,payments,search,gateway] [--no-rollups NAME,...]
//                         [--stale-hours N] [--log]
//
// Prints "MOCK listening http://HOST:PORT" once ready; stops on SIGINT/SIGTERM.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const opts = {
    port: 0,
    host: '127.0.0.1',
    dir: path.resolve(here, '..', 'dist'),
    token: 'nw_mock_token',
    services: 'checkout,payments,search,gateway',
    noRollups: '',
    staleHours: 0,
    log: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--port') opts.port = Number(next());
    else if (a === '--host') opts.host = next();
    else if (a === '--dir') opts.dir = path.resolve(next());
    else if (a === '--token') opts.token = next();
    else if (a === '--services') opts.services = next();
    else if (a === '--no-rollups') opts.noRollups = next();
    else if (a === '--stale-hours') opts.staleHours = Number(next());
    else if (a === '--log') opts.log = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const split = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);
const SERVICES = split(opts.services);
const NO_ROLLUPS = new Set(split(opts.noRollups));
for (const n of NO_ROLLUPS) if (!SERVICES.includes(n)) SERVICES.push(n);

const RES_SECONDS = { '1m': 60, '5m': 300, '15m': 900, '1h': 3600, '1d': 86400 };
const METRICS = {
  latency_ms: { base: 110, amp: 25, spread: 0.45, pcts: true },
  error_rate: { base: 0.012, amp: 0.006, spread: 0.8, pcts: false },
  cpu: { base: 0.45, amp: 0.15, spread: 0.3, pcts: false },
  qps: { base: 220, amp: 60, spread: 0.25, pcts: false },
};
const MAX_POINTS = 20_000;
const HISTORY_MS = 8 * 86_400_000;

function hash(str) {
  let h = 2166136261;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 4294967296;
}

// Data ends here: now, or --stale-hours before now (to try the UI's stale-data handling).
const dataEnd = () => Math.floor((Date.now() - opts.staleHours * 3_600_000) / 60_000) * 60_000;

function point(service, metric, resSeconds, t) {
  const m = METRICS[metric];
  const svcFactor = 0.6 + hash(service) * 0.9;
  const phase = hash(service + metric) * Math.PI * 2;
  const wave = Math.sin(t / 3_600_000 * Math.PI / 3 + phase);
  const jitter = hash(`${service}/${metric}/${resSeconds}/${t}`) - 0.5;
  const avg = Math.max(0, (m.base + m.amp * wave + m.amp * 0.8 * jitter) * svcFactor);
  const count = Math.round((resSeconds / 60) * (40 + 16 * hash(`${service}/${t}/c`)));
  const min = avg * (1 - m.spread * (0.5 + 0.5 * hash(`${t}/min/${service}`)));
  const max = avg * (1 + m.spread * 1.6 * (0.5 + 0.5 * hash(`${t}/max/${service}`)));
  const r = (v) => Math.round(v * 1000) / 1000;
  return {
    windowStart: new Date(t).toISOString().replace('.000Z', 'Z'),
    count,
    sum: r(avg * count),
    min: r(min),
    max: r(max),
    avg: r(avg),
    p50: m.pcts ? r(avg * 0.93) : null,
    p90: m.pcts ? r(avg + (max - avg) * 0.55) : null,
    p99: m.pcts ? r(avg + (max - avg) * 0.9) : null,
  };
}

function serviceInfo(name, i) {
  const instances = 2 + Math.floor(hash(name) * 5);
  const versions = i % 2 === 0 ? [`1.${i + 2}.${Math.floor(hash(name) * 9)}`] : [`2.0.${i}`, `2.1.0`];
  if (NO_ROLLUPS.has(name)) return { name, instances: 0, versions: [], latest: null };
  const t = dataEnd() - 60_000;
  const metrics = {};
  for (const metric of Object.keys(METRICS)) {
    const { count, sum, min, max, avg } = point(name, metric, 60, t);
    metrics[metric] = { count, sum, min, max, avg };
  }
  return { name, instances, versions, latest: { windowStart: new Date(t).toISOString().replace('.000Z', 'Z'), resolution: '1m', metrics } };
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(text);
}

function api(req, res, url) {
  const auth = req.headers.authorization || '';
  const m = /^Bearer\s+(.+)$/i.exec(auth);
  if (!m) return sendJson(res, 401, { error: 'missing bearer token' });
  if (m[1].trim() !== opts.token) return sendJson(res, 401, { error: 'invalid or revoked token' });
  if (req.method !== 'GET') return sendJson(res, 405, { error: 'method not allowed' });

  const p = url.pathname;
  if (p === '/api/me') return sendJson(res, 200, { name: 'demo-viewer', role: 'viewer' });
  if (p === '/api/services') return sendJson(res, 200, SERVICES.map(serviceInfo));

  const mm = /^\/api\/services\/([^/]+)\/metrics$/.exec(p);
  if (mm) {
    const name = decodeURIComponent(mm[1]);
    if (!SERVICES.includes(name)) return sendJson(res, 404, { error: `unknown service '${name}'` });
    const q = url.searchParams;
    const metric = q.get('metric');
    const resolution = q.get('resolution');
    if (!metric) return sendJson(res, 400, { error: 'metric is missing' });
    if (!RES_SECONDS[resolution]) {
      return sendJson(res, 400, { error: `unknown resolution '${resolution}'; expected one of 1m, 5m, 15m, 1h, 1d` });
    }
    const from = Date.parse(q.get('from') || '');
    const to = Date.parse(q.get('to') || '');
    if (Number.isNaN(from) || Number.isNaN(to)) return sendJson(res, 400, { error: 'from and to must be ISO-8601 instants' });
    if (from >= to) return sendJson(res, 400, { error: 'from must be before to' });
    const step = RES_SECONDS[resolution] * 1000;
    const points = [];
    if (METRICS[metric] && !NO_ROLLUPS.has(name)) {
      const end = Math.min(to, dataEnd());
      const start = Math.max(from, dataEnd() - HISTORY_MS);
      // Windows are aligned to the epoch (so 1d windows start at UTC midnight).
      for (let t = Math.ceil(start / step) * step; t < end; t += step) {
        if (points.length >= MAX_POINTS) return sendJson(res, 400, { error: 'too many points; narrow the range or coarsen the resolution' });
        points.push(point(name, metric, step / 1000, t));
      }
    }
    return sendJson(res, 200, { service: name, metric, resolution, points });
  }
  return sendJson(res, 404, { error: 'not found' });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function staticFile(req, res, url) {
  let rel = decodeURIComponent(url.pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(opts.dir, '.' + rel);
  if (!file.startsWith(opts.dir + path.sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  fs.readFile(file, (err, buf) => {
    if (err) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : buf);
  });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (opts.log) process.stderr.write(`${req.method} ${req.url}\n`);
  try {
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) api(req, res, url);
    else staticFile(req, res, url);
  } catch (e) {
    sendJson(res, 500, { error: String(e && e.message) });
  }
});

if (!fs.existsSync(path.join(opts.dir, 'index.html'))) {
  process.stderr.write(`mock-api: warning: no index.html in ${opts.dir} (build the UI first)\n`);
}

server.listen(opts.port, opts.host, () => {
  const { address, port } = server.address();
  process.stdout.write(`MOCK listening http://${address}:${port}\n`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
