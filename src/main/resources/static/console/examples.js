'use strict';
// Example phrases per dialog and language: add, remove; and the unanswered inbox, where one click turns a
// newcomer's question into an example of the dialog the editor picks.
(function () {
  const { api, el, clear, token } = Lots;
  const $ = id => document.getElementById(id);
  let s = null;
  let current = null; // {dialog, language, version, direction}

  function phrase(text) {
    const note = $('add-note');
    return el('li', { class: 'phrase' },
      el('span', { lang: current.language, dir: current.direction }, text),
      el('button', { type: 'button', class: 'secondary', 'aria-label': 'Remove “' + text + '”', onclick: async () => {
        const answer = await Studio.save(note, () => api('POST', path(), { remove: text, version: current.version }), stale);
        if (answer) show(answer);
      } }, 'Remove'));
  }

  function path() {
    return '/api/studio/examples/' + encodeURIComponent(current.language) + '/' + encodeURIComponent(current.dialog);
  }

  function stale(now) {
    current.version = now.version;
    $('add-note').appendChild(el('span', {}, ' The list below is the one there is now: try again.'));
    show({ examples: now.examples, version: now.version });
  }

  function show(answer) {
    current.version = answer.version;
    const list = $('phrases');
    clear(list);
    answer.examples.forEach(p => list.appendChild(phrase(p)));
  }

  let data = null;

  async function load() {
    const lang = $('language').value;
    $('error').hidden = true;
    try {
      data = await api('GET', '/api/studio/examples/' + encodeURIComponent(lang));
      const select = $('dialog');
      const chosen = select.value || (data.dialogs[0] && data.dialogs[0].id);
      clear(select);
      data.dialogs.forEach(d => select.appendChild(el('option', { value: d.id, selected: d.id === chosen },
        d.id + ' (' + d.examples.length + ')')));
      pick();
    } catch (e) {
      $('error').textContent = e.message;
      $('error').hidden = false;
    }
  }

  function pick() {
    const d = data.dialogs.find(x => x.id === $('dialog').value);
    if (!d) return;
    current = { dialog: d.id, language: data.language, version: d.version, direction: data.direction };
    $('new-phrase').setAttribute('lang', data.language);
    $('new-phrase').setAttribute('dir', data.direction);
    clear($('add-note'));
    show(d);
  }

  function question(q) {
    const note = el('p', { class: 'note', role: 'status' });
    const id = 'target-' + q.id;
    const target = el('select', { id }, ...s.dialogs.map(d => el('option', { value: d, selected: d === q.dialog }, d)));
    return el('li', { class: 'question' },
      el('span', { class: 'small' }, (s.languageNames[q.language] || q.language || '?') + ' · ' + q.reason + ' · ' + new Date(q.at).toLocaleString()),
      el('span', { class: 'text', lang: q.language, dir: q.language ? Studio.direction(s, q.language) : 'auto' }, q.text),
      el('div', { class: 'row-actions' },
        el('label', { for: id }, 'Dialog '), target,
        el('button', { type: 'button', onclick: async () => {
          const answer = await Studio.save(note, () => api('POST', '/api/studio/inbox/' + encodeURIComponent(q.id) + '/example', { dialog: target.value }));
          if (answer && current && answer.dialog === current.dialog && answer.language === current.language) show(answer);
        } }, 'Make it an example')),
      note);
  }

  async function inbox() {
    if (!s.editor) return;
    $('inbox-section').hidden = false;
    const questions = await api('GET', '/api/studio/inbox?days=30');
    const list = $('inbox');
    clear(list);
    questions.forEach(q => list.appendChild(question(q)));
    $('inbox-empty').hidden = questions.length > 0;
  }

  async function start() {
    await token();
    s = await Studio.status();
    const wanted = new URLSearchParams(location.search).get('language');
    Studio.languageOptions($('language'), s, s.languages.includes(wanted) ? wanted : s.languages[0]);
    $('language').addEventListener('change', load);
    $('dialog').addEventListener('change', pick);
    $('filters').addEventListener('submit', ev => ev.preventDefault());
    $('add-form').addEventListener('submit', async ev => {
      ev.preventDefault();
      const text = $('new-phrase').value;
      const answer = await Studio.save($('add-note'), () => api('POST', path(), { add: text, version: current.version }), stale);
      if (answer) {
        $('new-phrase').value = '';
        show(answer);
      }
    });
    await load();
    await inbox();
  }

  start().catch(e => { $('error').textContent = e.message; $('error').hidden = false; });
})();
