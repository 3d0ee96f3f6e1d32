/*
 * Broadsheet live pages, the optional layer (loaded with defer; without it a reload shows the
 * latest entries):
 * - every 10 seconds, and whenever the tab comes back into view, asks the page's entries endpoint
 *   (data-live on the section: /{slug}/live.json?after=N, cacheable, revalidated with its ETag)
 *   for entries newer than the newest shown, and adds them at the top of the list;
 * - says how many arrived to screen readers (a polite live region), never taking focus;
 * - keeps what the reader is reading where it is: when they have scrolled past the top of the
 *   list, the page is scrolled by the height the new entries take, so nothing they see moves;
 * - stops once the coverage has ended.
 * No inline script or style anywhere: the strict Content-Security-Policy allows this file only.
 */
(function () {
  'use strict';
  var section = document.querySelector('[data-live]');
  if (!section || !window.fetch) return;
  var list = section.querySelector('[data-live-entries]');
  var announce = section.querySelector('[data-live-announce]');
  var url = section.getAttribute('data-live');
  if (!list || !url) return;
  var busy = false;
  var timer = null;

  function newestId() {
    var first = list.querySelector('[data-entry-id]');
    return first ? Number(first.getAttribute('data-entry-id')) : 0;
  }

  function say(n) {
    if (!announce || n === 0) return;
    // One template per plural form of the message's language (data-message-one, -few, -other…):
    // the form this number takes, and the number in the page's digits.
    var lang = announce.getAttribute('data-plural-lang') || document.documentElement.lang || undefined;
    var form = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang).select(n) : 'other';
    var template = announce.getAttribute('data-message-' + form) || announce.getAttribute('data-message-other') || '';
    var digits = new Intl.NumberFormat(document.documentElement.lang || undefined).format(n);
    var text = template.split('{n}').join(digits);
    announce.textContent = '';
    // A change the screen reader notices even when the same number arrives twice.
    setTimeout(function () {
      announce.textContent = text;
    }, 50);
  }

  function add(entries) {
    var fresh = entries.filter(function (e) {
      return !document.getElementById('entry-' + e.id);
    });
    if (fresh.length === 0) return;
    var before = list.getBoundingClientRect().top;
    var height = list.offsetHeight;
    var fragment = document.createDocumentFragment();
    var holder = document.createElement('ol');
    fresh.forEach(function (e) {
      holder.innerHTML = e.html;
      if (holder.firstElementChild) fragment.appendChild(holder.firstElementChild);
    });
    list.insertBefore(fragment, list.firstChild);
    // Read above the list's top: keep the page where the reader is (browsers that anchor
    // scrolling themselves have done it already; then the list has not moved).
    if (before < 0) {
      var moved = list.getBoundingClientRect().top - before + (list.offsetHeight - height);
      if (moved !== 0) window.scrollBy(0, moved);
    }
    say(fresh.length);
  }

  function poll() {
    if (busy || document.hidden) return;
    busy = true;
    var next = url.replace(/after=\d+/, 'after=' + newestId());
    fetch(next, { headers: { accept: 'application/json' }, cache: 'no-cache', credentials: 'omit' })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (body) {
        if (!body) return;
        add(body.entries || []);
        if (body.status !== 'live' && timer) {
          clearInterval(timer);
          timer = null;
        }
      })
      .catch(function () {})
      .then(function () {
        busy = false;
      });
  }

  timer = setInterval(poll, 10000);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) poll();
  });
})();
