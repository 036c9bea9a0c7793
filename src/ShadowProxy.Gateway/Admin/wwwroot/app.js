// The drift explorer: reads the admin API relative to /admin/ and draws everything with the DOM API.
// API text only ever reaches the page through textContent/text nodes, never through innerHTML.
'use strict';

const REFRESH_MS = 5000;
const SVG_NS = 'http://www.w3.org/2000/svg';
const STATE_RANK = { drift: 2, warning: 1, ok: 0, warming_up: -1 };
const STATE_TEXT = { drift: '▲ drift', warning: '! warning', ok: '✓ ok', warming_up: '… warming up' };
// Metric names, units and descriptions come from the gateway's catalogue (api/metrics), never from this file.
const catalogue = new Map();
const isRate = (name) => catalogue.get(name)?.unit === 'ratio';

const BASE = resolveBase();
const $ = (id) => document.getElementById(id);

const state = {
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

// ---------- plumbing ----------

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

class AuthRequired extends Error {}

async function getJson(path, params) {
  const response = await fetch(apiUrl(path, params), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) throw new AuthRequired('401');
  if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
  const text = await response.text();
  return { text, data: JSON.parse(text) };
}

/** Runs a load whose answer is applied only if no newer load of the same kind started meanwhile. */
async function latest(kind, load, apply) {
  const ticket = (state.seq[kind] = (state.seq[kind] || 0) + 1);
  const result = await load();
  if (ticket !== state.seq[kind]) return;
  const unchanged = state.seen[kind] === result.text;
  state.seen[kind] = result.text;
  apply(result.data, unchanged);
}

function h(tag, props, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  appendAll(el, children);
  return el;
}

function svg(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  appendAll(el, children);
  return el;
}

function setProps(el, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style') Object.assign(el.style, value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function appendAll(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

// ---------- formatting ----------

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
const minus = (s) => s.replace('-', '\u2212');
const pct = (v, digits = 1) => (isNum(v) ? `${(v * 100).toFixed(digits)}%` : '—');
const signedPp = (v) => (isNum(v) ? minus(`${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} pp`) : '—');
const signed = (v, digits = 2) => (isNum(v) ? minus(`${v >= 0 ? '+' : ''}${v.toFixed(digits)}`) : '—');
const fixed = (v, digits = 3) => (isNum(v) ? minus(v.toFixed(digits)) : '—');
const count = (v) => (isNum(v) ? v.toLocaleString('en-US') : '—');
const ms = (v) => (isNum(v) ? `${Math.round(v).toLocaleString('en-US')} ms` : '—');

function pValue(v) {
  if (!isNum(v)) return '—';
  if (v < 0.0001) return '< 0.0001';
  return v < 0.01 ? v.toFixed(4) : v.toFixed(3);
}

function metricValue(name, v) {
  if (isRate(name)) return pct(v);
  return catalogue.get(name)?.unit === 'log_ratio' ? signed(v) : fixed(v);
}

function metricDelta(name, v) {
  if (isRate(name)) return signedPp(v);
  return catalogue.get(name)?.unit === 'log_ratio' ? signed(v) : signed(v, 3);
}

function metricInterval(name, lo, hi) {
  if (!isNum(lo) || !isNum(hi)) return '';
  return isRate(name)
    ? minus(`[${(lo * 100).toFixed(1)}, ${(hi * 100).toFixed(1)}]`)
    : minus(`[${lo.toFixed(2)}, ${hi.toFixed(2)}]`);
}

function time(iso, withSeconds = true) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const opts = { hour: '2-digit', minute: '2-digit', hour12: false };
  if (withSeconds) opts.second = '2-digit';
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay ? d.toLocaleTimeString([], opts) : `${d.toLocaleDateString([], { month: 'short', day: 'numeric' })} ${d.toLocaleTimeString([], opts)}`;
}

function ago(iso) {
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 5) return 'just now';
  if (seconds < 120) return `${seconds} s ago`;
  return seconds < 7200 ? `${Math.round(seconds / 60)} min ago` : `${Math.round(seconds / 3600)} h ago`;
}

const badge = (st) => h('span', { class: `badge state-${st}` }, STATE_TEXT[st] || st);
const routeKey = (r) => JSON.stringify([r.route, r.primary_model]);
/** Lets long snake_case names wrap after an underscore when a card is narrow; textContent stays the same. */
const breakable = (name) => String(name).split('_').flatMap((part, i) => (i ? ['_', h('wbr'), part] : [part]));
const plural = (n, word) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
const humanize = (s) => String(s).replace(/_/g, ' ');

// ---------- refresh loop ----------

async function refresh() {
  clearTimeout(state.timer);
  try {
    if (catalogue.size === 0) await loadCatalogue();
    await loadDrift();
    await Promise.all([loadModels(), loadHistory(), loadPairs()]);
    state.lastOk = new Date();
    showBanner(null);
  } catch (error) {
    if (error instanceof AuthRequired) return showLogin();
    showBanner(`Cannot read the admin API (${error.message}). Showing the last data; retrying every ${REFRESH_MS / 1000} s.`);
  }
  schedule();
}

function schedule() {
  clearTimeout(state.timer);
  if (!state.paused && !state.authRequired && !document.hidden) state.timer = setTimeout(refresh, REFRESH_MS);
}

function showBanner(message) {
  const banner = $('banner');
  banner.hidden = !message;
  banner.textContent = message || '';
}

