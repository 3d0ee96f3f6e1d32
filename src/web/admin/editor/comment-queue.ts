/**
 * Browser side of the moderation queue, /admin/comments (progressive enhancement: without it each
 * button posts the form and the page reloads; a comment's own page has the reply form):
 * - a row's Approve, Unapprove, Spam, Trash… buttons act at once (the same POST, asking for JSON)
 *   and the row leaves the tab it no longer belongs to, announced in a live region;
 * - each row gets a Reply button that opens a reply box under the comment and publishes the staff
 *   reply without leaving the queue (replying to a held comment approves it, as on its page).
 * Bundled as /admin/assets/comment-queue.js. No inline scripts or styles: the strict CSP stays on.
 */
/// <reference lib="dom" />

interface Done {
  ok: boolean;
  /** What the comment is now, for the row's tab. */
  status?: string;
  message: string;
}

const form = document.querySelector<HTMLFormElement>('form#moderate');
const tab = new URL(location.href).searchParams.get('status') ?? 'pending';
const status = document.createElement('p');
status.className = 'queue-status';
status.setAttribute('role', 'status');
status.setAttribute('aria-live', 'polite');

function say(text: string): void {
  status.textContent = '';
  setTimeout(() => {
    status.textContent = text;
  }, 30);
}

async function post(url: string, body: URLSearchParams): Promise<Done> {
  const res = await fetch(url, { method: 'POST', body, headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return (await res.json()) as Done;
  return { ok: false, message: `The server answered ${res.status}; reload the page and try again.` };
}

function csrfOf(f: HTMLFormElement): string {
  return f.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
}

/** Adds `delta` to a status tab's count badge. */
function bump(statusName: string, delta: number): void {
  const badge = document.querySelector(`.tabs__tab[data-status="${statusName}"] .tabs__count`);
  if (badge) badge.textContent = String(Math.max(0, Number(badge.textContent) + delta));
}

/**
 * The row leaves a tab it no longer belongs to (an approved comment leaves "Pending"), the tabs'
 * counts follow, and an emptied table says so.
 */
function settle(row: HTMLTableRowElement, now: string | undefined): void {
  if (!now || now === tab) {
    row.classList.add('is-done');
    return;
  }
  bump(tab, -1);
  bump(now, 1);
  const next = (row.nextElementSibling ?? row.previousElementSibling) as HTMLElement | null;
  const body = row.parentElement;
  row.remove();
  if (body && body.children.length === 0) {
    const empty = document.createElement('p');
    empty.textContent = 'No comments here.';
    form?.replaceWith(empty);
    return;
  }
  next?.querySelector<HTMLElement>('button, a')?.focus();
}

function replyBox(row: HTMLTableRowElement, id: string, csrf: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'inline-reply';
  const label = document.createElement('label');
  label.htmlFor = `inline-reply-${id}`;
  label.textContent = 'Reply as staff';
  const area = document.createElement('textarea');
  area.id = `inline-reply-${id}`;
  area.rows = 4;
  area.dir = 'auto';
  area.required = true;
  const send = document.createElement('button');
  send.type = 'button';
  send.className = 'button button--small';
  send.textContent = 'Publish reply';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'button button--small button--secondary';
  cancel.textContent = 'Cancel';
  const actions = document.createElement('p');
  actions.className = 'inline-reply__actions';
  actions.append(send, ' ', cancel);
  box.append(label, area, actions);
  cancel.addEventListener('click', () => {
    box.remove();
    row.querySelector<HTMLButtonElement>('[data-inline-reply]')?.focus();
  });
  send.addEventListener('click', async () => {
    if (!area.value.trim()) {
      say('Write the reply first.');
      area.focus();
      return;
    }
    send.disabled = true;
    try {
      const done = await post(`/admin/comments/${id}/reply`, new URLSearchParams({ _csrf: csrf, body: area.value }));
      say(done.message);
      if (done.ok) {
        box.remove();
        bump('approved', 1); // the reply itself, published at once
        settle(row, done.status);
      }
    } catch {
      say('The reply could not be sent (offline?). It is still in the box.');
    } finally {
      send.disabled = false;
    }
  });
  return box;
}

if (form) {
  form.before(status);
  const csrf = csrfOf(form);
  form.addEventListener('click', async (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[name="one"]');
    if (!button) return;
    e.preventDefault();
    const row = button.closest('tr');
    if (!row) return;
    button.disabled = true;
    try {
      const body = new URLSearchParams({ _csrf: csrf, one: button.value, back: form.querySelector<HTMLInputElement>('input[name="back"]')?.value ?? '' });
      // form.action would be the bulk select (its name is "action"): read the attribute.
      const done = await post(form.getAttribute('action') ?? '/admin/comments/moderate', body);
      say(done.message);
      if (done.ok) settle(row, done.status);
    } catch {
      say('The change could not be sent (offline?). Nothing was changed.');
    } finally {
      button.disabled = false;
    }
  });
  for (const row of form.querySelectorAll<HTMLTableRowElement>('tbody tr[id^="c"]')) {
    const id = row.id.slice(1);
    const cell = row.querySelector('.row-actions');
    if (!cell || !/^\d+$/.test(id) || row.dataset.reply !== '1') continue;
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'button button--small button--secondary';
    open.dataset.inlineReply = '';
    open.textContent = 'Reply';
    const sr = document.createElement('span');
    sr.className = 'visually-hidden';
    sr.textContent = ` to comment ${id}`;
    open.append(sr);
    open.addEventListener('click', () => {
      const existing = row.querySelector<HTMLElement>('.inline-reply');
      if (existing) {
        existing.querySelector('textarea')?.focus();
        return;
      }
      const box = replyBox(row, id, csrf);
      row.querySelector('td .comment-body')?.after(box);
      box.querySelector('textarea')?.focus();
    });
    cell.append(open);
  }
}
