// Number, time and metric-name formatting shared by the pages.

export const RESOLUTIONS = ['1m', '5m', '15m', '1h', '1d'];
export const RANGES = ['1h', '6h', '24h', '7d'];

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** '5m' → 300000, '24h' → 86400000. */
export function durationMs(text) {
  const m = /^(\d+)([mhd])$/.exec(text || '');
  return m ? Number(m[1]) * UNIT_MS[m[2]] : NaN;
}

const LABELS = { latency_ms: 'Latency', error_rate: 'Error rate', cpu: 'CPU', qps: 'QPS' };
const UNITS = { latency_ms: 'ms' };

export function metricLabel(metric) {
  return LABELS[metric] || metric;
}

export function metricUnit(metric) {
  return UNITS[metric] || '';
}

/** Compact, readable number: 1,234 · 115.0 · 2.35 · 0.0123; '—' for null. */
export function fmtNum(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const a = Math.abs(v);
  if (a >= 10_000) return Math.round(v).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  if (a === 0) return '0';
  return Number(v.toPrecision(3)).toString();
}

/** Table cell: steady decimals (0 from 1,000 up, 2 from 1 up, else 3 significant digits). */
export function fmtCell(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 1 || a === 0) return v.toFixed(2);
  return Number(v.toPrecision(3)).toString();
}

export function fmtValue(v, metric) {
  const s = fmtNum(v);
  const unit = metricUnit(metric);
  return unit && s !== '—' ? `${s} ${unit}` : s;
}

function pad(n) {
  return String(n).padStart(2, '0');
}

/** Local time: 'YYYY-MM-DD HH:mm' (or with seconds). */
export function fmtTime(t, { seconds = false } = {}) {
  if (!t) return '—';
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return String(t);
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return seconds ? `${base}:${pad(d.getSeconds())}` : base;
}

/** '3 min ago', '2 h ago', 'in the future'. */
export function fmtAgo(t, now = Date.now()) {
  if (!t) return '';
  const diff = now - new Date(t).getTime();
  if (Number.isNaN(diff)) return '';
  if (diff < -60_000) return 'in the future';
  if (diff < 60_000) return 'just now';
  if (diff < 3_600_000) return `${Math.round(diff / 60_000)} min ago`;
  if (diff < 86_400_000) return `${Math.round(diff / 3_600_000)} h ago`;
  return `${Math.round(diff / 86_400_000)} d ago`;
}

/**
 * The end of a time window of rangeMs to show: now, unless the service's latest rollup is older
 * than the whole window (stale data), in which case the window ends just after that rollup so the
 * chart still shows the last data. Returns {from, to, stale}.
 */
export function timeWindow(latest, rangeMs, now = Date.now()) {
  let to = now;
  let stale = false;
  if (latest && latest.windowStart) {
    const latestEnd = new Date(latest.windowStart).getTime() + (durationMs(latest.resolution) || 60_000);
    if (!Number.isNaN(latestEnd)) {
      if (latestEnd < now - rangeMs) {
        to = latestEnd;
        stale = true;
      } else if (latestEnd > now) {
        to = latestEnd; // browser clock behind the server's
      }
    }
  }
  return { from: new Date(to - rangeMs), to: new Date(to), stale };
}
