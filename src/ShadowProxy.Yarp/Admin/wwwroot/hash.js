// URL hash: #route=R&model=M&pair=ID, so a view can be linked.
import { selectedRoute, state } from './state.js';

export function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get('route')) state.selectedKey = JSON.stringify([params.get('route'), params.get('model')]);
  return params.get('pair');
}

export function writeHash() {
  const r = selectedRoute();
  const params = new URLSearchParams();
  if (r) { params.set('route', r.route); if (r.primary_model) params.set('model', r.primary_model); }
  if (state.openPairId) params.set('pair', state.openPairId);
  history.replaceState(null, '', `${location.pathname}${location.search}#${params}`);
}
