// The page around the content: header verdict, clock, error banner and the sign-in form.
import { AuthRequired } from './api.js';
import { $, h } from './dom.js';
import { ago, badge, time } from './format.js';
import { state, STATE_RANK } from './state.js';

export function showBanner(message) {
  const banner = $('banner');
  banner.hidden = !message;
  banner.textContent = message || '';
}

export function showLogin() {
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

export function renderHeader() {
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

export function tickClock() {
  const at = state.drift?.evaluated_at;
  const text = at ? `Evaluated ${time(at)} (${ago(at)})` : '';
  $('evaluated').textContent = state.paused ? `${text} · paused` : text;
}

export function onLoadError(error) {
  if (error instanceof AuthRequired) showLogin();
  else showBanner(`Cannot read the admin API (${error.message}).`);
}