function showLogin() {
  state.authRequired = true;
  clearTimeout(state.timer);
  $('content').hidden = true;
  $('login').hidden = false;
  $('topbar').dataset.state = 'unknown';
  $('overall').textContent = 'Sign in to see drift';
  $('pause').hidden = true;
  document.title = 'Sign in · ShadowProxy';
  $('token').focus();
}

// ---------- overview ----------

async function loadCatalogue() {
  const { data } = await getJson('api/metrics');
  for (const metric of data.metrics) catalogue.set(metric.name, metric);
  // Every per-pair judgement can filter the pair list, the first one (answer disagreement) by default.
  const select = $('filter-metric');
  const all = select.querySelector('option[value=""]');
  for (const metric of data.metrics) {
    if (metric.kind === 'PairedFlag' || metric.kind === 'Disagreement') {
      select.insertBefore(h('option', { value: metric.name }, `${metric.title} differs`), all);
    }
  }
  if (!state.filters.metric) state.filters.metric = select.options[0].value;
  select.value = state.filters.metric;
}

async function loadDrift() {
  await latest('drift', () => getJson('api/drift'), (data, unchanged) => {
    state.drift = data;
    const routes = sortedRoutes();
    if (!routes.some((r) => routeKey(r) === state.selectedKey)) state.selectedKey = routes.length ? routeKey(routes[0]) : null;
    renderHeader();
    if (!unchanged) {
      renderOverview();
      renderRouteSelect();
    }
  });
}

function sortedRoutes() {
  const routes = state.drift?.routes || [];
  return [...routes].sort((a, b) => (STATE_RANK[b.state] ?? 0) - (STATE_RANK[a.state] ?? 0) || a.route.localeCompare(b.route));
}

function selectedRoute() {
  return sortedRoutes().find((r) => routeKey(r) === state.selectedKey) || null;
}

function renderHeader() {
  const routes = state.drift?.routes || [];
  const worst = routes.reduce((w, r) => ((STATE_RANK[r.state] ?? 0) > (STATE_RANK[w] ?? 0) ? r.state : w), 'ok');
  const flagged = routes.filter((r) => r.state === worst).map((r) => r.route);
  $('topbar').dataset.state = routes.length ? worst : 'unknown';
  const overall = $('overall');
  overall.replaceChildren();
  if (!routes.length) {
    overall.append('No routes have shadow traffic yet');
  } else if (worst === 'ok') {
    overall.append(badge('ok'), ` All ${routes.length} route${routes.length > 1 ? 's' : ''} match their baseline`);
  } else {
    overall.append(badge(worst), ` ${worst === 'drift' ? 'Drift' : 'Warning'} on ${[...new Set(flagged)].join(', ')}`,
      h('span', { class: 'muted' }, ` (${flagged.length} of ${routes.length} routes)`));
  }
  document.title = `${routes.length ? worst.toUpperCase() : '…'} · ShadowProxy drift explorer`;
  tickClock();
}

function tickClock() {
  const at = state.drift?.evaluated_at;
  const text = at ? `Evaluated ${time(at)} (${ago(at)})` : '';
  $('evaluated').textContent = state.paused ? `${text} · paused` : text;
}

function renderOverview() {
  const cards = $('cards');
  const routes = sortedRoutes();
  if (!routes.length) {
    cards.replaceChildren(h('p', { class: 'empty' }, 'No routes have shadow traffic yet. Pairs appear here once sampled requests have been compared.'));
    return;
  }
  const focused = cards.contains(document.activeElement) ? document.activeElement.closest('.route-card')?.dataset.key : null;
  cards.replaceChildren(...routes.map(routeCard));
  if (focused) [...cards.querySelectorAll('.route-card')].find((c) => c.dataset.key === focused)?.querySelector('button')?.focus();
}

function routeCard(r) {
  const key = routeKey(r);
  const drifting = (r.metrics || []).filter((m) => m.state === 'drift');
  const warning = (r.metrics || []).filter((m) => m.state === 'warning');
  const started = drifting.map((m) => m.change_started_at).filter(Boolean).sort()[0];
  const titleId = `card-${r.route}-${r.primary_model}`.replace(/[^\w-]/g, '_');
  const select = () => selectRoute(key, true);
  return h('article', {
    class: `route-card state-${r.state}`, 'aria-labelledby': titleId,
    'aria-current': key === state.selectedKey ? 'true' : null,
    dataset: { route: r.route, model: r.primary_model ?? '', state: r.state, key },
  },
  h('header', { class: 'card-head' },
    h('div', null,
      h('h3', { id: titleId }, r.route),
      h('p', { class: 'models' }, h('code', null, r.primary_model ?? '?'), h('span', { class: 'muted' }, ' vs pinned '), h('code', null, r.baseline_model ?? '?'))),
    badge(r.state)),
  h('p', { class: 'verdict' }, verdictText(r, drifting, warning, started)),
  rateIntervals(r),
  metricsTable(r),
  acceptancesList(r),
  probesTable(r),
  h('footer', { class: 'card-foot' },
    h('span', { class: 'muted' }, `${count(r.pairs)} pairs in window`),
    h('button', { type: 'button', class: 'button', onclick: select }, key === state.selectedKey ? 'Shown below' : 'Show charts and pairs')));
}

function verdictText(r, drifting, warning, started) {
  if (drifting.length) {
    return [h('strong', null, `${drifting.length} metric${drifting.length > 1 ? 's' : ''} in drift`),
      `: ${drifting.map((m) => m.name).join(', ')}`, started ? ` · change started ${time(started)}` : ''];
  }
  if (warning.length) return [h('strong', null, 'Watching'), `: ${warning.map((m) => m.name).join(', ')}`];
  return 'Primary behaves like the pinned baseline, within the noise floor.';
}

