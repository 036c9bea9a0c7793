// Per-minute trend charts for the selected route, drawn as SVG.
import { getJson, latest } from './api.js';
import { $, h, svg } from './dom.js';
import { count, isNum, pct, signed, time } from './format.js';
import { selectedRoute, state } from './state.js';

export async function loadModels() {
  await latest('models', () => getJson('api/models'), (data, unchanged) => {
    state.models = data;
    if (!unchanged) renderServedNow();
  });
}

export async function loadHistory() {
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

export function renderCharts() {
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
