'use strict';
// Urgent chats (a newcomer who may be in danger): a banner, a short beep made with WebAudio (no sound file), and a
// desktop notification when the adviser allowed them. Each urgent chat alerts once per page load.
Lots.urgent = (function () {
  const alerted = new Set();
  let audio = null;

  // Browsers let a page make sound and ask for notifications only after the user did something on it.
  function unlock() {
    try {
      if (!audio && (window.AudioContext || window.webkitAudioContext)) audio = new (window.AudioContext || window.webkitAudioContext)();
      if (audio && audio.state === 'suspended') audio.resume();
    } catch (e) { audio = null; }
    if ('Notification' in window && Notification.permission === 'default') {
      try { Notification.requestPermission(); } catch (e) { /* older browsers: no notifications */ }
    }
  }
  document.addEventListener('click', unlock, { once: true });

  function beep() {
    if (!audio || audio.state !== 'running') return;
    const now = audio.currentTime;
    [0, 0.25].forEach(offset => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, now + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, now + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.18);
      osc.connect(gain).connect(audio.destination);
      osc.start(now + offset);
      osc.stop(now + offset + 0.2);
    });
  }

  function notify(h) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    try {
      // The notification names language and topic only: newcomer text stays inside the console.
      new Notification('Urgent chat waiting', { body: (h.language || '?') + ' · ' + (h.topicTitle || h.topic || ''), tag: 'urgent-' + h.id });
    } catch (e) { /* some browsers allow notifications only from a service worker */ }
  }

  /** Called with the waiting list after each refresh. */
  function alertNew(waiting) {
    const urgent = waiting.filter(h => h.urgent);
    const banner = document.getElementById('urgent-banner');
    if (banner) {
      banner.hidden = urgent.length === 0;
      banner.textContent = urgent.length === 1 ? '⚠ 1 urgent chat is waiting: the newcomer may be in danger.'
        : '⚠ ' + urgent.length + ' urgent chats are waiting: the newcomers may be in danger.';
    }
    const fresh = urgent.filter(h => !alerted.has(h.id));
    fresh.forEach(h => alerted.add(h.id));
    if (fresh.length) {
      beep();
      fresh.forEach(notify);
    }
  }

  return { alertNew, unlock, beep };
})();