function rateIntervals(r) {
  const nf = r.noise_floor || {};
  const dis = r.disagreement || {};
  const top = Math.min(1, Math.max(0.1, Math.ceil((Math.max(nf.ci_high ?? 0, dis.ci_high ?? 0, dis.rate ?? 0) * 1.15) * 10) / 10));
  const at = (v) => `${Math.max(0, Math.min(100, ((v ?? 0) / top) * 100))}%`;
  const row = (label, est, cls, note) => h('div', { class: `ci-row ${cls}` },
    h('span', { class: 'ci-label' }, label),
    h('span', { class: 'ci-track', 'aria-hidden': 'true' },
      isNum(est.ci_low) && isNum(est.ci_high) ? h('span', { class: 'ci-range', style: { left: at(est.ci_low), width: `calc(${at(est.ci_high)} - ${at(est.ci_low)})` } }) : null,
      isNum(est.rate) ? h('span', { class: 'ci-point', style: { left: at(est.rate) } }) : null),
    h('span', { class: 'ci-value' }, h('strong', null, pct(est.rate)), ` [${pct(est.ci_low)}–${pct(est.ci_high)}]`,
      h('span', { class: 'muted' }, note)));
  return h('div', { class: 'ci-plot' },
    row('Noise floor', nf, 'nf', ` · ${count(nf.pairs)} replicates`),
    row('Disagreement', dis, `dis state-${r.state}`, ` · ${count(dis.pairs)} pairs`),
    h('div', { class: 'ci-axis', 'aria-hidden': 'true' }, h('span', null, '0%'), h('span', null, pct(top, 0))));
}

function metricsTable(r) {
  const rows = (r.metrics || []).map((m) => h('tr', { class: `metric-row state-${m.state}`, dataset: { metric: m.name, state: m.state } },
    h('th', { scope: 'row', title: catalogue.get(m.name)?.description || null },
      h('code', null, breakable(m.name)), m.note ? h('small', { class: 'note' }, m.note) : null),
    h('td', { class: 'num' }, metricValue(m.name, m.baseline)),
    h('td', { class: 'num' }, metricValue(m.name, m.primary)),
    h('td', { class: 'num' }, metricDelta(m.name, m.delta), h('small', null, metricInterval(m.name, m.ci_low, m.ci_high))),
    h('td', { class: 'num', title: evidenceTitle(m) }, isNum(m.evidence) ? m.evidence.toFixed(1) : '—'),
    h('td', null, badge(m.state)),
    h('td', { title: m.first_drift_at ? `first in drift ${new Date(m.first_drift_at).toISOString()}` : null },
      m.change_started_at ? h('span', { title: new Date(m.change_started_at).toISOString() }, time(m.change_started_at, false)) : '—',
      isNum(m.pairs_at_detection) ? h('small', { title: 'pairs this metric counted from the change until drift was detected' }, `${count(m.pairs_at_detection)} pairs`) : null)));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'metrics' },
    h('caption', { class: 'visually-hidden' }, `Comparison metrics for ${r.route}`),
    h('thead', null, h('tr', null,
      ['Metric', 'Baseline', 'Primary', 'Δ [95% CI]', 'Evidence', 'State', 'Change started'].map((c, i) =>
        h('th', { scope: 'col', class: i >= 1 && i <= 4 ? 'num' : null }, c)))),
    h('tbody', null, rows)));
}

// The verdict's evidence is the sequential detector's; the window's p-value is only context.
function evidenceTitle(m) {
  const d = state.drift;
  const p = isNum(m.p_adjusted) ? ` · window p (BH) ${m.p_adjusted.toPrecision(2)}` : '';
  return isNum(m.evidence) ? `ln e-value; warning at ${d.warning_threshold.toFixed(1)}, drift at ${d.drift_threshold.toFixed(1)}${p}` : `descriptive only${p}`;
}

// Accepted changes: who re-based which metrics, when and why.
function acceptancesList(r) {
  const accepted = r.acceptances || [];
  if (!accepted.length) return null;
  return h('div', { class: 'acceptances' }, h('h4', null, 'Accepted changes'),
    h('ul', null, [...accepted].reverse().map((a) => h('li', { class: 'acceptance', dataset: { at: a.at } },
      h('span', { title: new Date(a.at).toISOString() }, time(a.at, false)), ` · ${a.by || 'unknown'} accepted `,
      a.metrics.length === (r.metrics || []).filter((m) => isNum(m.evidence)).length ? 'every metric' : a.metrics.join(', '),
      a.reason ? h('q', null, a.reason) : null))));
}

// Canary probes: tasks with known answers, so each side gets a ground-truth accuracy (p from McNemar).
function probesTable(r) {
  const probes = r.probes || [];
  if (!probes.length) return null;
  return h('div', { class: 'table-wrap' }, h('table', { class: 'metrics probes' },
    h('caption', null, 'Canary probe accuracy (ground truth)'),
    h('thead', null, h('tr', null, ['Suite', 'Baseline', 'Primary', 'Probes', 'p'].map((c, i) =>
      h('th', { scope: 'col', class: i >= 1 ? 'num' : null }, c)))),
    h('tbody', null, probes.map((p) => h('tr', { class: 'probe-row', dataset: { suite: p.suite } },
      h('th', { scope: 'row' }, h('code', null, p.suite)),
      h('td', { class: 'num' }, pct(p.baseline_accuracy)),
      h('td', { class: 'num' }, pct(p.primary_accuracy)),
      h('td', { class: 'num' }, count(p.probes)),
      h('td', { class: 'num' }, pValue(p.p_value)))))));
}

