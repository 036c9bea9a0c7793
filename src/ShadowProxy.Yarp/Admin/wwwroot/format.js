// How numbers, times and states read on the page.
import { h } from './dom.js';

const STATE_TEXT = { drift: '▲ drift', warning: '! warning', ok: '✓ ok', warming_up: '… warming up' };

export const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

export const minus = (s) => s.replace('-', '\u2212');

export const pct = (v, digits = 1) => (isNum(v) ? `${(v * 100).toFixed(digits)}%` : '—');

export const signedPp = (v) => (isNum(v) ? minus(`${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} pp`) : '—');

export const signed = (v, digits = 2) => (isNum(v) ? minus(`${v >= 0 ? '+' : ''}${v.toFixed(digits)}`) : '—');

export const fixed = (v, digits = 3) => (isNum(v) ? minus(v.toFixed(digits)) : '—');

export const count = (v) => (isNum(v) ? v.toLocaleString('en-US') : '—');

export const ms = (v) => (isNum(v) ? `${Math.round(v).toLocaleString('en-US')} ms` : '—');

export function pValue(v) {
  if (!isNum(v)) return '—';
  if (v < 0.0001) return '< 0.0001';
  return v < 0.01 ? v.toFixed(4) : v.toFixed(3);
}

export function time(iso, withSeconds = true) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const opts = { hour: '2-digit', minute: '2-digit', hour12: false };
  if (withSeconds) opts.second = '2-digit';
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay ? d.toLocaleTimeString([], opts) : `${d.toLocaleDateString([], { month: 'short', day: 'numeric' })} ${d.toLocaleTimeString([], opts)}`;
}

export function ago(iso) {
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 5) return 'just now';
  if (seconds < 120) return `${seconds} s ago`;
  return seconds < 7200 ? `${Math.round(seconds / 60)} min ago` : `${Math.round(seconds / 3600)} h ago`;
}

export const badge = (st) => h('span', { class: `badge state-${st}` }, STATE_TEXT[st] || st);

/** Lets long snake_case names wrap after an underscore when a card is narrow; textContent stays the same. */
export const breakable = (name) => String(name).split('_').flatMap((part, i) => (i ? ['_', h('wbr'), part] : [part]));

export const plural = (n, word) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

export const humanize = (s) => String(s).replace(/_/g, ' ');
