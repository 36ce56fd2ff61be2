'use strict';
// The login form needs the session's CSRF token; the page is a static file, so it asks for the token first.
(function () {
  const messages = {
    error: 'Wrong username or password, or too many tries: after several wrong passwords, wait a few seconds before trying again.',
    logout: 'You have logged out.',
    expired: 'Your session has ended. Please log in again.'
  };
  const params = new URLSearchParams(location.search);
  const message = document.getElementById('message');
  for (const key of Object.keys(messages)) {
    if (params.has(key)) {
      message.textContent = messages[key];
      message.hidden = false;
      if (key === 'error') message.classList.add('error');
    }
  }
  fetch('/console/csrf', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(r => r.json())
    .then(t => {
      const input = document.getElementById('csrf');
      input.name = t.parameter;
      input.value = t.token;
      document.getElementById('login').disabled = false;
    })
    .catch(() => {
      message.textContent = 'The help desk cannot be reached. Please try again in a moment.';
      message.hidden = false;
    });
})();