function renderRouteSelect() {
  const select = $('route-select');
  const routes = sortedRoutes();
  select.replaceChildren(...routes.map((r) => h('option', { value: routeKey(r), selected: routeKey(r) === state.selectedKey },
    `${r.route} · ${r.primary_model ?? '?'} (${r.state})`)));
  select.disabled = !routes.length;
}

function selectRoute(key, scroll) {
  if (key === state.selectedKey) {
    if (scroll) $('trends').scrollIntoView({ block: 'start' });
    return;
  }
  state.selectedKey = key;
  state.filters.page = 1;
  state.seen = { drift: state.seen.drift };
  renderOverview();
  renderRouteSelect();
  writeHash();
  if (scroll) $('trends').scrollIntoView({ block: 'start' });
  Promise.all([loadHistory(), loadPairs()]).catch(onLoadError);
}

function onLoadError(error) {
  if (error instanceof AuthRequired) showLogin();
  else showBanner(`Cannot read the admin API (${error.message}).`);
}

// ---------- charts ----------

async function loadModels() {
  await latest('models', () => getJson('api/models'), (data, unchanged) => {
    state.models = data;
    if (!unchanged) renderServedNow();
  });
}

async function loadHistory() {
  const r = selectedRoute();
  if (!r) {
    $('charts').replaceChildren(h('p', { class: 'empty' }, 'No route selected.'));
    return;
  }
  await latest('history', () => getJson('api/history', { route: r.route, model: r.primary_model }), (data, unchanged) => {
    state.history = data;
    if (!unchanged || !$('charts').childElementCount) renderCharts();
  });
}

function renderServedNow() {
  const r = selectedRoute();
  const current = (state.models?.current || []).filter((c) => r && c.route === r.route);
  const el = $('served-now');
  el.replaceChildren();
  for (const c of current) {
    if (el.childNodes.length) el.append(' · ');
    el.append(`${c.side} serves `, h('code', null, c.model ?? '?'), c.fingerprint ? ` (${c.fingerprint})` : '', ` since ${time(c.first_seen, false)}`);
  }
}

function changeMarkers(r) {
  const events = [...(r.served_model_events || []), ...(state.models?.changes || []).filter((c) => c.route === r.route)];
  const seen = new Set();
  return events.filter((e) => {
    const key = `${e.side}|${e.to_model}|${e.to_fingerprint}|${new Date(e.at).getTime()}`;
    return !seen.has(key) && seen.add(key);
  }).map((e) => ({
    at: new Date(e.at).getTime(),
    label: e.from_model === e.to_model
      ? `${e.side}: ${e.to_model ?? '?'} ${e.from_fingerprint ?? '?'} → ${e.to_fingerprint ?? '?'}`
      : `${e.side}: ${e.from_model ?? '?'} → ${e.to_model ?? '?'}`,
  }));
}

function renderCharts() {
  renderServedNow();
  const r = selectedRoute();
  const host = $('charts');
  const points = state.history?.points || [];
  if (!r || !points.length) {
    host.replaceChildren(h('p', { class: 'empty' }, 'No pairs in the drift window for this route yet.'));
    return;
  }
  const bucketMs = (state.history.bucket_seconds || 60) * 1000;
  const times = points.map((p) => new Date(p.at).getTime());
  const col = (name, f = (v) => v) => points.map((p) => (isNum(p[name]) ? f(p[name]) : null));
  const markers = changeMarkers(r);
  const base = { times, bucketMs, markers };
  const nf = r.noise_floor || {};
  const tip = (i, extra) => `${time(points[i].at, false)} · ${count(points[i].pairs)} pairs\n${extra(points[i])}`;
  const sideRates = (prefix, label) => chartFigure(`${label} rate by side`, [
    { label: 'primary', cls: 'primary' }, { label: 'baseline', cls: 'baseline' },
  ], ({
    ...base,
    series: [{ values: col(`${prefix}_primary`), cls: 'primary' }, { values: col(`${prefix}_baseline`), cls: 'baseline' }],
    domain: rateDomain([...col(`${prefix}_primary`), ...col(`${prefix}_baseline`)]),
    format: (v) => pct(v, 0),
    tip: (i) => tip(i, (p) => `primary ${pct(p[`${prefix}_primary`])} · baseline ${pct(p[`${prefix}_baseline`])}`),
    label: `${label} rate per minute for primary and baseline`,
  }));
  const agreement = col('disagreement', (v) => 1 - v);
  const floor = rolling(points, 'noise_floor', 10).map((v) => (isNum(v) ? 1 - v : null));
  const band = isNum(nf.ci_low) && isNum(nf.ci_high) ? { lo: 1 - nf.ci_high, hi: 1 - nf.ci_low } : null;
  const agreeLo = Math.min(...[...agreement, ...floor, band?.lo].filter(isNum), 1);
  host.replaceChildren(
    chartFigure('Answer agreement vs noise floor', [
      { label: 'agreement (1 − disagreement)', cls: 'agreement' },
      { label: 'noise floor agreement (baseline vs replicate, 10-bucket rolling)', cls: 'floor' },
      { label: 'noise floor 95% CI, current window', cls: 'band' },
    ], ({
      ...base,
      series: [{ values: floor, cls: 'floor' }, { values: agreement, cls: 'agreement' }],
      band,
      domain: [Math.max(0, Math.floor((agreeLo - 0.05) * 10) / 10), 1],
      format: (v) => pct(v, 0),
      tip: (i) => tip(i, (p) => `agreement ${pct(isNum(p.disagreement) ? 1 - p.disagreement : null)} · noise floor ${pct(floor[i])} rolling, ${pct(isNum(p.noise_floor) ? 1 - p.noise_floor : null)} this bucket`),
      label: 'Answer agreement per minute against the noise floor',
    })),
    chartFigure('Mean length log-ratio', [{ label: 'log(primary chars / baseline chars)', cls: 'primary' }, { label: 'equal length', cls: 'zero' }],
      ({
        ...base,
        series: [{ values: col('mean_log_ratio'), cls: 'primary' }],
        zero: true,
        domain: symmetricDomain(col('mean_log_ratio')),
        format: (v) => (Math.abs(v) < 1e-9 ? '0' : signed(v, 1)),
        tip: (i) => tip(i, (p) => `mean log-ratio ${signed(p.mean_log_ratio)}${isNum(p.mean_log_ratio) ? ` (primary ×${Math.exp(p.mean_log_ratio).toFixed(2)} length)` : ''}`),
        label: 'Mean log ratio of primary to baseline answer length per minute',
      })),
    sideRates('refusal', 'Refusal'),
    sideRates('code_fenced', 'Code-fence'),
  );
  for (const figure of host.children) figure.draw();
}

