'use strict';
// Admins create, change, disable and unlock users (advisers, editors, admins) and set the languages they speak.
(function () {
  const { api, el, clear, token } = Lots;
  const $ = id => document.getElementById(id);
  const ROLES = ['ADVISER', 'EDITOR', 'REVIEWER', 'COORDINATOR', 'ADMIN'];
  let languageNames = {};

  function say(box, text) {
    $('error').hidden = true;
    $('done').hidden = true;
    if (!text) return;
    $(box).textContent = text;
    $(box).hidden = false;
  }

  function checkboxes(name, values, checked, label) {
    return values.map(v => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name, value: v, checked: checked.includes(v) }), label(v)));
  }

  function checkedValues(container, name) {
    return Array.from(container.querySelectorAll('input[name="' + name + '"]:checked')).map(i => i.value);
  }

  function row(u) {
    const roles = el('td', {}, ...checkboxes('roles-' + u.username, ROLES, u.roles, r => r.toLowerCase()));
    const langs = el('td', {}, ...checkboxes('langs-' + u.username, Object.keys(languageNames), u.languages, c => c));
    const status = (u.enabled ? 'active' : 'disabled') + (u.lockedUntil ? ' · logins wait until ' + new Date(u.lockedUntil).toLocaleTimeString() : '');
    const tr = el('tr', { 'data-username': u.username }, el('td', {}, u.username), roles, langs, el('td', {}, status));
    const actions = el('td', { class: 'row-actions' },
      el('button', { type: 'button', onclick: () => run('Saved ' + u.username, () => api('PUT', '/api/admin/users/' + encodeURIComponent(u.username),
        { roles: checkedValues(tr, 'roles-' + u.username), languages: checkedValues(tr, 'langs-' + u.username) })) }, 'Save'),
      u.enabled
        ? el('button', { type: 'button', onclick: () => run('Disabled ' + u.username, () => api('POST', '/api/admin/users/' + encodeURIComponent(u.username) + '/disable')) }, 'Disable')
        : el('button', { type: 'button', onclick: () => run('Enabled ' + u.username, () => api('POST', '/api/admin/users/' + encodeURIComponent(u.username) + '/enable')) }, 'Enable'),
      u.lockedUntil ? el('button', { type: 'button', onclick: () => run('Unlocked ' + u.username, () => api('POST', '/api/admin/users/' + encodeURIComponent(u.username) + '/unlock')) }, 'Unlock') : null,
      el('button', { type: 'button', onclick: () => {
        const password = prompt('New password for ' + u.username + ' (at least 12 characters):');
        if (password) run('Password changed for ' + u.username, () => api('POST', '/api/admin/users/' + encodeURIComponent(u.username) + '/password', { password }));
      } }, 'Set password'));
    tr.appendChild(actions);
    return tr;
  }

  async function load() {
    const users = await api('GET', '/api/admin/users');
    const body = $('users');
    clear(body);
    users.sort((a, b) => a.username.localeCompare(b.username)).forEach(u => body.appendChild(row(u)));
  }

  async function run(doneText, fn) {
    say(null);
    try {
      await fn();
      say('done', doneText);
    } catch (e) {
      say('error', e.message);
    }
    await load().catch(e => say('error', e.message));
  }

  async function start() {
    await token();
    const me = await api('GET', '/api/console/me');
    languageNames = me.languageNames;
    const newRoles = $('new-roles');
    checkboxes('new-role', ROLES, ['ADVISER'], r => r.toLowerCase()).forEach(c => newRoles.appendChild(c));
    const newLangs = $('new-languages');
    checkboxes('new-language', Object.keys(languageNames), [], c => languageNames[c] + ' (' + c + ')').forEach(c => newLangs.appendChild(c));
    $('create-form').addEventListener('submit', ev => {
      ev.preventDefault();
      const form = $('create-form');
      const body = {
        username: $('new-username').value.trim(), password: $('new-password').value,
        roles: checkedValues(form, 'new-role'), languages: checkedValues(form, 'new-language')
      };
      run('Created ' + body.username, async () => {
        await api('POST', '/api/admin/users', body);
        form.reset();
      });
    });
    await load();
  }

  start().catch(e => say('error', e.message));
})();
