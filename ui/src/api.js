// The one place that talks to the api-server: every call goes through request(), which adds the
// bearer token, parses JSON, turns {"error": "..."} bodies into ApiError, and reports a 401 on a
// stored token to the handler installed by the app (which signs the user out).

const TOKEN_KEY = 'nightwatch.token';

/** An HTTP error from the API (status 0 when the server could not be reached). */
export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

export function getToken() {
  try {
    return localStorage.getItem(TOKEN_KEY) || '';
  } catch {
    return '';
  }
}

export function setToken(token) {
  localStorage.setItem(TOKEN_KEY, token);
}

export function clearToken() {
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage unavailable: nothing to clear */
  }
}

let unauthorizedHandler = () => {};

/** Called with the ApiError whenever a call made with the stored token gets 401. */
export function onUnauthorized(fn) {
  unauthorizedHandler = fn;
}

function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * Calls the API. opts: method, query (object), body (JSON-serialised), token (overrides the stored
 * one; a 401 on an explicit token is only thrown, not reported), signal.
 */
export async function request(path, opts = {}) {
  const explicitToken = opts.token !== undefined;
  const token = explicitToken ? opts.token : getToken();
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res;
  try {
    res = await fetch(`/api${path}${queryString(opts.query)}`, {
      method: opts.method || 'GET',
      headers,
      body,
      signal: opts.signal,
      cache: 'no-store',
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Cannot reach the server', null);
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const message = (data && typeof data.error === 'string' && data.error) || `HTTP ${res.status}`;
    const err = new ApiError(res.status, message, data);
    if (res.status === 401 && !explicitToken) unauthorizedHandler(err);
    throw err;
  }
  return data;
}

const enc = encodeURIComponent;

/** The user behind a token: {name, role}. Pass a token to check one before storing it. */
export function getMe(token) {
  return request('/me', token === undefined ? {} : { token });
}

/** All services with instance count, versions and latest rollup (latest may be null). */
export function listServices(opts = {}) {
  return request('/services', opts);
}

/**
 * Rollup points of one metric of one service: {service, metric, resolution, points: [...]}.
 * from/to are Date or ISO strings.
 */
export function getServiceMetrics(name, { metric, resolution, from, to }, opts = {}) {
  return request(`/services/${enc(name)}/metrics`, {
    ...opts,
    query: { metric, resolution, from: isoSeconds(from), to: isoSeconds(to) },
  });
}

/** ISO-8601 UTC without milliseconds, e.g. 2026-11-22T05:40:00Z. */
export function isoSeconds(t) {
  if (t === undefined || t === null) return undefined;
  const d = t instanceof Date ? t : new Date(t);
  return new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Releases, newest change first: [{id, service, version, fromVersion, status, stage, stageCount, suspect, …}]. */
export function listReleases(query = {}, opts = {}) {
  return request('/releases', { ...opts, query });
}

/** One release with stages (verdicts per metric with statistics), events, commands, suspicions, escalations, instances. */
export function getRelease(id, opts = {}) {
  return request(`/releases/${enc(id)}`, opts);
}

/** Instance versions (of one service when given). */
export function listInstances(service, opts = {}) {
  return request('/instances', { ...opts, query: { service } });
}

/** Creates a release through the release system (operator). */
export function createRelease(body, opts = {}) {
  return request('/releases', { ...opts, method: 'POST', body });
}

/** pause | resume | cancel | rollback a release through the release system (operator). */
export function releaseAction(id, action, reason, opts = {}) {
  return request(`/releases/${enc(id)}/${action}`, { ...opts, method: 'POST', body: reason ? { reason } : {} });
}

/** Incidents, open first then most urgent: [{id, kind, title, service, severity, status, convergence, …}]. */
export function listIncidents(query = {}, opts = {}) {
  return request('/incidents', { ...opts, query });
}

/** One incident: {incident, members} (members: the incidents a summary collected). */
export function getIncident(id, opts = {}) {
  return request(`/incidents/${enc(id)}`, opts);
}

/** An incident's event log in pipeline order: [{eventId, type, at, attributes, detail, …}]. */
export function getIncidentEvents(id, opts = {}) {
  return request(`/incidents/${enc(id)}/events`, opts);
}

/** approve | reject an incident held by a convergence rule (operator). */
export function decideIncident(id, decision, comment, opts = {}) {
  return request(`/incidents/${enc(id)}/${decision}`, { ...opts, method: 'POST', body: comment ? { comment } : {} });
}
