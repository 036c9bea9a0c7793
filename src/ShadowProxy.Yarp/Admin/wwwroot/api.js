// The admin API, read relative to /admin/ with the session cookie.
import { state } from './state.js';

export const BASE = resolveBase();

function resolveBase() {
  const path = location.pathname;
  const last = path.slice(path.lastIndexOf('/') + 1);
  const dir = path.endsWith('/') ? path : last.includes('.') ? path.slice(0, path.lastIndexOf('/') + 1) : `${path}/`;
  return new URL(dir, location.origin);
}

function apiUrl(path, params = {}) {
  const url = new URL(path, BASE);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return url;
}

export class AuthRequired extends Error {}

export async function getJson(path, params) {
  const response = await fetch(apiUrl(path, params), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) throw new AuthRequired('401');
  if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
  const text = await response.text();
  return { text, data: JSON.parse(text) };
}

/** Runs a load whose answer is applied only if no newer load of the same kind started meanwhile. */
export async function latest(kind, load, apply) {
  const ticket = (state.seq[kind] = (state.seq[kind] || 0) + 1);
  const result = await load();
  if (ticket !== state.seq[kind]) return;
  const unchanged = state.seen[kind] === result.text;
  state.seen[kind] = result.text;
  apply(result.data, unchanged);
}
