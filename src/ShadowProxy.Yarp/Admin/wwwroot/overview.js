// Route cards: each route's verdict, intervals, metrics, accepted changes and probes.
import { getJson, latest } from './api.js';
import { loadHistory } from './charts.js';
import { $, h } from './dom.js';
import { badge, breakable, count, isNum, pct, pValue, time } from './format.js';
import { writeHash } from './hash.js';
import { loadPairs } from './pairs.js';
import { onLoadError, renderHeader } from './shell.js';
import { catalogue, metricDelta, metricInterval, metricValue, routeKey, sortedRoutes, state } from './state.js';

export async function loadDrift() {
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

export function selectRoute(key, scroll) {
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
