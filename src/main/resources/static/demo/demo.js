// The demo page adds the widget the way any site does, passing this page's query (?language=ar&position=left
// &color=...&title=...&topic=...) on as the script tag's data attributes, and shows the tag for this host.
(function () {
  var q = new URLSearchParams(location.search);
  var s = document.createElement('script');
  s.src = '/widget.js';
  s.async = true;
  ['language', 'position', 'color', 'title', 'topic'].forEach(function (k) {
    if (q.get(k)) s.setAttribute('data-' + k, q.get(k));
  });
  document.head.appendChild(s);
  document.addEventListener('DOMContentLoaded', function () {
    var code = document.getElementById('snippet');
    if (code) code.textContent = '<script src="' + location.origin + '/widget.js" async></script>';
  });
})();