/** Replicate pairs are a small share of each bucket, so a single bucket's noise floor is mostly noise. */
function rolling(points, name, span) {
  return points.map((_, i) => {
    let sum = 0;
    let weight = 0;
    for (let j = Math.max(0, i - span + 1); j <= i; j++) {
      if (isNum(points[j][name])) { sum += points[j][name] * (points[j].pairs || 1); weight += points[j].pairs || 1; }
    }
    return weight ? sum / weight : null;
  });
}

function rateDomain(values) {
  const top = Math.max(0.05, ...values.filter(isNum));
  return [0, Math.min(1, Math.ceil(top * 1.1 * 20) / 20)];
}

function symmetricDomain(values) {
  const finite = values.filter(isNum);
  const lo = Math.min(-0.5, ...finite);
  const hi = Math.max(0.5, ...finite);
  return [Math.floor(lo * 2) / 2, Math.ceil(hi * 2) / 2];
}

/** The SVG is drawn once the figure is in the grid, so it can be sized to the column it landed in. */
function chartFigure(title, legend, options) {
  const figure = h('figure', { class: 'chart' },
    h('figcaption', null, h('span', { class: 'chart-title' }, title),
      h('span', { class: 'legend' }, legend.map((l) => h('span', { class: `key key-${l.cls}` }, l.label)))));
  figure.draw = () => figure.append(lineChart({ ...options, width: Math.max(280, figure.clientWidth) }));
  return figure;
}

function niceStep(span, target) {
  const raw = span / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= target) || raw;
}

function lineChart({ times, bucketMs, width, series, domain, format, band, zero, markers, tip, label }) {
  const W = width;
  const H = Math.round(Math.min(230, Math.max(176, width * 0.26)));
  const m = { l: 44, r: 12, t: 22, b: 22 };
  const iw = W - m.l - m.r;
  const ih = H - m.t - m.b;
  const t0 = times[0];
  const t1 = times[times.length - 1] + bucketMs;
  const x = (t) => m.l + ((t - t0) / (t1 - t0)) * iw;
  const [lo, hi] = domain[1] > domain[0] ? domain : [domain[0] - 1, domain[0] + 1];
  const y = (v) => m.t + ih - ((v - lo) / (hi - lo)) * ih;
  const root = svg('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, class: 'chart-svg' });

  const yStep = niceStep(hi - lo, 4);
  for (let v = Math.ceil(lo / yStep - 1e-9) * yStep; v <= hi + 1e-9; v += yStep) {
    root.append(svg('line', { class: 'grid', x1: m.l, x2: W - m.r, y1: y(v), y2: y(v) }),
      svg('text', { class: 'tick', x: m.l - 6, y: y(v) + 4, 'text-anchor': 'end' }, format(v)));
  }
  const minuteStep = [1, 2, 5, 10, 15, 30, 60, 120, 240, 720, 1440].find((s) => ((t1 - t0) / 60000) / s <= Math.max(2, iw / 90)) || 1440;
  const stepMs = minuteStep * 60000;
  for (let t = Math.ceil(t0 / stepMs) * stepMs; t <= t1; t += stepMs) {
    root.append(svg('line', { class: 'xtick', x1: x(t), x2: x(t), y1: m.t + ih, y2: m.t + ih + 4 }),
      svg('text', { class: 'tick', x: x(t), y: H - 6, 'text-anchor': 'middle' }, time(new Date(t).toISOString(), false)));
  }
  if (band) {
    const top = y(Math.min(hi, band.hi));
    root.append(svg('rect', { class: 'band', x: m.l, width: iw, y: top, height: Math.max(1, y(Math.max(lo, band.lo)) - top) }));
  }
  if (zero && lo < 0 && hi > 0) root.append(svg('line', { class: 'zero', x1: m.l, x2: W - m.r, y1: y(0), y2: y(0) }));
  root.append(svg('line', { class: 'axis', x1: m.l, x2: W - m.r, y1: m.t + ih, y2: m.t + ih }));

  for (const s of series) {
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (!isNum(v)) { pen = false; return; }
      const px = x(times[i] + bucketMs / 2).toFixed(1);
      const py = y(Math.max(lo, Math.min(hi, v))).toFixed(1);
      d += `${pen ? 'L' : 'M'}${px} ${py}`;
      pen = true;
    });
    if (d) root.append(svg('path', { class: `series ${s.cls}`, d }));
  }

  const visible = (markers || []).filter((mk) => mk.at >= t0 && mk.at <= t1);
  visible.forEach((mk, i) => {
    const mx = x(mk.at);
    const anchor = mx > m.l + iw * 0.6 ? 'end' : 'start';
    root.append(svg('line', { class: 'marker', x1: mx, x2: mx, y1: m.t - 4, y2: m.t + ih }),
      svg('text', { class: 'marker-label', x: mx + (anchor === 'end' ? -4 : 4), y: m.t - 8 + (i % 2) * 12, 'text-anchor': anchor }, mk.label));
  });

  const slot = iw / times.length;
  times.forEach((t, i) => {
    root.append(svg('rect', { class: 'hover', x: x(t), y: m.t, width: Math.max(1, x(t + bucketMs) - x(t)), height: ih },
      svg('title', null, tip(i))));
  });
  root.dataset.slot = slot.toFixed(1);
  return root;
}

