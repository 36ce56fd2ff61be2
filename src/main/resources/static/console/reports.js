'use strict';
// The coordinator's report page: pick a period, read the headline numbers, look at the charts, print it for a
// funder or download the CSV. Everything comes from GET /api/reports/summary (aggregates only).
(function () {
  const { api, el, clear, token } = Lots;
  const $ = id => document.getElementById(id);
  let names = {};

  /** A count as the CSV shows it: 1 to 4 as "<5". */
  function count(n) {
    return n > 0 && n < 5 ? '<5' : String(n);
  }

  function percent(share) {
    return share === null || share === undefined ? '–' : Math.round(share * 100) + '%';
  }

  function languageName(code) {
    return names[code] ? names[code] + ' (' + code + ')' : code;
  }

  function iso(d) {
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  }

  function quick(kind) {
    const now = new Date();
    const q = Math.floor(now.getMonth() / 3);
    if (kind === 'month') return [new Date(now.getFullYear(), now.getMonth(), 1), new Date(now.getFullYear(), now.getMonth() + 1, 0)];
    if (kind === 'quarter') return [new Date(now.getFullYear(), q * 3, 1), new Date(now.getFullYear(), q * 3 + 3, 0)];
    if (kind === 'last-quarter') return [new Date(now.getFullYear(), q * 3 - 3, 1), new Date(now.getFullYear(), q * 3, 0)];
    return [new Date(now.getFullYear(), 0, 1), new Date(now.getFullYear(), 11, 31)];
  }

  function headline(s) {
    const list = $('headline');
    clear(list);
    const wait = s.waitMinutes || {};
    const items = [
      ['Newcomers reached', count(s.newcomers)],
      ['Conversations', count(s.conversations)],
      ['Messages from newcomers', count(s.messages)],
      ['Answered by the bot', percent(s.answeredByBot)],
      ['Handed to an adviser', count(s.handoffs)],
      ['Wait for an adviser (median)', wait.median === null || wait.median === undefined ? '–' : wait.median + ' min'],
      ['Wait (9 in 10 within)', wait.p90 === null || wait.p90 === undefined ? '–' : wait.p90 + ' min'],
      ['Satisfaction (1–5)', s.satisfaction.average === null ? '–' : s.satisfaction.average + ' (' + count(s.satisfaction.count) + ')']
    ];
    for (const [k, v] of items) list.appendChild(el('div', {}, el('dt', {}, k), el('dd', {}, v)));
  }

  function figuresTable(container, groups, label, nameOf) {
    clear(container);
    const keys = Object.keys(groups);
    if (!keys.length) {
      container.appendChild(el('p', { class: 'empty' }, 'Nothing in this period.'));
      return;
    }
    const cols = ['Newcomers', 'Conversations', 'Messages', 'Answered by the bot', 'Not understood', 'Handoffs', 'Median wait', 'Satisfaction'];
    const t = el('table', { class: 'figures' });
    t.appendChild(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, label), ...cols.map(c => el('th', { scope: 'col' }, c)))));
    const body = el('tbody');
    for (const k of keys) {
      const g = groups[k];
      body.appendChild(el('tr', {},
        el('th', { scope: 'row' }, nameOf(k)),
        el('td', {}, count(g.newcomers)), el('td', {}, count(g.conversations)), el('td', {}, count(g.messages)),
        el('td', {}, percent(g.answeredByBot)), el('td', {}, percent(g.fallbackShare)), el('td', {}, count(g.handoffs)),
        el('td', {}, g.waitMinutes.median === null ? '–' : g.waitMinutes.median + ' min'),
        el('td', {}, g.satisfaction.average === null ? '–' : String(g.satisfaction.average))));
    }
    t.appendChild(body);
    container.appendChild(t);
  }

  function charts(s) {
    const languages = Object.keys(s.byLanguage);
    const weekLanguages = Array.from(new Set(s.newcomersByWeek.flatMap(w => Object.keys(w.byLanguage)))).sort();
    // stacked() names the series by their display names; the parts are keyed by code
    LotsCharts.stacked($('chart-weeks'), s.newcomersByWeek.map(w => ({
      label: w.week.substring(5),
      parts: Object.fromEntries(Object.entries(w.byLanguage).map(([k, v]) => [languageName(k), v]))
    })), weekLanguages.map(languageName), { title: 'Newcomers per week (weeks start on Monday), by language', format: count });

    const topics = Object.entries(s.byTopic).filter(([k, t]) => k !== 'none' && t.conversations > 0)
      .sort((a, b) => b[1].conversations - a[1].conversations);
    LotsCharts.bars($('chart-topics'), topics.map(([k, t]) => ({ label: k, value: t.conversations, text: count(t.conversations) })),
      { title: 'Conversations that reached each topic', valueName: 'conversations' });

    const outcomes = Object.entries(s.outcomes).filter(([, n]) => n > 0);
    LotsCharts.bars($('chart-outcomes'), outcomes.map(([k, n]) => ({ label: state.outcomeLabels[k] || k, value: n, text: count(n), colour: '#009E73' })),
      { title: 'Outcomes recorded on closing and as follow-ups', valueName: 'times' });

    LotsCharts.grouped($('chart-shares'), languages.map(l => ({
      label: languageName(l),
      values: [
        { value: s.byLanguage[l].answeredByBot || 0, text: percent(s.byLanguage[l].answeredByBot) },
        { value: s.byLanguage[l].fallbackShare || 0, text: percent(s.byLanguage[l].fallbackShare) }
      ]
    })), ['answered by the bot (of conversations)', 'not understood (of messages)'],
    { max: 1, title: 'Share of conversations answered by the bot, and of messages not understood, per language' });

    const rated = languages.filter(l => s.byLanguage[l].satisfaction.count > 0);
    LotsCharts.bars($('chart-satisfaction'), rated.map(l => ({
      label: languageName(l), value: s.byLanguage[l].satisfaction.average,
      text: s.byLanguage[l].satisfaction.average + ' (' + count(s.byLanguage[l].satisfaction.count) + ' ratings)', colour: '#E69F00'
    })), { max: 5, title: 'Average satisfaction per language, 1 (not at all happy) to 5 (very happy)', valueName: 'average' });
  }

  const state = { outcomeLabels: {} };

  async function show() {
    const from = $('from').value, to = $('to').value;
    $('error').hidden = true;
    const query = 'from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
    history.replaceState(null, '', '?' + query);
    $('csv').href = '/api/reports/summary.csv?' + query;
    try {
      const s = await api('GET', '/api/reports/summary?' + query);
      $('period-text').textContent = s.from + ' to ' + s.to;
      headline(s);
      charts(s);
      figuresTable($('table-languages'), s.byLanguage, 'Language', languageName);
      figuresTable($('table-channels'), s.byChannel, 'Channel', k => k);
      document.body.dataset.loaded = s.from + '/' + s.to;
    } catch (e) {
      $('error').textContent = e.message;
      $('error').hidden = false;
    }
  }

  async function start() {
    await token();
    const me = await api('GET', '/api/console/me');
    names = me.languageNames || {};
    try {
      for (const o of await api('GET', '/api/console/outcomes?language=' + encodeURIComponent(document.documentElement.lang || 'en'))) {
        state.outcomeLabels[o.id] = o.label;
      }
    } catch (e) {
      // a coordinator who is no adviser sees the ids
    }
    const params = new URLSearchParams(location.search);
    const [f, t] = quick('quarter');
    $('from').value = params.get('from') || iso(f);
    $('to').value = params.get('to') || iso(t);
    $('period').addEventListener('submit', ev => { ev.preventDefault(); show(); });
    document.querySelectorAll('[data-quick]').forEach(b => b.addEventListener('click', () => {
      const [qf, qt] = quick(b.dataset.quick);
      $('from').value = iso(qf);
      $('to').value = iso(qt);
      show();
    }));
    $('print').addEventListener('click', () => window.print());
    await show();
  }

  start().catch(e => { $('error').textContent = e.message; $('error').hidden = false; });
})();
