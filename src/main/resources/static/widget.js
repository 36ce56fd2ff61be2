/*
 * Lots web chat: <script src="https://HOST/widget.js" async></script> adds the help desk to a page.
 * Options (data attributes on the script tag): data-language (sv, en, ar, ...), data-position (right | left),
 * data-color (#0b5394), data-title, data-topic (a dialog id to start in, as /start <topic>).
 * No framework, no third-party request: everything comes from the script's own origin. Styles live in a shadow
 * root. Local storage keeps the conversation's id and token (and whether the panel was open), never its text:
 * after a reload the history is fetched again.
 *
 * Connection states (one variable, net):
 *   ok          the last call reached the help desk
 *   unreachable a call failed on the network or with 5xx: the banner says so in the newcomer's language (from
 *               OFFLINE below, so it needs nothing from the server), the typed text stays in the box, "Try again"
 *               sends it; a live stream that comes back, or any call that succeeds, returns to ok
 * The live stream (server-sent events) reconnects by itself with the last event id it saw; when the browser gives
 * up (an error answer) the widget opens a new stream after a pause, from the same id. Ids make replays harmless.
 */
(function () {
  'use strict';
  if (window.__lotsWebchat) return;
  window.__lotsWebchat = true;

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  var base = new URL(script.src, location.href).origin;
  var opt = script.dataset || {};
  var KEY = 'lots-webchat:' + base;
  var OFFLINE = {
    en: 'The help desk cannot be reached right now. Your text is kept; try again in a moment.',
    sv: 'Det går inte att nå oss just nu. Din text finns kvar; försök igen om en stund.',
    de: 'Wir sind gerade nicht erreichbar. Ihr Text bleibt erhalten; versuchen Sie es gleich noch einmal.',
    ar: 'لا يمكن الوصول إلى مكتب المساعدة الآن. نصك محفوظ؛ حاول مرة أخرى بعد قليل.',
    fa: 'الان نمی‌توان به میز کمک دسترسی داشت. متن شما نگه داشته شده است؛ کمی بعد دوباره امتحان کنید.',
    ti: 'ሕጂ ደስክ ሓገዝ ክርከብ ኣይከኣለን። ጽሑፍኩም ተዓቂቡ ኣሎ፤ ድሕሪ ቁሩብ እንደገና ፈትኑ።',
    so: 'Xafiiska caawimada hadda lama gaari karo. Qoraalkaaga waa la hayaa; mar kale isku day wax yar kadib.',
    uk: 'Зараз служба допомоги недоступна. Ваш текст збережено; спробуйте ще раз за хвилину.',
    tr: 'Yardım masasına şu anda ulaşılamıyor. Metniniz saklandı; biraz sonra tekrar deneyin.',
    ru: 'Сейчас служба помощи недоступна. Ваш текст сохранён; попробуйте ещё раз через минуту.'
  };
  var RTL = { ar: 1, fa: 1 };
  // Until the languages are loaded (or when they cannot be), the controls still have names.
  var UI0 = { title: 'Ask the help desk', open: 'Open the chat', close: 'Close the chat', input: 'Write your message',
    send: 'Send', menu: 'Menu', human: 'Talk to a person', language: 'Language', privacy: 'Privacy',
    delete: 'Delete my conversation', delete_confirm: 'Delete this conversation and everything stored about it?',
    cancel: 'Cancel', deleted: 'Your conversation is deleted.', typing: 'The help desk is writing…',
    waiting: 'A person will answer here.', waiting_position: 'A person will answer here. You are number {position} in the queue.',
    closed_until: 'The helpline is closed now. Leave your message here: an adviser will answer when it opens ({opens}).',
    adviser: 'An adviser is in the chat.', from_adviser: 'Adviser', too_long: 'Your message is too long. Please make it shorter.',
    too_many: 'You are sending many messages. Please wait a moment.', retry: 'Try again' };

  var languages = null; // [{code, name, direction, ui}]
  var session = load();  // {id, token, language, open}
  var lang = pick(opt.language) || (session && session.language) || browserLanguage() || 'en';
  var net = 'ok';
  var busy = false, seen = 0, stream = null, streamTimer = null, started = false, lastStatus = null, unread = 0;

  // ------------------------------------------------------------------ markup
  var host = document.createElement('div');
  host.id = 'lots-webchat';
  var root = host.attachShadow({ mode: 'open' });
  var color = /^#[0-9a-fA-F]{3,8}$|^[a-zA-Z]+$|^rgb/.test(opt.color || '') ? opt.color : '#0b5394';
  var css = ':host{all:initial}' +
    '*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Ethiopic","Abyssinica SIL",Nyala,Ebrima,"Noto Naskh Arabic",Tahoma,sans-serif}' +
    '.w{position:fixed;bottom:16px;' + (opt.position === 'left' ? 'left' : 'right') + ':16px;z-index:2147483000;font-size:16px;line-height:1.45;color:#1a1a1a}' +
    'button,select,textarea,a{font:inherit}' +
    '.launch .dot{display:inline-block;min-width:22px;padding:0 6px;border-radius:11px;background:#c50f1f;color:#fff;font-size:.8em;font-weight:700}' +
    ':focus-visible{outline:3px solid #f0b400;outline-offset:2px;box-shadow:0 0 0 5px #1a1a1a}' +
    '.launch{display:flex;align-items:center;gap:8px;border:0;border-radius:28px;padding:12px 18px;min-height:48px;cursor:pointer;background:var(--c);color:var(--t);box-shadow:0 2px 10px rgba(0,0,0,.3)}' +
    '.launch svg{width:24px;height:24px;fill:currentColor}' +
    '.p{display:flex;flex-direction:column;width:min(380px,calc(100vw - 16px));height:min(620px,calc(100vh - 32px));background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.35);overflow:hidden}' +
    '.p[hidden],[hidden]{display:none!important}' +
    '@media (max-width:480px){.w.o{inset:0}.w.o .p{width:100vw;height:100vh;border-radius:0}}' +
    'header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--c);color:var(--t)}' +
    'h2{flex:1;margin:0;font-size:1.05em;font-weight:700}' +
    '.x{border:0;background:transparent;color:inherit;font-size:24px;line-height:1;min-width:44px;min-height:44px;cursor:pointer;border-radius:6px}' +
    '.bar{display:flex;flex-wrap:wrap;gap:6px;padding:8px 10px;border-bottom:1px solid #ddd;background:#f5f5f5}' +
    '.bar button,.bar select{border:1px solid #767676;background:#fff;color:#1a1a1a;border-radius:16px;padding:4px 10px;min-height:36px;cursor:pointer;font-size:.9em}' +
    '.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
    '.st{margin:0;padding:6px 12px;background:#fff4ce;color:#1a1a1a;font-size:.92em;border-bottom:1px solid #e0c96a}' +
    '.off p{margin:0}.off{padding:8px 12px;background:#fde7e9;color:#5c0011;border-bottom:1px solid #c50f1f;font-size:.92em}' +
    '.off button,.conf button{margin-top:6px;margin-inline-end:6px;border:1px solid #5c0011;background:#fff;color:#5c0011;border-radius:6px;padding:4px 10px;min-height:36px;cursor:pointer}' +
    '.conf{padding:10px 12px;background:#fff;border-bottom:1px solid #ddd}.conf p{margin:0}' +
    '.log{margin:0;padding:12px;flex:1;overflow-y:auto;display:flex;flex-direction:column;gap:8px}' +
    '.m{max-width:88%;padding:8px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}' +
    '.m.bot,.m.adviser{align-self:flex-start;background:#eef1f5}.m.adviser{background:#e3f3e6;border:1px solid #2e7d32}' +
    '.m.newcomer{align-self:flex-end;background:var(--c);color:var(--t)}' +
    '.m.note{align-self:center;background:transparent;color:#444;font-size:.9em}' +
    '.who{display:block;font-size:.8em;font-weight:700;color:#1b5e20}' +
    '.ch{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px;white-space:normal}' +
    '.ch button,.ch a{display:inline-block;border:1px solid var(--c);background:#fff;color:var(--cd);border-radius:16px;padding:5px 12px;min-height:36px;cursor:pointer;text-decoration:none;text-align:start}' +
    '.ch a::after{content:" ↗"}' +
    '.ty{margin:0 12px 6px;color:#444;font-size:.9em}.ty i{display:inline-block;width:6px;height:6px;margin:0 2px;border-radius:50%;background:#555;animation:b 1s infinite}' +
    '.ty i:nth-child(2){animation-delay:.2s}.ty i:nth-child(3){animation-delay:.4s}@keyframes b{50%{opacity:.2}}' +
    '@media (prefers-reduced-motion:reduce){.ty i{animation:none}}' +
    'form{display:flex;gap:8px;padding:10px;border-top:1px solid #ddd}' +
    'textarea{flex:1;resize:none;min-height:44px;max-height:120px;padding:10px;border:1px solid #767676;border-radius:8px;color:#1a1a1a;background:#fff}' +
    '.send{border:0;border-radius:8px;padding:0 14px;min-height:44px;background:var(--c);color:var(--t);cursor:pointer}';

  var w = el('div', { class: 'w' });
  w.style.setProperty('--c', color);
  w.style.setProperty('--t', textOn(color));
  w.style.setProperty('--cd', darkEnough(color));
  var launch = el('button', { class: 'launch', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'lots-panel' });
  launch.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
  var launchText = el('span'), dot = el('span', { class: 'dot', hidden: '' });
  launch.append(launchText, dot);
  var panel = el('section', { class: 'p', id: 'lots-panel', role: 'dialog', 'aria-labelledby': 'lots-title', hidden: '' });
  var head = el('header');
  var title = el('h2', { id: 'lots-title' });
  var closeBtn = el('button', { class: 'x', type: 'button' });
  closeBtn.textContent = '×';
  head.append(title, closeBtn);
  var bar = el('div', { class: 'bar' });
  var langLabel = el('label', { for: 'lots-lang', class: 'vh' });
  var langSel = el('select', { id: 'lots-lang' });
  var menuBtn = el('button', { type: 'button', 'data-act': 'menu' }), humanBtn = el('button', { type: 'button', 'data-act': 'human' });
  var privacyBtn = el('button', { type: 'button', 'data-act': 'privacy' }), deleteBtn = el('button', { type: 'button', 'data-act': 'delete' });
  bar.append(langLabel, langSel, menuBtn, humanBtn, privacyBtn, deleteBtn);
  var status = el('p', { class: 'st', role: 'status', hidden: '' });
  var off = el('div', { class: 'off', role: 'alert', hidden: '' });
  var offText = el('p'), retryBtn = el('button', { type: 'button', 'data-act': 'retry' });
  off.append(offText, retryBtn);
  var conf = el('div', { class: 'conf', hidden: '' });
  var confText = el('p', { id: 'lots-conf' }), confYes = el('button', { type: 'button', 'data-act': 'delete-yes' }), confNo = el('button', { type: 'button', 'data-act': 'delete-no' });
  conf.append(confText, confYes, confNo);
  var log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0' });
  var typing = el('p', { class: 'ty', hidden: '' });
  var typingText = el('span');
  typing.append(el('i', { 'aria-hidden': 'true' }), el('i', { 'aria-hidden': 'true' }), el('i', { 'aria-hidden': 'true' }), typingText);
  var form = el('form');
  var inputLabel = el('label', { for: 'lots-input', class: 'vh' });
  var input = el('textarea', { id: 'lots-input', rows: '1' });
  var sendBtn = el('button', { class: 'send', type: 'submit' });
  form.append(inputLabel, input, sendBtn);
  panel.append(head, bar, status, off, conf, log, typing, form);
  w.append(panel, launch);
  if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css); // a constructed sheet: no inline <style> that a host page's CSP would have to allow
    root.adoptedStyleSheets = [sheet];
  } else {
    var st = document.createElement('style');
    st.textContent = css;
    root.appendChild(st);
  }
  root.appendChild(w);
  (document.body || document.documentElement).appendChild(host);
  applyLanguage();

  // ------------------------------------------------------------------ behaviour
  launch.addEventListener('click', function () { panel.hidden ? openPanel(true) : closePanel(); });
  closeBtn.addEventListener('click', closePanel);
  w.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !panel.hidden) { e.preventDefault(); closePanel(); }
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); sendTyped(); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendTyped(); }
  });
  retryBtn.addEventListener('click', function () { input.value.trim() ? sendTyped() : openPanel(true); });
  menuBtn.addEventListener('click', function () { send({ text: '/menu' }, menuBtn.textContent); });
  humanBtn.addEventListener('click', function () { send({ text: '/human' }, humanBtn.textContent); });
  privacyBtn.addEventListener('click', function () { send({ text: '/privacy' }, privacyBtn.textContent); });
  langSel.addEventListener('change', function () { send({ payload: 'lang:' + langSel.value }, null); });
  deleteBtn.addEventListener('click', function () { conf.hidden = false; confNo.focus(); });
  confNo.addEventListener('click', function () { conf.hidden = true; deleteBtn.focus(); });
  confYes.addEventListener('click', removeConversation);
  window.addEventListener('online', function () { if (net === 'unreachable') connect(); });

  loadLanguages().then(function () {
    if (session && session.open) openPanel(false);
    else if (session && session.id) listen(true); // an adviser may write while the panel is closed
  });

  function openPanel(focus) {
    panel.hidden = false;
    w.classList.add('o');
    launch.setAttribute('aria-expanded', 'true');
    launch.hidden = true;
    unread = 0;
    dot.hidden = true;
    remember({ open: true });
    if (focus) input.focus();
    if (!started) begin();
  }

  function closePanel() {
    panel.hidden = true;
    w.classList.remove('o');
    launch.hidden = false;
    launch.setAttribute('aria-expanded', 'false');
    remember({ open: false });
    launch.focus();
  }

  /** Restores the stored conversation (history, stream), or starts one with the welcome (or the start topic). */
  function begin() {
    started = true;
    (languages ? Promise.resolve() : loadLanguages()).then(function () {
      if (session && session.id) return history();
      return create().then(function () {
        return send({ text: '/start' + (opt.topic ? ' ' + opt.topic : '') }, null);
      });
    }).catch(function () { started = false; });
  }

  function create() {
    return call('POST', '/webchat/conversations', { language: lang }).then(function (r) {
      session = { id: r.id, token: r.token, language: lang, open: !panel.hidden };
      save();
      seen = 0;
      log.textContent = '';
    });
  }

  function history() {
    return call('GET', '/webchat/conversations/' + session.id).then(function (h) {
      log.textContent = '';
      setLanguage(h.language);
      h.messages.forEach(function (m, i) { show(m.from, m.text, i === h.messages.length - 1 ? m.buttons : null); });
      seen = h.lastEventId || 0;
      showStatus(h.status);
      listen();
    }, function (e) {
      if (e.status === 401 || e.status === 404) { forget(); return begin2(); } // deleted or expired: start afresh
      throw e;
    });
  }

  function begin2() {
    started = false;
    begin();
  }

  function connect() {
    if (!started) return begin();
    if (session && session.id) history();
  }

  function sendTyped() {
    var text = input.value;
    if (!text.trim() || busy) return;
    send({ text: text }, text, true);
  }

  /** Sends text or a pressed button; {@code shown} is what the newcomer's bubble says (null: nothing). */
  function send(body, shown, typed) {
    if (busy) return Promise.resolve();
    if (!session || !session.id) {
      return create().then(function () { return send(body, shown, typed); }, function () {});
    }
    busy = true;
    conf.hidden = true;
    var bubble = shown ? show('newcomer', shown) : null;
    dropChoices();
    typing.hidden = false;
    return call('POST', '/webchat/conversations/' + session.id + '/messages', body).then(function (r) {
      if (typed) input.value = '';
      if (r.language) setLanguage(r.language);
      r.replies.forEach(function (x, i) { show('bot', x.text, i === r.replies.length - 1 ? x.buttons : null); });
      if (r.forgotten) { forget(); return; }
      showStatus(r.status);
      listen();
    }, function (e) {
      if (bubble && typed) bubble.remove(); // the words go back to being only in the box
      if (e.status === 413) note(ui().too_long);
      else if (e.status === 429) note(ui().too_many);
      else if (e.status === 401 || e.status === 404) { forget(); note(ui().deleted); }
      // Unreachable: the banner is up and the words stay in the box for "Try again".
    }).then(function () {
      busy = false;
      typing.hidden = true;
    });
  }

  function removeConversation() {
    conf.hidden = true;
    if (!session || !session.id) { forget(); return; }
    call('DELETE', '/webchat/conversations/' + session.id).then(done, function (e) {
      if (e.status === 401 || e.status === 404) done();
    });
    function done() {
      forget();
      log.textContent = '';
      status.hidden = true;
      note(ui().deleted);
      input.focus();
    }
  }

  /** Local storage loses the key; the panel shows no transcript it cannot fetch again. */
  function forget() {
    closeStream();
    session = null;
    seen = 0;
    try { localStorage.removeItem(KEY); } catch (e) { /* storage may be off */ }
  }

  // ------------------------------------------------------------------ live messages
  /** {@code fromNow}: before the history is fetched, only what comes from now on (the history brings the rest). */
  function listen(fromNow) {
    if (stream || !session || !window.EventSource) return;
    var s = new EventSource(base + '/webchat/conversations/' + encodeURIComponent(session.id) + '/events?token='
      + encodeURIComponent(session.token) + (fromNow ? '' : '&after=' + seen));
    stream = s;
    s.addEventListener('message', function (e) {
      var id = parseInt(e.lastEventId, 10);
      if (id && id <= seen) return; // seen already (a replay after a reconnect)
      if (id) seen = id;
      var m = JSON.parse(e.data);
      show(m.from, m.text, m.buttons);
      if (panel.hidden) {
        unread++;
        dot.textContent = String(unread);
        dot.hidden = false;
        launch.setAttribute('aria-label', (opt.title || ui().title) + ': ' + ui().open + ' (' + unread + ')');
      }
      if (m.from === 'adviser') showStatus({ state: 'adviser' });
      else refreshStatus();
    });
    s.addEventListener('open', reachable);
    s.onerror = function () {
      setTimeout(function () { if (stream === s && s.readyState !== 1) unreachable(); }, 4000);
      if (s.readyState === 2) { // the browser gave up (an error answer): try again later from the same id
        closeStream();
        streamTimer = setTimeout(function () { if (session) history().catch(function () { unreachable(); streamTimer = setTimeout(listen, 5000); }); }, 3000);
      }
    };
  }

  function closeStream() {
    if (stream) stream.close();
    stream = null;
    clearTimeout(streamTimer);
  }

  function refreshStatus() {
    if (!session) return;
    call('GET', '/webchat/conversations/' + session.id).then(function (h) { showStatus(h.status); }, function () {});
  }

  // ------------------------------------------------------------------ drawing
  function show(from, text, buttons) {
    var li = el('div', { class: 'm ' + from });
    if (from === 'adviser') {
      var who = el('span', { class: 'who' });
      who.textContent = ui().from_adviser;
      li.appendChild(who);
    }
    var p = el('span', { dir: 'auto' });
    p.textContent = text;
    li.appendChild(p);
    if (buttons && buttons.length) {
      var g = el('div', { class: 'ch', role: 'group' });
      buttons.forEach(function (b) {
        var x;
        if (b.url && !/^https?:\/\//i.test(b.url)) return; // only web links open
        if (b.url) {
          x = el('a', { href: b.url, target: '_blank', rel: 'noopener noreferrer' });
        } else {
          x = el('button', { type: 'button' });
          x.addEventListener('click', function () { send({ payload: b.payload }, b.label); });
        }
        x.textContent = b.label;
        g.appendChild(x);
      });
      li.appendChild(g);
    }
    log.appendChild(li);
    log.scrollTop = log.scrollHeight;
    return li;
  }

  function note(text) {
    show('note', text);
  }

  /** Buttons of earlier messages stop being offered once the conversation moved on; links stay. */
  function dropChoices() {
    var bs = log.querySelectorAll('.ch button');
    for (var i = 0; i < bs.length; i++) bs[i].remove();
  }

  function showStatus(s) {
    lastStatus = s || lastStatus;
    s = lastStatus;
    var t = null, u = ui();
    if (s && s.state === 'waiting') t = s.position ? u.waiting_position.replace('{position}', fmtNumber(s.position)) : u.waiting;
    else if (s && s.state === 'closed') t = u.closed_until.replace('{opens}', fmtTime(s.opens));
    else if (s && s.state === 'adviser') t = u.adviser;
    status.hidden = !t;
    if (t && status.textContent !== t) status.textContent = t;
  }

  function fmtNumber(n) {
    try { return new Intl.NumberFormat(lang).format(n); } catch (e) { return String(n); }
  }

  function fmtTime(iso) {
    try {
      return new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
    } catch (e) { return iso; }
  }

  function setLanguage(code) {
    if (!code || code === lang) return;
    lang = code;
    remember({ language: code });
    applyLanguage();
  }

  function applyLanguage() {
    var u = ui(), info = find(lang);
    var dir = info ? info.direction : (RTL[lang] ? 'rtl' : 'ltr');
    panel.setAttribute('dir', dir);
    panel.setAttribute('lang', lang);
    launch.setAttribute('lang', lang);
    launch.setAttribute('dir', dir);
    title.textContent = opt.title || u.title;
    launchText.textContent = opt.title || u.title;
    launch.setAttribute('aria-label', (opt.title || u.title) + ': ' + u.open);
    closeBtn.setAttribute('aria-label', u.close);
    closeBtn.title = u.close;
    langLabel.textContent = u.language;
    menuBtn.textContent = u.menu;
    humanBtn.textContent = u.human;
    privacyBtn.textContent = u.privacy;
    deleteBtn.textContent = u.delete;
    confText.textContent = u.delete_confirm;
    confYes.textContent = u.delete;
    confNo.textContent = u.cancel;
    conf.setAttribute('role', 'group');
    conf.setAttribute('aria-labelledby', 'lots-conf');
    typingText.textContent = u.typing;
    inputLabel.textContent = u.input;
    input.placeholder = u.input;
    sendBtn.textContent = u.send;
    retryBtn.textContent = u.retry;
    offText.textContent = OFFLINE[lang] || OFFLINE.en;
    log.setAttribute('aria-label', opt.title || u.title);
    langSel.textContent = '';
    (languages || [{ code: lang, name: lang }]).forEach(function (l) {
      var o = el('option', { value: l.code, lang: l.code });
      o.textContent = l.name;
      if (l.code === lang) o.selected = true;
      langSel.appendChild(o);
    });
    showStatus(null);
  }

  function find(code) {
    if (!languages) return null;
    for (var i = 0; i < languages.length; i++) if (languages[i].code === code) return languages[i];
    return null;
  }

  function ui() {
    var l = find(lang), out = {};
    for (var k in UI0) out[k] = (l && l.ui && l.ui[k]) || UI0[k];
    return out;
  }

  function loadLanguages() {
    return call('GET', '/webchat/languages').then(function (r) {
      languages = r.languages;
      if (!find(lang)) lang = find(r.fallback) ? r.fallback : languages[0].code;
      applyLanguage();
    });
  }

  // ------------------------------------------------------------------ plumbing
  /** A JSON call; rejects with {status} (0 for the network), and keeps net and the banner in step. */
  function call(method, path, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (session && session.token && path.indexOf('/webchat/conversations/') === 0) headers.Authorization = 'Bearer ' + session.token;
    return fetch(base + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, credentials: 'omit', cache: 'no-store' })
      .then(function (r) {
        if (r.status >= 500) { unreachable(); throw { status: r.status }; }
        reachable();
        if (r.status === 204) return null;
        return r.json().catch(function () { return {}; }).then(function (j) {
          if (!r.ok) throw { status: r.status, body: j };
          return j;
        });
      }, function () {
        unreachable();
        throw { status: 0 };
      });
  }

  function unreachable() {
    net = 'unreachable';
    offText.textContent = OFFLINE[lang] || OFFLINE.en;
    off.hidden = false;
  }

  function reachable() {
    net = 'ok';
    off.hidden = true;
  }

  function pick(code) {
    code = (code || '').toLowerCase().split('-')[0];
    return OFFLINE[code] ? code : null;
  }

  function browserLanguage() {
    var list = navigator.languages || [navigator.language];
    for (var i = 0; i < list.length; i++) {
      var c = pick(list[i] === 'prs' ? 'fa' : list[i]);
      if (c) return c;
    }
    return null;
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || null; } catch (e) { return null; }
  }

  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(session)); } catch (e) { /* storage may be off: this page only */ }
  }

  function remember(change) {
    if (!session) return;
    for (var k in change) session[k] = change[k];
    save();
  }

  function el(tag, attrs) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }

  /** Black or white text, whichever reads better on the chosen colour (WCAG contrast). */
  function textOn(c) {
    var l = luminance(c);
    if (l === null) return '#fff';
    return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? '#fff' : '#000';
  }

  /** The chosen colour as text on white, darkened until it reaches 4.5:1. */
  function darkEnough(c) {
    var rgb = parse(c);
    if (!rgb) return '#0b5394';
    for (var i = 0; i < 20 && 1.05 / (lum(rgb) + 0.05) < 4.5; i++) rgb = rgb.map(function (v) { return Math.floor(v * 0.85); });
    return 'rgb(' + rgb.join(',') + ')';
  }

  function luminance(c) {
    var rgb = parse(c);
    return rgb ? lum(rgb) : null;
  }

  function lum(rgb) {
    var a = rgb.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2];
  }

  function parse(c) {
    var probe = document.createElement('span');
    probe.style.color = c;
    document.documentElement.appendChild(probe);
    var m = getComputedStyle(probe).color.match(/\d+/g);
    probe.remove();
    return m ? m.slice(0, 3).map(Number) : null;
  }
})();