// ---------- pair list ----------

async function loadPairs() {
  const r = selectedRoute();
  const { metric, outcome, page } = state.filters;
  const params = { route: r?.route, metric, outcome, page, page_size: 50 };
  await latest('pairs', () => getJson('api/pairs', params), (data, unchanged) => {
    state.pairs = data;
    if (!unchanged || !$('pair-list').childElementCount) renderPairList();
  });
}

function renderPairList() {
  const list = $('pair-list');
  const data = state.pairs || { items: [], total: 0, page: 1, page_size: 50 };
  const focusedId = list.contains(document.activeElement) ? document.activeElement.dataset.pairId : null;
  const r = selectedRoute();
  $('pairs-title').textContent = r ? `Pairs · ${r.route}` : 'Pairs';
  const first = data.total ? (data.page - 1) * data.page_size + 1 : 0;
  const last = Math.min(data.total, (data.page - 1) * data.page_size + data.items.length);
  $('pair-count').textContent = `${count(data.total)} matching pair${data.total === 1 ? '' : 's'}`;
  $('page-info').textContent = data.total ? `${count(first)}–${count(last)} of ${count(data.total)}` : '';
  $('page-prev').disabled = data.page <= 1;
  $('page-next').disabled = last >= data.total;
  if (!data.items.length) {
    const showAll = () => { $('filter-metric').value = ''; $('filter-outcome').value = ''; Object.assign(state.filters, { metric: '', outcome: '', page: 1 }); loadPairs().catch(onLoadError); };
    list.replaceChildren(h('li', { class: 'empty' }, 'No pairs match these filters. ',
      state.filters.metric || state.filters.outcome ? h('button', { type: 'button', class: 'button', onclick: showAll }, 'Show all pairs') : null));
    return;
  }
  const current = data.items.some((p) => p.id === (focusedId || state.openPairId)) ? (focusedId || state.openPairId) : data.items[0].id;
  list.replaceChildren(
    h('li', { class: 'pair-head', 'aria-hidden': 'true' },
      ['Time', 'Outcome', 'Answer (baseline → primary)', 'Flags (baseline | primary)', 'Length (baseline → primary)'].map((c) => h('span', null, c))),
    ...data.items.map((p) => h('li', null, pairItem(p, p.id === current))));
  if (focusedId) list.querySelector(`[data-pair-id="${CSS.escape(focusedId)}"]`)?.focus();
}

function pairItem(p, tabbable) {
  return h('button', {
    type: 'button', class: `pair-item outcome-${p.agreement}`, tabindex: tabbable ? '0' : '-1',
    'aria-current': p.id === state.openPairId ? 'true' : null,
    dataset: { pairId: p.id, agreement: p.agreement },
  },
  h('span', { class: 'pi-time' }, time(p.started_at)),
  h('span', null, h('span', { class: `outcome outcome-${p.agreement}` }, humanize(p.agreement))),
  h('span', { class: 'pi-answers' },
    h('span', { class: 'visually-hidden' }, 'baseline answer '), answerChip(p.baseline_answer),
    h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
    h('span', { class: 'visually-hidden' }, ', primary answer '), answerChip(p.primary_answer)),
  h('span', { class: 'pi-flags' },
    h('span', { class: 'visually-hidden' }, 'baseline flags '), flagBadges(p.baseline_flags, p.primary_flags, true),
    h('span', { class: 'sep', 'aria-hidden': 'true' }, '|'),
    h('span', { class: 'visually-hidden' }, ', primary flags '), flagBadges(p.primary_flags, p.baseline_flags, true)),
  h('span', { class: 'pi-len' }, `${count(p.baseline_chars)} → ${count(p.primary_chars)} chars`,
    p.streamed ? h('span', { class: 'muted', title: 'streamed' }, ' · SSE') : null));
}

const answerChip = (a) => (a === null || a === undefined ? h('span', { class: 'answer none' }, 'none') : h('span', { class: 'answer', title: a }, a));

function flagBadges(flags, other, compact) {
  if (!flags || !flags.length) return h('span', { class: 'muted' }, compact ? '—' : 'no format flags');
  return flags.map((f) => h('span', { class: `flag${(other || []).includes(f) ? '' : ' only'}`, title: (other || []).includes(f) ? 'on both sides' : 'only on this side' }, f));
}

function moveFocus(event) {
  const items = [...$('pair-list').querySelectorAll('.pair-item')];
  const index = items.indexOf(document.activeElement);
  if (index < 0) return;
  const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[event.key];
  if (next === undefined || !items[next]) return;
  event.preventDefault();
  items.forEach((el, i) => el.setAttribute('tabindex', i === next ? '0' : '-1'));
  items[next].focus();
}

