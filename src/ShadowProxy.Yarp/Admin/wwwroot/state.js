// The explorer's one state object and what is derived from it; the metric catalogue comes from the API (api/metrics).
import { fixed, isNum, minus, pct, signed, signedPp } from './format.js';

export const REFRESH_MS = 5000;

export const STATE_RANK = { drift: 2, warning: 1, ok: 0, warming_up: -1 };

// Metric names, units and descriptions come from the gateway's catalogue (api/metrics), never from this file.
export const catalogue = new Map();

const isRate = (name) => catalogue.get(name)?.unit === 'ratio';

export const state = {
  drift: null,
  models: null,
  history: null,
  selectedKey: null,
  filters: { metric: '', outcome: '', page: 1 },
  pairs: null,
  openPairId: null,
  paused: false,
  timer: 0,
  authRequired: false,
  lastOk: null,
  seen: {},
  seq: {},
};

export function metricValue(name, v) {
  if (isRate(name)) return pct(v);
  return catalogue.get(name)?.unit === 'log_ratio' ? signed(v) : fixed(v);
}

export function metricDelta(name, v) {
  if (isRate(name)) return signedPp(v);
  return catalogue.get(name)?.unit === 'log_ratio' ? signed(v) : signed(v, 3);
}

export function metricInterval(name, lo, hi) {
  if (!isNum(lo) || !isNum(hi)) return '';
  return isRate(name)
    ? minus(`[${(lo * 100).toFixed(1)}, ${(hi * 100).toFixed(1)}]`)
    : minus(`[${lo.toFixed(2)}, ${hi.toFixed(2)}]`);
}

export const routeKey = (r) => JSON.stringify([r.route, r.primary_model]);

export function sortedRoutes() {
  const routes = state.drift?.routes || [];
  return [...routes].sort((a, b) => (STATE_RANK[b.state] ?? 0) - (STATE_RANK[a.state] ?? 0) || a.route.localeCompare(b.route));
}

export function selectedRoute() {
  return sortedRoutes().find((r) => routeKey(r) === state.selectedKey) || null;
}
