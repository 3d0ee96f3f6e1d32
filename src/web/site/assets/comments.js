/*
 * Broadsheet comments, the optional layer (loaded with defer; the form works without it):
 * - "Reply" moves the comment form under the comment (parent id set, focus, a Cancel button)
 *   instead of reloading the page with ?replytocom=ID.
 * - The comment text is kept in sessionStorage while it is written, restored after an error or a
 *   navigation, and cleared once the comment is posted (the page then shows #comment-ID).
 * - When the reader starts writing, the form's token is swapped for a fresh one of their own
 *   (GET /comments/form-token): a cached page carries one shared token whose time is the page's,
 *   and a comment sent with it is held for moderation (the fill-time check cannot run).
 * No inline script or style anywhere: the strict Content-Security-Policy allows this file only.
 */
(function () {
  'use strict';
  var tokenForm = document.getElementById('respond');
  var tokenField = tokenForm && tokenForm.querySelector('input[name="token"]');
  var tokenPost = tokenForm && tokenForm.querySelector('input[name="post_id"]');
  if (tokenField && tokenPost && window.fetch) {
    var asked = false;
    var freshToken = function () {
      if (asked) return;
      asked = true;
      fetch('/comments/form-token?post=' + encodeURIComponent(tokenPost.value), { credentials: 'same-origin', cache: 'no-store' })
        .then(function (res) { return res.ok ? res.json() : null; })
        .then(function (data) { if (data && typeof data.token === 'string') tokenField.value = data.token; })
        .catch(function () { /* offline or refused: the page's token stays (the comment is then held) */ });
    };
    tokenForm.addEventListener('focusin', freshToken);
    tokenForm.addEventListener('input', freshToken);
  }
})();
(function () {
  'use strict';
  var form = document.getElementById('respond');
  if (!form || !window.sessionStorage) return;
  var body = form.querySelector('textarea[name="body"]');
  var parentField = form.querySelector('input[name="parent_id"]');
  var postField = form.querySelector('input[name="post_id"]');
  var heading = form.querySelector('.comment-form__heading');
  if (!body || !parentField || !postField || !heading) return;
  var key = 'broadsheet:comment-draft:' + postField.value;
  // Where the form lives when it is not under a comment (it goes back before the same node).
  var homeParent = form.parentNode;
  var homeNext = form.nextSibling;
  var originalHeading = heading.cloneNode(true);
  var cancel = null;

  function read() {
    try {
      return JSON.parse(sessionStorage.getItem(key) || 'null');
    } catch (e) {
      return null;
    }
  }
  function save(pending) {
    try {
      if (body.value.trim() === '') sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, JSON.stringify({ body: body.value, parentId: parentField.value, pending: !!pending }));
    } catch (e) { /* storage full or refused: the form still works */ }
  }

  function replyTo(link, focus) {
    var li = document.getElementById('comment-' + link.getAttribute('data-reply-to'));
    if (!li) return false;
    var inner = li.querySelector('.comment__inner');
    (inner || li).appendChild(form);
    parentField.value = link.getAttribute('data-reply-to');
    var label = form.getAttribute('data-reply-label') || 'Reply to {name}';
    var parts = label.split('{name}');
    heading.textContent = '';
    heading.appendChild(document.createTextNode(parts[0] || ''));
    var name = document.createElement('span');
    name.dir = 'auto';
    name.textContent = link.getAttribute('data-reply-name') || '';
    heading.appendChild(name);
    heading.appendChild(document.createTextNode(parts[1] || ''));
    if (!cancel) {
      cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.className = 'button button--secondary comment-form__cancel';
      cancel.textContent = form.getAttribute('data-cancel-label') || 'Cancel reply';
      cancel.addEventListener('click', function () {
        reset();
        save(false);
        body.focus();
      });
    }
    heading.appendChild(document.createTextNode(' '));
    heading.appendChild(cancel);
    if (focus) body.focus();
    return true;
  }

  function reset() {
    homeParent.insertBefore(form, homeNext);
    parentField.value = '';
    heading.replaceWith(originalHeading);
    heading = originalHeading;
    originalHeading = heading.cloneNode(true);
  }

  var links = document.querySelectorAll('a.comment__reply[data-reply-to]');
  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener('click', function (ev) {
      if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
      if (replyTo(ev.currentTarget, true)) {
        ev.preventDefault();
        save(false);
      }
    });
  }

  body.addEventListener('input', function () { save(false); });
  form.addEventListener('submit', function () { save(true); });

  var draft = read();
  var posted = /^#comment-\d+$/.test(location.hash) && document.getElementById(location.hash.slice(1));
  if (draft && draft.pending && posted) {
    // Back from a successful post: the comment is on the page; the draft has done its job.
    sessionStorage.removeItem(key);
  } else if (draft && typeof draft.body === 'string') {
    if (body.value === '') body.value = draft.body;
    if (draft.parentId && parentField.value === '') {
      var link = document.querySelector('a.comment__reply[data-reply-to="' + String(draft.parentId).replace(/\D/g, '') + '"]');
      if (link) replyTo(link, false);
    }
    save(false);
  }
})();