// ---------- pair view ----------

async function openPair(id, { focus = true } = {}) {
  state.openPairId = id;
  writeHash();
  for (const el of document.querySelectorAll('.pair-item')) el.setAttribute('aria-current', String(el.dataset.pairId === id));
  const view = $('pair-view');
  view.hidden = false;
  view.dataset.pairId = id;
  view.replaceChildren(h('p', { class: 'empty' }, 'Loading pair…'));
  try {
    await latest('pair', () => getJson(`api/pairs/${encodeURIComponent(id)}`), (data) => renderPairView(data));
  } catch (error) {
    if (error instanceof AuthRequired) return showLogin();
    view.replaceChildren(h('p', { class: 'empty' }, `Cannot load pair ${id}: ${error.message}`));
  }
  view.scrollIntoView({ block: 'start' });
  if (focus) $('pair-view-title')?.focus({ preventScroll: true });
}

function closePair() {
  const id = state.openPairId;
  state.openPairId = null;
  $('pair-view').hidden = true;
  writeHash();
  const item = id && $('pair-list').querySelector(`[data-pair-id="${CSS.escape(id)}"]`);
  for (const el of document.querySelectorAll('.pair-item[aria-current]')) el.removeAttribute('aria-current');
  if (item) item.focus();
}

function renderPairView(detail) {
  const p = detail.summary ? { ...detail.summary, ...detail } : detail;
  const view = $('pair-view');
  const t = p.timings || {};
  const k = p.tokens || {};
  const side = (name) => ({
    name,
    model: p[`${name}_model`],
    answer: p[`${name}_answer`],
    flags: p[`${name}_flags`] || [],
    other: p[`${name === 'primary' ? 'baseline' : 'primary'}_flags`] || [],
    text: p[`${name}_text`],
    hash: p[`${name}_text_hash`],
    facts: [
      ['finish', p[`${name}_finish_reason`] ?? '—'],
      ['length', `${count(p[`${name}_chars`])} chars`],
      ['tokens in / out', `${count(k[`${name}_input`])} / ${count(k[`${name}_output`])}`],
      ['TTFB / total', `${ms(t[`${name}_ttfb_ms`])} / ${ms(t[`${name}_total_ms`])}`],
      ['code fences', (p[`${name}_fence_languages`] || []).join(', ') || '—'],
    ],
  });
  view.replaceChildren(...[
    h('header', { class: 'pv-head' },
      h('div', null,
        h('h2', { id: 'pair-view-title', tabindex: '-1' }, 'Pair ', h('code', null, p.id)),
        h('p', { class: 'muted' }, `${p.route} · ${time(p.started_at)} · requested `, h('code', null, p.requested_model ?? '?'),
          p.streamed ? ' · streamed' : ' · not streamed')),
      h('span', { class: `outcome outcome-${p.agreement}` }, humanize(p.agreement)),
      h('button', { type: 'button', class: 'button', onclick: closePair }, 'Close', h('span', { class: 'visually-hidden' }, ' pair view'))),
    p.capture === false ? h('p', { class: 'capture-off' }, 'Content capture is off for this route: only answers, lengths, flags and text hashes are kept.') : null,
    p.prompt ? h('details', { class: 'prompt', open: true }, h('summary', null, 'Prompt (redacted)'), h('pre', null, p.prompt)) : null,
    h('div', { class: 'pv-sides' }, sideColumn(side('baseline')), sideColumn(side('primary'))),
    h('p', { class: 'scores' },
      h('span', null, 'token F1 ', h('strong', null, fixed(p.token_f1, 2))),
      h('span', null, 'ROUGE-L ', h('strong', null, fixed(p.rouge_l, 2))),
      h('span', null, 'length log-ratio ', h('strong', null, signed(p.length_log_ratio))),
      h('span', { class: 'extractor' }, 'answer read as ', h('code', null, p.extractor)),
      p.tool_calls && (p.tool_calls.primary || p.tool_calls.baseline)
        ? h('span', { class: 'tool-calls' }, `tool calls ${p.tool_calls.baseline} → ${p.tool_calls.primary}`,
          p.tool_calls.names_equal === false ? ' · different functions' : p.tool_calls.arguments_equal === false ? ' · different arguments' : p.tool_calls.names_equal ? ' · same calls' : '')
        : null,
      isNum(p.length_log_ratio) ? h('span', { class: 'muted' }, `primary is ×${Math.exp(p.length_log_ratio).toFixed(2)} the baseline length`) : null),
    diffBlock(p.diff),
  ].filter(Boolean));
}

function sideColumn(s) {
  const title = s.name === 'primary' ? 'Primary' : 'Baseline';
  return h('article', { class: `pv-side ${s.name}`, 'aria-label': `${title} answer` },
    h('h3', null, title, ' ', h('code', null, s.model ?? '?')),
    h('p', { class: 'answer-line' }, 'answer: ', s.answer === null || s.answer === undefined ? h('span', { class: 'answer none' }, 'none extracted') : h('mark', null, s.answer)),
    h('p', { class: 'flags' }, flagBadges(s.flags, s.other, false)),
    h('dl', { class: 'facts' }, s.facts.map(([term, value]) => [h('dt', null, term), h('dd', null, value)])),
    typeof s.text === 'string'
      ? h('pre', { class: `text ${s.name}-text`, tabindex: '0', 'aria-label': `${title} text` }, markAnswer(s.text, s.answer))
      : h('div', { class: `text ${s.name}-text no-capture` }, 'content capture is off for this route',
        s.hash ? h('span', null, ' · sha256 ', h('code', null, s.hash)) : null));
}

