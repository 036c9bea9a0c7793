// The drift explorer's entry: reads the admin API relative to /admin/ and draws everything with the DOM API.
// API text only ever reaches the page through textContent/text nodes, never through innerHTML.
import { AuthRequired, BASE, getJson } from './api.js';
import { loadHistory, loadModels, renderCharts } from './charts.js';
import { $, h } from './dom.js';
import { readHash } from './hash.js';
import { loadDrift, selectRoute } from './overview.js';
import { closePair, openPair } from './pair-view.js';
import { loadPairs, moveFocus } from './pairs.js';
import { onLoadError, showBanner, showLogin, tickClock } from './shell.js';
import { catalogue, REFRESH_MS, state } from './state.js';

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
