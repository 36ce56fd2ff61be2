'use strict';
// For editors: the fallback and clarification shares per language and topic over time (GET /api/editor/failures),
// and the unanswered questions of one language (GET /api/editor/unanswered?language=...).
(function () {
  const { api, el, clear, token } = Lots;
  const $ = id => document.getElementById(id);
  let names = {};

  function percent(share) {
    return share === null || share === undefined ? '–' : Math.round(share * 100) + '%';
  }

  function languageName(code) {
    return names[code] ? names[code] + ' (' + code + ')' : code;
  }

  function row(label, c, link) {
    return el('tr', {},
      el('th', { scope: 'row' }, label),
      el('td', {}, String(c.messages)),
      el('td', {}, percent(c.fallbackShare)),
      el('td', {}, percent(c.clarificationShare)),
      el('td', {}, c.weeks.map(w => percent(w.fallbackShare)).join(' · ')),
      el('td', {}, link || ''));
  }

  function table(caption, rows) {
    const t = el('table', { class: 'figures' }, el('caption', {}, caption));
    t.appendChild(el('thead', {}, el('tr', {}, ...['', 'Messages', 'Not understood', 'Clarified', 'Not understood per week', '']
      .map((h, i) => el('th', { scope: 'col' }, i === 0 ? 'Where' : h || 'Inbox')))));
    const body = el('tbody');
    rows.forEach(r => body.appendChild(r));
    t.appendChild(body);
    return t;
  }

  async function show() {
    $('error').hidden = true;
    const from = $('from').value, to = $('to').value;
    const query = from || to ? '?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to) : '';
    try {
      const f = await api('GET', '/api/editor/failures' + query);
      const box = $('languages');
      clear(box);
      const languages = Object.entries(f.byLanguage);
      if (!languages.length) {
        box.appendChild(el('p', { class: 'empty' }, 'No messages in this period.'));
        return;
      }
      const chart = el('div', { class: 'chart' });
      box.appendChild(chart);
      LotsCharts.grouped(chart, languages.map(([l, c]) => ({
        label: languageName(l),
        values: [{ value: c.fallbackShare || 0, text: percent(c.fallbackShare) }, { value: c.clarificationShare || 0, text: percent(c.clarificationShare) }]
      })), ['not understood', 'clarified'], { max: 1, title: 'Share of messages not understood and clarified, per language, ' + f.from + ' to ' + f.to });
      box.appendChild(table('Per language, weeks from ' + f.weeks[0],
        languages.map(([l, c]) => row(languageName(l), c, el('a', { href: c.inbox }, 'Unanswered in ' + languageName(l))))));
      for (const [l, c] of languages) {
        const topics = Object.entries(c.byTopic);
        if (!topics.length) continue;
        box.appendChild(table('Topics in ' + languageName(l), topics.map(([t, tc]) => row(t === 'none' ? 'no topic yet' : t, tc))));
      }
    } catch (e) {
      $('error').textContent = e.message;
      $('error').hidden = false;
    }
  }

  async function inbox(language) {
    $('inbox').hidden = false;
    $('inbox-title').textContent = 'Unanswered questions in ' + languageName(language) + ', last 90 days';
    const list = $('inbox-list');
    clear(list);
    const groups = await api('GET', '/api/editor/unanswered?days=90&language=' + encodeURIComponent(language));
    if (!groups.length) {
      list.appendChild(el('p', { class: 'empty' }, 'None.'));
      return;
    }
    const ul = el('ul');
    for (const g of groups) {
      ul.appendChild(el('li', {}, el('strong', {}, (g.closestTopic || 'no close topic') + ' (' + g.count + ')'), ' ',
        ...g.examples.map(x => el('q', { dir: 'auto', class: 'example' }, x))));
    }
    list.appendChild(ul);
  }

  async function start() {
    await token();
    const me = await api('GET', '/api/console/me');
    names = me.languageNames || {};
    const params = new URLSearchParams(location.search);
    if (params.get('from')) $('from').value = params.get('from');
    if (params.get('to')) $('to').value = params.get('to');
    $('period').addEventListener('submit', ev => { ev.preventDefault(); show(); });
    await show();
    if (params.get('inbox')) await inbox(params.get('inbox'));
  }

  start().catch(e => { $('error').textContent = e.message; $('error').hidden = false; });
})();
