'use strict';
// The simulator: an editor talks to the bot through the preview API (CONTRACT section 4) and sees, beside the chat,
// why it answered: language, dialog, step, confidence, candidates, variables and the review status of every text.
(function () {
  const { api, el, clear, token } = Lots;
  const $ = id => document.getElementById(id);
  const STATUS = {
    machine: 'machine-made', fallback: 'missing here: fallback language', reviewed: 'reviewed', source: 'source text'
  };
  const state = { id: null, names: {}, turns: [], busy: false };

  function showError(e) {
    const box = $('error');
    box.hidden = !e;
    box.textContent = e ? (e.message || String(e)) : '';
  }

  function languageName(code) {
    return state.names[code] ? state.names[code] + ' (' + code + ')' : (code || '–');
  }

  /** A status in words; machine-made and fallback texts are what an editor must see. */
  function badge(status) {
    if (!status || !STATUS[status]) return null;
    return el('span', { class: 'status status-' + status, lang: 'en', dir: 'ltr' }, STATUS[status]);
  }

  function scrollDown() {
    const list = $('sim-messages');
    list.scrollTop = list.scrollHeight;
  }

  function note(text) {
    $('sim-messages').appendChild(el('li', { class: 'sim-note' }, text));
  }

  // ------------------------------------------------------------------ conversation

  async function restart() {
    showError(null);
    const language = $('sim-language').value;
    const r = await api('POST', '/api/preview/conversations', language ? { language } : {});
    state.id = r.id;
    state.turns = [];
    clear($('sim-messages'));
    note(language ? 'A new conversation, in ' + languageName(language) + '.'
      : 'A new conversation: the bot finds the language from what you write.');
    showTrace(-1);
    $('show-files').disabled = true;
    $('show-yaml').disabled = true;
    clear($('files'));
    $('files-note').textContent = '';
    $('yaml-box').hidden = true;
    $('sim-text').focus();
  }

  async function send(body, shownAs) {
    if (state.busy || !state.id) return;
    state.busy = true;
    $('sim-send').disabled = true;
    showError(null);
    const you = el('li', { class: 'sim-msg sim-you', dir: 'auto' },
      el('p', { class: 'text' }, body.text !== undefined ? body.text : shownAs));
    if (body.payload !== undefined) you.appendChild(el('p', { class: 'small', lang: 'en', dir: 'ltr' }, 'pressed a button'));
    $('sim-messages').appendChild(you);
    scrollDown();
    try {
      const answer = await api('POST', '/api/preview/conversations/' + encodeURIComponent(state.id) + '/messages', body);
      const index = state.turns.length;
      state.turns.push(answer);
      render(answer, index);
      showTrace(index);
    } catch (e) {
      showError(e);
    } finally {
      state.busy = false;
      $('sim-send').disabled = false;
      scrollDown();
    }
  }

  function render(answer, index) {
    const language = answer.trace.language;
    const list = $('sim-messages');
    if (!answer.replies.length) list.appendChild(el('li', { class: 'sim-note' }, 'The bot did not answer (a person has the chat, or it waits).'));
    answer.replies.forEach((r, i) => {
      const li = el('li', { class: 'sim-msg sim-bot', lang: language, dir: r.direction, 'data-turn': index },
        el('p', { class: 'text' }, r.text));
      const choices = r.buttons.filter(b => b.payload || b.url);
      if (choices.length) {
        const ul = el('ul', { class: 'sim-choices' });
        choices.forEach(b => ul.appendChild(el('li', {}, b.url
          ? el('a', { class: 'sim-link', href: b.url, target: '_blank', rel: 'noopener noreferrer' }, b.label)
          : el('button', { type: 'button', class: 'sim-choice', 'data-payload': b.payload, onclick: () => send({ payload: b.payload }, b.label) },
            b.label, b.status === 'machine' || b.status === 'fallback' ? ' ' : null, markOnly(b.status)))));
        li.appendChild(ul);
      }
      const meta = el('div', { class: 'sim-meta', lang: 'en', dir: 'ltr' }, badge(r.status),
        r.key ? el('code', { class: 'id' }, r.key) : null,
        i === answer.replies.length - 1 ? el('button', { type: 'button', class: 'sim-why', onclick: () => showTrace(index) }, 'Trace of this answer') : null);
      li.appendChild(meta);
      list.appendChild(li);
    });
  }

  /** Inside a button only the marks that need attention, so that labels stay short. */
  function markOnly(status) {
    return status === 'machine' || status === 'fallback' ? badge(status) : null;
  }

  // ------------------------------------------------------------------ trace

  function showTrace(index) {
    document.querySelectorAll('#sim-messages .sim-msg.shown').forEach(m => m.classList.remove('shown'));
    const answer = state.turns[index];
    const t = answer ? answer.trace : null;
    $('trace-turn').textContent = t ? 'After message ' + (index + 1) + ' of ' + state.turns.length + '.' : 'Nothing sent yet.';
    $('t-language').textContent = t ? languageName(t.language) : '–';
    setId('t-dialog', t && t.dialog);
    setId('t-step', t && t.step);
    $('t-confidence').textContent = t && t.confidence !== undefined ? String(t.confidence) : '–';
    $('t-escalated').textContent = t ? (t.escalated ? 'yes: a person was asked for' : 'no') : '–';
    const candidates = $('t-candidates');
    clear(candidates);
    if (t && t.candidates && t.candidates.length) t.candidates.forEach((c, i) => {
      if (i) candidates.appendChild(document.createTextNode(', '));
      candidates.appendChild(el('code', { class: 'id' }, c));
    });
    else candidates.textContent = '–';
    const vars = $('t-variables');
    clear(vars);
    const entries = t ? Object.entries(t.variables || {}) : [];
    if (!entries.length) vars.appendChild(el('tr', {}, el('td', { colspan: 2, class: 'empty' }, 'none')));
    entries.forEach(([k, v]) => vars.appendChild(el('tr', {}, el('td', {}, el('code', { class: 'id' }, k)),
      el('td', { dir: 'auto', lang: t.language }, String(v)))));
    const texts = $('t-texts');
    clear(texts);
    const shown = t ? (t.texts || []) : [];
    if (!shown.length) texts.appendChild(el('tr', {}, el('td', { colspan: 3, class: 'empty' }, 'none')));
    shown.forEach(x => texts.appendChild(el('tr', { class: 'text-' + x.status },
      el('td', {}, el('code', { class: 'id' }, x.key)), el('td', {}, x.in), el('td', {}, badge(x.status) || x.status))));
    document.querySelectorAll('#sim-messages .sim-msg[data-turn="' + index + '"]').forEach(m => m.classList.add('shown'));
    $('show-files').disabled = !(t && t.dialog);
    $('show-yaml').disabled = !state.turns.length;
  }

  function setId(id, value) {
    const dd = $(id);
    clear(dd);
    if (value) dd.appendChild(el('code', { class: 'id' }, value));
    else dd.textContent = '–';
  }

  // ------------------------------------------------------------------ transcript files

  async function showFiles() {
    const t = state.turns.length ? state.turns[state.turns.length - 1].trace : null;
    if (!t || !t.dialog) return;
    const box = $('files');
    clear(box);
    try {
      const r = await api('GET', '/api/preview/transcripts?dialog=' + encodeURIComponent(t.dialog));
      $('files-note').textContent = r.files.length
        ? r.files.length + ' transcript file(s) go through ' + t.dialog + ':'
        : 'No transcript file goes through ' + t.dialog + ' yet: write one from this conversation.';
      r.files.forEach((f, i) => box.appendChild(el('details', { open: i === 0 },
        el('summary', {}, el('code', { class: 'id' }, f.path)),
        el('pre', { class: 'sim-file', tabindex: 0 }, f.text))));
    } catch (e) {
      showError(e);
    }
  }

  async function showYaml() {
    const url = '/api/preview/conversations/' + encodeURIComponent(state.id) + '/transcript.yaml';
    try {
      const r = await fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/yaml', 'X-Requested-With': 'XMLHttpRequest' } });
      const text = await r.text();
      if (!r.ok) throw new Error(text || ('The help desk answered ' + r.status));
      $('yaml').textContent = text;
      $('yaml-download').href = url;
      $('yaml-box').hidden = false;
    } catch (e) {
      showError(e);
    }
  }

  // ------------------------------------------------------------------ start

  async function start() {
    await token();
    const me = await api('GET', '/api/console/me');
    state.names = me.languageNames || {};
    const select = $('sim-language');
    Object.entries(state.names).forEach(([code, name]) =>
      select.appendChild(el('option', { value: code, lang: code }, name + ' (' + code + ')')));
    const params = new URLSearchParams(location.search);
    if (params.get('language') && state.names[params.get('language')]) select.value = params.get('language');
    $('restart-form').addEventListener('submit', ev => { ev.preventDefault(); restart().catch(showError); });
    $('sim-form').addEventListener('submit', ev => {
      ev.preventDefault();
      const text = $('sim-text').value;
      if (!text.trim()) return;
      $('sim-text').value = '';
      send({ text });
    });
    $('sim-text').addEventListener('keydown', ev => {
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
        ev.preventDefault();
        $('sim-form').requestSubmit();
      }
    });
    $('show-files').addEventListener('click', showFiles);
    $('show-yaml').addEventListener('click', showYaml);
    await restart();
    // From the content health page: try a question newcomers asked.
    if (params.get('say')) await send({ text: params.get('say') });
  }

  start().catch(showError);
})();