/** Wraps the last standalone occurrence of the extracted answer, which is where extractors read it from. */
function markAnswer(text, answer) {
  if (!answer) return text;
  const escaped = String(answer).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let match = null;
  try {
    for (const found of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'))) match = found;
  } catch {
    return text;
  }
  if (!match) return text;
  return [text.slice(0, match.index), h('mark', null, match[0]), text.slice(match.index + match[0].length)];
}

function diffBlock(ops) {
  if (!ops || !ops.length) return null;
  const merged = [];
  for (const op of ops) {
    const prev = merged[merged.length - 1];
    if (prev && prev.op === op.op) prev.text += op.text;
    else merged.push({ op: op.op, text: op.text });
  }
  const body = h('div', { class: 'diff', tabindex: '0', 'aria-label': 'Word diff from baseline to primary' },
    merged.map((op) => {
      if (op.op === 'delete') return h('del', { title: 'only in baseline' }, op.text);
      if (op.op === 'insert') return h('ins', { title: 'only in primary' }, op.text);
      return collapsedEqual(op.text);
    }));
  const removed = merged.filter((o) => o.op === 'delete').reduce((n, o) => n + o.text.split(/\s+/).filter(Boolean).length, 0);
  const added = merged.filter((o) => o.op === 'insert').reduce((n, o) => n + o.text.split(/\s+/).filter(Boolean).length, 0);
  return h('section', { class: 'diff-block', 'aria-labelledby': 'diff-title' },
    h('div', { class: 'diff-head' },
      h('h3', { id: 'diff-title' }, 'Word diff, baseline → primary'),
      h('span', { class: 'legend' },
        h('span', null, h('del', null, 'struck'), ` ${plural(removed, 'word')} only in baseline`),
        h('span', null, h('ins', null, 'underlined'), ` ${plural(added, 'word')} only in primary`))),
    body);
}

function collapsedEqual(text) {
  const words = text.match(/\S+\s*|\s+/g) || [];
  if (words.length <= 40) return text;
  const hidden = words.slice(12, -12).join('');
  const expand = h('button', { type: 'button', class: 'expand', title: 'show unchanged words' }, `… ${words.length - 24} unchanged words …`);
  expand.addEventListener('click', () => expand.replaceWith(hidden));
  return [words.slice(0, 12).join(''), expand, ' ', words.slice(-12).join('')];
}

// ---------- URL hash: #route=R&model=M&pair=ID ----------

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get('route')) state.selectedKey = JSON.stringify([params.get('route'), params.get('model')]);
  return params.get('pair');
}

function writeHash() {
  const r = selectedRoute();
  const params = new URLSearchParams();
  if (r) { params.set('route', r.route); if (r.primary_model) params.set('model', r.primary_model); }
  if (state.openPairId) params.set('pair', state.openPairId);
  history.replaceState(null, '', `${location.pathname}${location.search}#${params}`);
}

// ---------- start ----------

function wire() {
  $('login-form').action = new URL('login', BASE).href;
  $('pause').addEventListener('click', () => {
    state.paused = !state.paused;
    $('pause').setAttribute('aria-pressed', String(state.paused));
    $('pause').textContent = state.paused ? 'Resume auto-refresh' : 'Pause auto-refresh';
    tickClock();
    if (state.paused) clearTimeout(state.timer);
    else refresh();
  });
  $('route-select').addEventListener('change', (e) => selectRoute(e.target.value, false));
  $('filter-metric').addEventListener('change', (e) => { state.filters.metric = e.target.value; state.filters.page = 1; loadPairs().catch(onLoadError); });
  $('filter-outcome').addEventListener('change', (e) => { state.filters.outcome = e.target.value; state.filters.page = 1; loadPairs().catch(onLoadError); });
  $('pair-filters').addEventListener('submit', (e) => e.preventDefault());
  $('page-prev').addEventListener('click', () => { state.filters.page = Math.max(1, state.filters.page - 1); loadPairs().catch(onLoadError); });
  $('page-next').addEventListener('click', () => { state.filters.page += 1; loadPairs().catch(onLoadError); });
  $('pair-list').addEventListener('click', (e) => {
    const item = e.target.closest('.pair-item');
    if (item) openPair(item.dataset.pairId);
  });
  $('pair-list').addEventListener('keydown', moveFocus);
  $('pair-view').addEventListener('keydown', (e) => { if (e.key === 'Escape') closePair(); });
  $('cards').addEventListener('click', (e) => {
    const card = e.target.closest('.route-card');
    if (card && !e.target.closest('button') && !getSelection().toString()) selectRoute(card.dataset.key, false);
  });
  window.addEventListener('hashchange', () => {
    const id = new URLSearchParams(location.hash.slice(1)).get('pair');
    if (id && id !== state.openPairId) openPair(id);
  });
  let resizeTimer = 0;
  window.addEventListener('resize', () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(() => state.history && renderCharts(), 150); });
  document.addEventListener('visibilitychange', () => { if (!document.hidden && !state.paused && !state.authRequired) refresh(); });
  setInterval(tickClock, 1000);
}

async function start() {
  wire();
  const query = new URLSearchParams(location.search);
  if (query.has('login')) {
    $('login-error').hidden = !query.has('error');
    return showLogin();
  }
  const pairId = readHash();
  await refresh();
  if (pairId && !state.authRequired) openPair(pairId, { focus: false });
}

start();
