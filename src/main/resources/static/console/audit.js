'use strict';
// Admins read the audit log: newest first, filtered by user, action or target, paged back with "older".
(function () {
  const { api, el, clear, token } = Lots;
  const $ = id => document.getElementById(id);
  const PAGE = 100;
  let oldest = null;
  let shown = 0;

  function query(before) {
    const p = new URLSearchParams();
    for (const [name, id] of [['actor', 'f-actor'], ['action', 'f-action'], ['target', 'f-target']]) {
      const v = $(id).value.trim();
      if (v) p.set(name, v);
    }
    if (before) p.set('before', before);
    p.set('limit', String(PAGE));
    return '/api/admin/audit?' + p.toString();
  }

  function row(e) {
    // Ids and user names may be in any script: each cell finds its own direction.
    return el('tr', {},
      el('td', {}, el('time', { datetime: e.at }, new Date(e.at).toLocaleString())),
      el('td', { dir: 'auto' }, e.actor || ''),
      el('td', {}, e.action || ''),
      el('td', { dir: 'auto' }, e.target || ''),
      el('td', { dir: 'auto' }, e.detail || ''),
      el('td', {}, e.status == null ? '' : String(e.status)));
  }

  async function load(more) {
    $('error').hidden = true;
    try {
      const entries = await api('GET', query(more ? oldest : null));
      const body = $('entries');
      if (!more) {
        clear(body);
        shown = 0;
      }
      entries.forEach(e => body.appendChild(row(e)));
      shown += entries.length;
      if (entries.length) oldest = entries[entries.length - 1].at;
      $('older').hidden = entries.length < PAGE;
      $('count').textContent = shown + (shown === 1 ? ' entry' : ' entries');
    } catch (e) {
      $('error').textContent = e.message;
      $('error').hidden = false;
    }
  }

  $('filter').addEventListener('submit', ev => {
    ev.preventDefault();
    load(false);
  });
  $('older').addEventListener('click', () => load(true));
  token();
  load(false);
})();
