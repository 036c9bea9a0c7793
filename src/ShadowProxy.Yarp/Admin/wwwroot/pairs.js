// The pair list: filters, pages and keyboard navigation.
import { getJson, latest } from './api.js';
import { $, h } from './dom.js';
import { count, humanize, time } from './format.js';
import { onLoadError } from './shell.js';
import { selectedRoute, state } from './state.js';

export async function loadPairs() {
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

export function flagBadges(flags, other, compact) {
  if (!flags || !flags.length) return h('span', { class: 'muted' }, compact ? '—' : 'no format flags');
  return flags.map((f) => h('span', { class: `flag${(other || []).includes(f) ? '' : ' only'}`, title: (other || []).includes(f) ? 'on both sides' : 'only on this side' }, f));
}

export function moveFocus(event) {
  const items = [...$('pair-list').querySelectorAll('.pair-item')];
  const index = items.indexOf(document.activeElement);
  if (index < 0) return;
  const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[event.key];
  if (next === undefined || !items[next]) return;
  event.preventDefault();
  items.forEach((el, i) => el.setAttribute('tabindex', i === next ? '0' : '-1'));
  items[next].focus();
}
