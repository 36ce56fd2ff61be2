'use strict';
// The adviser console: queue, conversation, reply, notes, transfer, close. Live updates arrive as server-sent
// events that only say "handoff X changed"; the page then fetches what it shows through the adviser API.
(function () {
  const { api, el, clear, token } = Lots;
  const $ = id => document.getElementById(id);
  const state = {
    me: null, current: null, conversationId: null, detail: null, translateTo: '',
    refreshTimer: null, refreshCurrent: false, loading: false
  };

  // ------------------------------------------------------------------ small helpers

  function time(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    const today = new Date();
    const t = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    return d.toDateString() === today.toDateString() ? t : d.toLocaleDateString() + ' ' + t;
  }

  function waited(iso) {
    const minutes = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 60000));
    if (minutes < 60) return minutes + ' min';
    return Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min';
  }

  /** The deployment's outcomes (settings), labelled in the console's language, for closing and follow-ups. */
  async function loadOutcomes() {
    state.outcomes = await api('GET', '/api/console/outcomes?language=' + encodeURIComponent(document.documentElement.lang || 'en'));
    document.querySelectorAll('select.outcomes').forEach(select => {
      clear(select);
      for (const o of state.outcomes) select.appendChild(el('option', { value: o.id }, o.label));
    });
  }

  function outcomeLabel(id) {
    const o = (state.outcomes || []).find(x => x.id === id);
    return o ? o.label : id.replace(/_/g, ' ');
  }

  function languageName(code) {
    const names = (state.me && state.me.languageNames) || {};
    return names[code] ? names[code] + ' (' + code + ')' : (code || '?');
  }

  function showError(e) {
    const box = $('error');
    if (!e) { box.hidden = true; box.textContent = ''; return; }
    box.textContent = e.message || String(e);
    box.hidden = false;
  }

  const AUTHORS = { NEWCOMER: 'Newcomer', BOT: 'Bot', ADVISER: 'Adviser', NOTE: 'Internal note' };

  // ------------------------------------------------------------------ lists

  function queueItem(h, showAdviser) {
    const open = el('button', { type: 'button', class: 'open', 'data-id': h.id, onclick: () => openChat(h.id) },
      h.urgent ? el('span', { class: 'urgent-mark', title: 'The newcomer may be in danger: take this chat first' }, '⚠ URGENT') : null,
      el('span', { class: 'lang', lang: h.language }, languageName(h.language)),
      el('span', { class: 'topic' }, h.topicTitle || h.topic || 'no topic'),
      el('span', { class: 'wait', 'data-since': h.since }, waited(h.since)),
      showAdviser && h.adviser ? el('span', { class: 'small' }, h.adviser) : null,
      el('span', { class: 'preview', dir: h.direction || 'auto', lang: h.language }, h.preview || ''));
    return el('li', { class: 'queue-item' + (h.urgent ? ' urgent' : '') + (h.id === state.current ? ' selected' : ''), 'data-id': h.id }, open);
  }

  async function refreshLists() {
    const all = $('show-all').checked ? '&scope=all' : '';
    const [waiting, mine] = await Promise.all([
      api('GET', '/api/handoffs?status=waiting' + all),
      api('GET', '/api/handoffs?status=claimed&mine=true')
    ]);
    // Redraw only what changed, so that a click on a list item is not lost to an identical redraw.
    const drawn = JSON.stringify([waiting, mine, state.current]);
    if (drawn === state.drawnLists) return;
    state.drawnLists = drawn;
    const q = $('queue');
    clear(q);
    waiting.forEach(h => q.appendChild(queueItem(h, false)));
    $('queue-empty').hidden = waiting.length > 0;
    const m = $('mine');
    clear(m);
    mine.forEach(h => m.appendChild(queueItem(h, false)));
    $('mine-empty').hidden = mine.length > 0;
    Lots.urgent.alertNew(waiting);
    document.title = (waiting.length ? '(' + waiting.length + ') ' : '') + 'Lots adviser console';
  }

  // ------------------------------------------------------------------ one conversation

  async function openChat(id) {
    state.current = id;
    state.detail = null;
    showError(null);
    clear($('messages'));
    $('reply').value = '';
    document.querySelectorAll('.queue-item').forEach(li => li.classList.toggle('selected', li.dataset.id === id));
    await loadChat(true);
    await loadCanned();
  }

  async function loadChat(scroll) {
    if (!state.current) return;
    const id = state.current;
    const q = state.translateTo ? '?translateTo=' + encodeURIComponent(state.translateTo) : '';
    const d = await api('GET', '/api/handoffs/' + encodeURIComponent(id) + q);
    if (state.current !== id) return;
    state.detail = d;
    state.conversationId = d.conversationId;
    renderChat(d, scroll);
  }

  function renderChat(d, scroll) {
    $('no-chat').hidden = true;
    $('chat').hidden = false;
    $('chat').dataset.status = d.status;
    $('chat-title').textContent = languageName(d.newcomerLanguage || d.language) + ' · ' + (d.topicTitle || d.topic || 'no topic');
    const meta = ['waiting since ' + time(d.since), 'on ' + d.channel, 'status: ' + d.status];
    if (d.adviser) meta.push('adviser: ' + d.adviser);
    if (d.outcome) meta.push('outcome: ' + outcomeLabel(d.outcome));
    for (const f of d.followUps || []) meta.push('follow-up: ' + outcomeLabel(f.outcome) + ' (' + time(f.at) + ')');
    if (d.satisfaction) meta.push('satisfaction: ' + d.satisfaction + '/5');
    $('chat-meta').textContent = meta.join(' · ');
    $('chat').classList.toggle('urgent', d.urgent === true);
    $('urgent-flag').hidden = d.status === 'closed';
    $('urgent-flag').textContent = d.urgent ? 'Not urgent' : 'Mark urgent';
    $('urgent-flag').setAttribute('aria-pressed', d.urgent ? 'true' : 'false');

    const waiting = d.status === 'waiting';
    const mine = d.mine === true;
    $('claim').hidden = !waiting;
    $('transfer-box').hidden = !mine;
    $('close-box').hidden = !(mine || waiting);
    const admin = state.me && (state.me.roles || []).includes('ADMIN');
    $('followup-box').hidden = !(d.status === 'closed' && (admin || (state.me && d.adviser === state.me.username)));
    $('reply-form').hidden = !mine;
    $('note-form').hidden = false;

    const list = $('messages');
    const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 20;
    clear(list);
    for (const m of d.messages) list.appendChild(message(m));
    const files = $('files');
    clear(files);
    for (const f of d.files || []) {
      files.appendChild(el('li', {}, 'File from the newcomer (' + f.kind + ', ' + time(f.at) + '): ',
        f.openable ? el('a', { href: '/api/handoffs/' + encodeURIComponent(d.id) + '/files/' + encodeURIComponent(f.id), target: '_blank', rel: 'noopener' }, 'open')
          : el('span', { class: 'small' }, 'cannot be opened from here')));
    }
    if (scroll || atBottom) list.scrollTop = list.scrollHeight;
  }

  function message(m) {
    const who = AUTHORS[m.author] || m.author;
    const meta = el('div', { class: 'meta' }, who + (m.adviser ? ' ' + m.adviser : '') + ' · ' + time(m.at));
    // The text goes in as text (textContent), whatever it contains; its direction follows its language.
    const text = el('p', { class: 'text', dir: m.direction === 'auto' ? 'auto' : m.direction, lang: m.language || null }, m.text);
    const li = el('li', { class: 'msg msg-' + m.author.toLowerCase(), 'data-id': m.id }, meta, text);
    if (m.buttons && m.buttons.length) {
      li.appendChild(el('p', { class: 'buttons', dir: m.direction === 'auto' ? 'auto' : m.direction }, m.buttons.map(b => '[' + b + ']').join(' ')));
    }
    if (m.translation) {
      li.appendChild(el('p', { class: 'translation', dir: m.translation.direction, lang: m.translation.language },
        'Translation (' + m.translation.language + '): ' + m.translation.text));
    }
    if (m.original) {
      li.appendChild(el('p', { class: 'translation', dir: m.original.direction, lang: m.original.language },
        'You wrote (' + m.original.language + '): ' + m.original.text));
    }
    return li;
  }

  async function loadCanned() {
    if (!state.current) return;
    const gloss = state.me.languages && state.me.languages.length ? state.me.languages[0] : '';
    const canned = await api('GET', '/api/handoffs/' + encodeURIComponent(state.current) + '/canned' + (gloss ? '?gloss=' + gloss : ''));
    const select = $('canned');
    clear(select);
    select.appendChild(el('option', { value: '' }, '—'));
    canned.forEach(c => select.appendChild(el('option', { value: c.text, title: c.text }, c.gloss)));
  }

  // ------------------------------------------------------------------ actions

  async function act(fn) {
    showError(null);
    try {
      await fn();
    } catch (e) {
      showError(e);
    }
    try {
      await Promise.all([refreshLists(), loadChat(true)]);
    } catch (e) {
      showError(e);
    }
  }

  function wire() {
    $('claim').addEventListener('click', () => act(() => api('POST', '/api/handoffs/' + state.current + '/claim')));
    $('urgent-flag').addEventListener('click', () => {
      Lots.urgent.unlock();
      const urgent = !(state.detail && state.detail.urgent);
      act(() => api('POST', '/api/handoffs/' + state.current + '/urgent', { urgent }));
    });
    $('close').addEventListener('click', () => act(() => api('POST', '/api/handoffs/' + state.current + '/close', { outcome: $('outcome').value })));
    $('followup').addEventListener('click', () => act(() => api('POST', '/api/handoffs/' + state.current + '/outcomes', { outcome: $('followup-outcome').value })));
    $('transfer').addEventListener('click', () => {
      const to = $('transfer-to').value;
      if (to) act(() => api('POST', '/api/handoffs/' + state.current + '/transfer', { to }));
    });
    $('reply-form').addEventListener('submit', ev => {
      ev.preventDefault();
      const text = $('reply').value;
      if (!text.trim()) return;
      const body = { text };
      if ($('translate-reply').checked) {
        body.translate = true;
        if (state.translateTo) body.from = state.translateTo;
      }
      act(async () => {
        await api('POST', '/api/handoffs/' + state.current + '/messages', body);
        $('reply').value = '';
      });
    });
    $('note-form').addEventListener('submit', ev => {
      ev.preventDefault();
      const text = $('note').value;
      if (!text.trim()) return;
      act(async () => {
        await api('POST', '/api/handoffs/' + state.current + '/notes', { text });
        $('note').value = '';
      });
    });
    $('canned').addEventListener('change', () => {
      if ($('canned').value) $('reply').value = $('canned').value;
      $('canned').value = '';
      $('reply').focus();
    });
    $('show-all').addEventListener('change', () => refreshLists().catch(showError));
    $('translate-to').addEventListener('change', () => {
      state.translateTo = $('translate-to').value;
      loadChat(false).catch(showError);
    });
  }

  async function loadAdvisers() {
    const advisers = await api('GET', '/api/console/advisers');
    const select = $('transfer-to');
    clear(select);
    select.appendChild(el('option', { value: '' }, '—'));
    advisers.filter(a => a.username !== state.me.username).forEach(a =>
      select.appendChild(el('option', { value: a.username },
        a.username + ' (' + a.languages.join(', ') + ')' + (a.online ? ' · online' : ''))));
  }

  // ------------------------------------------------------------------ live updates

  function scheduleRefresh(change) {
    if (change && state.current && (change.id === state.current || (change.conversationId && change.conversationId === state.conversationId))) {
      state.refreshCurrent = true;
    }
    if (state.refreshTimer) return;
    state.refreshTimer = setTimeout(async () => {
      state.refreshTimer = null;
      const current = state.refreshCurrent;
      state.refreshCurrent = false;
      try {
        await refreshLists();
        if (current) await loadChat(false);
      } catch (e) {
        showError(e);
      }
    }, 150);
  }

  function listen() {
    const source = new EventSource('/api/console/stream');
    source.addEventListener('hello', () => {
      $('connection').classList.add('live');
      state.refreshCurrent = true;
      scheduleRefresh(null);
    });
    source.addEventListener('handoff', ev => {
      let change = null;
      try { change = JSON.parse(ev.data); } catch (e) { /* a malformed event only refreshes the lists */ }
      scheduleRefresh(change);
    });
    source.onerror = () => {
      $('connection').classList.remove('live');
      // EventSource retries by itself after a network error, but gives up on an HTTP error (e.g. the session
      // ended): check the session (a 401 leads to the login page) and connect again.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(() => api('GET', '/api/console/me').then(listen).catch(showError), 3000);
      }
    };
  }

  // ------------------------------------------------------------------ start

  async function start() {
    wire();
    await token();
    state.me = await api('GET', '/api/console/me');
    await loadOutcomes().catch(showError); // the console works without them; closing then says what is wrong
    $('me').textContent = state.me.username + (state.me.languages.length ? ' · ' + state.me.languages.join(', ') : '');
    $('admin-link').hidden = !state.me.roles.includes('ADMIN');
    ['simulator-link', 'health-link'].forEach(id => { $(id).hidden = !state.me.roles.includes('EDITOR'); });
    $('studio-link').hidden = !state.me.roles.some(r => r === 'EDITOR' || r === 'REVIEWER');
    $('reports-link').hidden = !state.me.roles.includes('COORDINATOR');
    $('failures-link').hidden = !state.me.roles.includes('EDITOR');
    if (state.me.translator) {
      const select = $('translate-to');
      select.appendChild(el('option', { value: '' }, 'no translation'));
      const mine = state.me.languages.length ? state.me.languages : ['en'];
      Object.keys(state.me.languageNames).sort((a, b) => (mine.includes(b) ? 1 : 0) - (mine.includes(a) ? 1 : 0))
        .forEach(code => select.appendChild(el('option', { value: code }, languageName(code))));
      $('translate-view').hidden = false;
      $('translate-reply-box').hidden = false;
      state.translateTo = mine[0];
      select.value = mine[0];
    }
    await Promise.all([refreshLists(), loadAdvisers()]);
    listen();
    // Waiting times move on even when nothing happens.
    setInterval(() => document.querySelectorAll('.wait[data-since]').forEach(w => { w.textContent = waited(w.dataset.since); }), 30000);
  }

  start().catch(showError);
})();
