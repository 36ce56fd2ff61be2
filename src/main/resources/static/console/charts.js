'use strict';
// Small charts as inline SVG, drawn here (no third-party code, nothing fetched: the console's CSP stays 'self').
// Every chart is an image with a text alternative, and its numbers are also in a table for screen readers.
const LotsCharts = (function () {
  const NS = 'http://www.w3.org/2000/svg';
  // Okabe–Ito colours, told apart with the common colour-vision deficiencies; each bar also carries its number.
  const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#882255'];
  let ids = 0;

  function svg(tag, attrs, text) {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = String(text);
    return e;
  }

  function frame(container, width, height, title) {
    const { clear, el } = Lots;
    clear(container);
    const id = 'chart-title-' + (++ids);
    const root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': id, preserveAspectRatio: 'xMinYMin meet' });
    root.appendChild(svg('title', { id }, title));
    container.appendChild(root);
    return { root, el };
  }

  function table(container, caption, head, rows) {
    const { el } = Lots;
    const t = el('table', { class: 'sr-only' }, el('caption', {}, caption));
    t.appendChild(el('thead', {}, el('tr', {}, ...head.map(h => el('th', { scope: 'col' }, h)))));
    const body = el('tbody');
    for (const r of rows) body.appendChild(el('tr', {}, el('th', { scope: 'row' }, r[0]), ...r.slice(1).map(c => el('td', {}, c))));
    t.appendChild(body);
    container.appendChild(t);
  }

  function empty(container, text) {
    Lots.clear(container);
    container.appendChild(Lots.el('p', { class: 'empty' }, text || 'Nothing in this period.'));
  }

  /** Horizontal bars: items [{label, value, text}] (text: what the bar says, e.g. "<5" or "73%"). */
  function bars(container, items, options) {
    const o = Object.assign({ max: null, colour: COLOURS[0], title: '' }, options);
    if (!items.length) return empty(container);
    const labelWidth = 190, barArea = 440, row = 26, width = labelWidth + barArea + 70;
    const max = o.max || Math.max(1, ...items.map(i => i.value));
    const { root } = frame(container, width, items.length * row + 8, o.title);
    items.forEach((item, i) => {
      const y = i * row + 4;
      root.appendChild(svg('text', { x: labelWidth - 8, y: y + 16, 'text-anchor': 'end' }, item.label));
      const w = Math.max(item.value > 0 ? 2 : 0, Math.round(barArea * item.value / max));
      root.appendChild(svg('rect', { x: labelWidth, y: y + 3, width: w, height: row - 8, fill: item.colour || o.colour }));
      root.appendChild(svg('text', { x: labelWidth + w + 6, y: y + 16 }, item.text));
    });
    table(container, o.title, ['', o.valueName || 'value'], items.map(i => [i.label, i.text]));
  }

  /** Bars in groups: groups [{label, values: [{name, value, text}]}], one colour per name, with a legend. */
  function grouped(container, groups, names, options) {
    const o = Object.assign({ max: 1, title: '' }, options);
    if (!groups.length) return empty(container);
    const labelWidth = 190, barArea = 440, bar = 16, gap = 10, width = labelWidth + barArea + 70;
    const height = groups.length * (names.length * bar + gap) + 8;
    const { root } = frame(container, width, height, o.title);
    groups.forEach((g, i) => {
      const y0 = i * (names.length * bar + gap) + 4;
      root.appendChild(svg('text', { x: labelWidth - 8, y: y0 + names.length * bar / 2 + 4, 'text-anchor': 'end' }, g.label));
      g.values.forEach((v, j) => {
        const w = Math.max(v.value > 0 ? 2 : 0, Math.round(barArea * (v.value || 0) / o.max));
        const y = y0 + j * bar;
        root.appendChild(svg('rect', { x: labelWidth, y: y + 1, width: w, height: bar - 3, fill: COLOURS[j % COLOURS.length] }));
        root.appendChild(svg('text', { x: labelWidth + w + 6, y: y + bar - 4 }, v.text));
      });
    });
    container.appendChild(legend(names));
    table(container, o.title, [''].concat(names), groups.map(g => [g.label].concat(g.values.map(v => v.text))));
  }

  /** Vertical stacked columns: columns [{label, parts: {name: value}}], series names in order. */
  function stacked(container, columns, names, options) {
    const o = Object.assign({ title: '', format: String }, options);
    const totals = columns.map(c => names.reduce((s, n) => s + (c.parts[n] || 0), 0));
    if (!columns.length || !totals.some(t => t > 0)) return empty(container);
    const left = 40, bottom = 44, top = 18, plot = 220, width = Math.max(360, left + columns.length * 34 + 20);
    const step = (width - left - 20) / columns.length, barWidth = Math.min(28, step * 0.7);
    const max = Math.max(1, ...totals);
    const { root } = frame(container, width, top + plot + bottom, o.title);
    root.appendChild(svg('line', { x1: left, y1: top + plot, x2: width - 10, y2: top + plot, stroke: '#1d2430' }));
    root.appendChild(svg('text', { x: left - 6, y: top + 4, 'text-anchor': 'end' }, max));
    root.appendChild(svg('text', { x: left - 6, y: top + plot, 'text-anchor': 'end' }, 0));
    columns.forEach((c, i) => {
      const x = left + i * step + (step - barWidth) / 2;
      let y = top + plot;
      names.forEach((n, j) => {
        const v = c.parts[n] || 0;
        if (!v) return;
        const h = plot * v / max;
        y -= h;
        root.appendChild(svg('rect', { x, y, width: barWidth, height: h, fill: COLOURS[j % COLOURS.length], stroke: '#fff', 'stroke-width': 0.5 }));
      });
      if (totals[i]) root.appendChild(svg('text', { x: x + barWidth / 2, y: y - 4, 'text-anchor': 'middle' }, o.format(totals[i])));
      if (columns.length <= 16 || i % Math.ceil(columns.length / 16) === 0) {
        root.appendChild(svg('text', { x: x + barWidth / 2, y: top + plot + 16, 'text-anchor': 'middle' }, c.label));
      }
    });
    container.appendChild(legend(names));
    table(container, o.title, ['week'].concat(names).concat(['all']),
      columns.map((c, i) => [c.label].concat(names.map(n => o.format(c.parts[n] || 0))).concat([o.format(totals[i])])));
  }

  function legend(names) {
    const { el } = Lots;
    const list = el('ul', { class: 'legend', 'aria-hidden': 'true' });
    names.forEach((n, j) => {
      const swatch = el('span', { class: 'swatch' });
      swatch.style.background = COLOURS[j % COLOURS.length];
      list.appendChild(el('li', {}, swatch, n));
    });
    return list;
  }

  return { bars, grouped, stacked, empty };
})();
