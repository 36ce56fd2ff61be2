'use strict';
// Shared by the console pages: API calls with the session's CSRF token, and building DOM without innerHTML
// (newcomer text is always inserted as text, never as markup).
const Lots = (function () {
  let csrf = null;

  async function token() {
    if (!csrf) {
      const r = await fetch('/console/csrf', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
      csrf = await r.json();
      document.querySelectorAll('input[name="_csrf"]').forEach(i => { i.name = csrf.parameter; i.value = csrf.token; });
    }
    return csrf;
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') {
      const t = await token();
      headers[t.header] = t.token;
    }
    const r = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (r.status === 401) {
      location.href = '/console/login.html?expired';
      throw new Error('logged out');
    }
    const text = await r.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = { error: text }; }
    }
    if (!r.ok) {
      const err = new Error((data && data.error) || ('The help desk answered ' + r.status));
      err.status = r.status;
      err.data = data;
      throw err;
    }
    return data;
  }

  /** el('p', {class: 'x', dir: 'rtl'}, 'text', child) — strings become text nodes. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.substring(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  return { api, el, clear, token };
})();
