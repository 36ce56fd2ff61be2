'use strict';
// Shared by the studio pages: the caller's languages, the read-only notice, answers to a save (saved, refused with
// the reason, someone else's newer version, a read-only folder with the changed file as a download).
const Studio = (function () {
  const { api, el, clear } = Lots;

  async function status() {
    const s = await api('GET', '/api/studio/status');
    const box = document.getElementById('read-only');
    if (s.readOnly && box) {
      box.textContent = 'Saving is off: ' + s.readOnly + '. A save offers the changed file as a download instead.';
      box.hidden = false;
    }
    return s;
  }

  function languageOptions(select, s, chosen) {
    clear(select);
    s.languages.forEach(code => select.appendChild(el('option', { value: code, selected: code === chosen },
      (s.languageNames[code] || code) + ' (' + code + ')')));
  }

  function direction(s, code) {
    return s.rightToLeft.includes(code) ? 'rtl' : 'ltr';
  }

  /** Runs a save; shows the outcome in `note` (an element with role=status). Returns the answer, or null. */
  async function save(note, fn, onStale) {
    clear(note);
    note.className = 'note';
    try {
      const answer = await fn();
      note.textContent = 'Saved. The bot uses it within seconds.';
      return answer;
    } catch (e) {
      note.className = 'note error';
      note.textContent = e.message + '.';
      if (e.status === 409 && e.data && e.data.current && onStale) onStale(e.data.current);
      if (e.status === 423 && e.data && e.data.changed) {
        const url = URL.createObjectURL(new Blob([e.data.changed], { type: 'application/yaml' }));
        note.appendChild(document.createTextNode(' '));
        note.appendChild(el('a', { href: url, download: e.data.file.split('/').pop() }, 'Download the changed ' + e.data.file));
      }
      if (e.data && e.data.problems) note.appendChild(el('ul', {}, ...e.data.problems.map(p => el('li', {}, p))));
      return null;
    }
  }

  return { status, languageOptions, direction, save };
})();
