'use strict';
// Content health: lint, where each language stands, dialogs with few example phrases, and this week's unanswered
// questions, each with a way to try it in the simulator.
(function () {
  const { api, el, clear, token } = Lots;
  const $ = id => document.getElementById(id);
  let names = {};

  function showError(e) {
    $('error').hidden = !e;
    $('error').textContent = e ? (e.message || String(e)) : '';
  }

  function languageName(code) {
    return names[code] ? names[code] + ' (' + code + ')' : code;
  }

  function page(name, params) {
    return '/console/' + name + '.html?' + new URLSearchParams(params).toString();
  }

  const simulator = params => page('simulator', params);

  function num(n) {
    return el('td', { class: 'num' }, String(n));
  }

  function empty(tbody, columns, text) {
    tbody.appendChild(el('tr', {}, el('td', { colspan: columns, class: 'empty' }, text)));
  }

  function summary(r) {
    const list = $('summary');
    clear(list);
    const missing = r.translations.reduce((s, l) => s + l.missing, 0);
    const outdated = r.translations.reduce((s, l) => s + l.outdated, 0);
    const machine = r.translations.reduce((s, l) => s + l.machine, 0);
    const item = (count, text, href, bad) => list.appendChild(el('li', { class: bad ? 'bad' : null },
      el('span', { class: 'count' }, String(count)), el('a', { href }, text)));
    item(r.lint.errors, 'lint errors', '#lint-heading', r.lint.errors > 0);
    item(r.lint.warnings, 'lint warnings', '#lint-heading', false);
    item(missing, 'texts missing', '#translations-heading', missing > 0);
    item(outdated, 'texts outdated', '#translations-heading', outdated > 0);
    item(machine, 'machine-made texts', '#translations-heading', false);
    item(r.examples.gaps.length, 'dialog languages with few examples', '#examples-heading', r.examples.gaps.length > 0);
    item(r.unanswered.questions, 'unanswered questions in ' + r.unanswered.days + ' days', '#unanswered-heading', false);
  }

  function lint(l) {
    $('lint-note').textContent = l.refused
      ? 'The last edit has errors: it was refused, and the content before it keeps serving until they are fixed.'
      : l.problems.length ? 'The live content passes lint; warnings are worth a look.' : 'Lint finds nothing to say.';
    const body = $('lint');
    clear(body);
    if (!l.problems.length) empty(body, 3, 'nothing');
    l.problems.forEach(p => body.appendChild(el('tr', {},
      el('td', {}, el('code', { class: 'id' }, p.path + ':' + p.line)),
      el('td', { class: 'severity-' + p.severity }, p.severity), el('td', {}, p.message))));
  }

  function translations(rows) {
    const body = $('translations');
    clear(body);
    rows.forEach(l => {
      const where = el('td', {});
      if (l.dialogs.length) {
        const ul = el('ul', { class: 'health-gaps' });
        // The studio's review page, filtered to this language, dialog and what is wrong there.
        l.dialogs.slice(0, 8).forEach(g => ul.appendChild(el('li', {},
          el('a', { href: page('review', { language: l.language, dialog: g.dialog, status: g.missing ? 'missing' : 'outdated' }) },
            el('code', { class: 'id' }, g.dialog)), ': ',
          [g.missing ? g.missing + ' missing' : null, g.outdated ? g.outdated + ' outdated' : null].filter(Boolean).join(', '))));
        if (l.dialogs.length > 8) ul.appendChild(el('li', {}, 'and ' + (l.dialogs.length - 8) + ' more'));
        where.appendChild(ul);
      }
      where.appendChild(el('a', { href: page('review', { language: l.language }) }, 'Review'));
      where.appendChild(document.createTextNode(' · '));
      where.appendChild(el('a', { href: simulator({ language: l.language }) }, 'Try it in the simulator'));
      body.appendChild(el('tr', { 'data-language': l.language },
        el('th', { scope: 'row' }, el('span', { lang: l.language }, l.name), ' (' + l.language + ')'),
        num(l.total), num(l.missing), num(l.outdated), num(l.machine), num(l.reviewed), where));
    });
  }

  function examples(x) {
    $('examples-note').textContent = 'Fewer than ' + x.few + ' phrases in a language: the bot understands that language worse there.'
      + ' (Test phrases and eval/ questions never go into examples.)';
    const body = $('examples');
    clear(body);
    if (!x.gaps.length) empty(body, 5, 'none');
    x.gaps.forEach(g => body.appendChild(el('tr', {},
      el('td', {}, el('code', { class: 'id' }, g.dialog)), el('td', {}, languageName(g.language)), num(g.count), num(g.most),
      el('td', {}, el('a', { href: page('examples', { language: g.language, dialog: g.dialog }) }, 'Add phrases'), ' · ',
        el('a', { href: simulator({ language: g.language }) }, 'Try it')))));
  }

  function unanswered(u) {
    $('unanswered-note').textContent = u.questions + ' question(s) in the last ' + u.days + ' days ended in the fallback, a '
      + 'clarification or a handoff; grouped by the closest topic. ';
    $('unanswered-note').appendChild(el('a', { href: '/api/editor/unanswered?days=' + u.days }, 'All groups (JSON)'));
    const list = $('unanswered');
    clear(list);
    if (!u.groups.length) list.appendChild(el('li', { class: 'empty' }, 'Nothing this week.'));
    u.groups.forEach(g => {
      const langs = Object.entries(g.languages).map(([c, n]) => languageName(c) + ' ' + n).join(', ');
      const ex = el('ul', { class: 'examples' });
      g.examples.slice(0, 5).forEach(text => ex.appendChild(el('li', {},
        el('span', { dir: 'auto' }, text), ' ',
        el('a', { href: simulator({ say: text }) }, 'try it in the simulator'))));
      list.appendChild(el('li', {}, el('strong', {}, g.count + ' × '), el('code', { class: 'id' }, g.closestTopic),
        el('span', { class: 'small' }, ' · ' + langs), ex));
    });
  }

  async function start() {
    await token();
    const me = await api('GET', '/api/console/me');
    names = me.languageNames || {};
    const r = await api('GET', '/api/editor/health');
    summary(r);
    lint(r.lint);
    translations(r.translations);
    examples(r.examples);
    unanswered(r.unanswered);
  }

  start().catch(showError);
})();
