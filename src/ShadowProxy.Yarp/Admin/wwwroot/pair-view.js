// One pair side by side: answers, flags, facts and the word diff.
import { AuthRequired, getJson, latest } from './api.js';
import { $, h } from './dom.js';
import { count, fixed, humanize, isNum, ms, plural, signed, time } from './format.js';
import { writeHash } from './hash.js';
import { flagBadges } from './pairs.js';
import { showLogin } from './shell.js';
import { state } from './state.js';

export async function openPair(id, { focus = true } = {}) {
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

export function closePair() {
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
