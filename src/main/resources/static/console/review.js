'use strict';
// Translation review: per language and dialog, the source beside the translation with its status; edit, mark
// reviewed. A save names the version it edited: someone else's newer save is shown, and the reviewer's text stays.
(function () {
  const { api, el, clear, token } = Lots;
  const $ = id => document.getElementById(id);
  let s = null;
  const STATUS_WORDS = { missing: 'missing', machine: 'machine-made', outdated: 'outdated', reviewed: 'reviewed', source: 'source text' };

  function item(lang, t, data) {
    const name = s.languageNames[lang] || lang;
    const box = el('textarea', { rows: 3, lang, dir: data.direction, id: 'text-' + t.key, 'data-key': t.key }, t.text || '');
    const note = el('p', { class: 'note', role: 'status' });
    let version = t.version;
    const badge = el('span', { class: 'badge ' + t.status }, STATUS_WORDS[t.status] || t.status);
    async function send(reviewed) {
      const answer = await Studio.save(note,
        () => api('PUT', '/api/studio/review/' + encodeURIComponent(lang), { key: t.key, text: box.value, reviewed, version }),
        current => {
          version = current.version;
          note.appendChild(el('span', {}, ' Now it says: '));
          note.appendChild(el('q', { lang, dir: data.direction }, current.text || '(nothing)'));
          note.appendChild(el('span', {}, ' Your text is still in the box: save again to replace it.'));
        });
      if (answer) {
        version = answer.version;
        badge.className = 'badge ' + answer.status;
        badge.textContent = STATUS_WORDS[answer.status] || answer.status;
      }
    }
    const isSource = lang === data.fallback;
    return el('li', { class: 'text-item', 'data-key': t.key },
      el('header', {}, el('code', {}, t.key), badge),
      el('div', { class: 'pair' },
        el('div', {}, el('span', { class: 'small', id: 'src-' + t.key }, 'Source (' + (s.languageNames[data.fallback] || data.fallback) + ')'),
          el('p', { class: 'source', lang: data.fallback, dir: data.fallbackDirection }, t.source || '')),
        el('label', { for: 'text-' + t.key }, el('span', { class: 'small' }, name), box)),
      el('div', { class: 'row-actions' },
        isSource ? null : el('button', { type: 'button', class: 'review', onclick: () => send(true) }, 'Save as reviewed'),
        el('button', { type: 'button', class: isSource ? 'save' : 'save secondary', onclick: () => send(false) },
          isSource ? 'Save' : 'Save, not reviewed yet')),
      note);
  }

  async function load() {
    const lang = $('language').value;
    const dialog = $('dialog').value;
    const status = $('status').value;
    $('error').hidden = true;
    try {
      const q = new URLSearchParams();
      if (dialog) q.set('dialog', dialog);
      if (status) q.set('status', status);
      const data = await api('GET', '/api/studio/review/' + encodeURIComponent(lang) + '?' + q);
      const dialogs = Object.keys(data.dialogs);
      const select = $('dialog');
      const chosen = dialog || dialogs[0];
      clear(select);
      dialogs.forEach(d => {
        const c = data.dialogs[d];
        const open = (c.missing || 0) + (c.machine || 0) + (c.outdated || 0);
        select.appendChild(el('option', { value: d, selected: d === chosen }, d + (open ? ' (' + open + ' to review)' : '')));
      });
      if (!dialog && chosen) return load();
      const list = $('texts');
      clear(list);
      data.texts.forEach(t => list.appendChild(item(lang, t, data)));
      $('empty').hidden = data.texts.length > 0;
      $('counts').textContent = data.texts.length + ' text(s)';
      history.replaceState(null, '', '?language=' + lang + '&dialog=' + encodeURIComponent(chosen) + (status ? '&status=' + status : ''));
    } catch (e) {
      $('error').textContent = e.message;
      $('error').hidden = false;
    }
  }

  async function showHistory() {
    const file = 'translations/' + $('language').value + '.yaml';
    const list = $('history');
    const data = await api('GET', '/api/studio/history?file=' + encodeURIComponent(file));
    clear(list);
    if (!data.versions.length) list.appendChild(el('li', { class: 'empty' }, 'The studio has not changed this file yet.'));
    data.versions.forEach((v, i) => list.appendChild(el('li', { class: 'phrase' },
      el('span', {}, new Date(v.at).toLocaleString() + ' · ' + v.user + ' · ' + v.summary + (i === 0 ? ' (now)' : '')),
      el('span', {},
        el('a', { href: '/api/studio/history/file?file=' + encodeURIComponent(file) + '&id=' + encodeURIComponent(v.id) }, 'Download'),
        i === 0 ? null : el('button', { type: 'button', class: 'secondary', onclick: async () => {
          if (!confirm('Go back to the version of ' + new Date(v.at).toLocaleString() + '? Later changes stay in the history.')) return;
          const answer = await Studio.save($('history-note'), () => api('POST', '/api/studio/history/restore', { file, id: v.id }));
          if (answer) { await load(); await showHistory(); }
        } }, 'Restore')))));
    list.hidden = false;
    $('show-history').setAttribute('aria-expanded', 'true');
  }

  async function start() {
    await token();
    s = await Studio.status();
    const params = new URLSearchParams(location.search);
    const wanted = params.get('language');
    Studio.languageOptions($('language'), s, s.languages.includes(wanted) ? wanted : s.languages.find(l => l !== s.fallback) || s.languages[0]);
    if (params.get('status')) $('status').value = params.get('status');
    if (params.get('dialog')) $('dialog').appendChild(el('option', { value: params.get('dialog'), selected: true }, params.get('dialog')));
    $('language').addEventListener('change', () => { clear($('dialog')); load(); });
    $('dialog').addEventListener('change', load);
    $('status').addEventListener('change', load);
    $('filters').addEventListener('submit', ev => { ev.preventDefault(); load(); });
    $('show-history').addEventListener('click', () => showHistory().catch(e => { $('history-note').textContent = e.message; }));
    await load();
  }

  start().catch(e => { $('error').textContent = e.message; $('error').hidden = false; });
})();
