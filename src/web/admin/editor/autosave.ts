/**
 * Browser side of autosave (bundled with editor.ts). About ten seconds after the last change to
 * the headline, standfirst or body, and when the page is hidden or closed, the editor's content
 * goes as JSON to POST /admin/articles/:id/autosave with the form's CSRF token in a header. The
 * server keeps it as the user's autosave revision and never changes the article itself, so a
 * published article stays as readers see it until someone saves. A status line (aria-live) says
 * "Saved at 14:05" or what went wrong; a 409 (someone else saved meanwhile) stops autosaving.
 *
 * Beside it, what is typed is kept in the browser (localStorage, per form address) until the
 * server has it: a new article before its first save, or any article while offline. Opening the
 * form again with such a copy offers it back ("Restore what you typed"). Work not yet on the
 * server makes the browser ask before the tab is closed, and is sent when the connection returns.
 *
 * A new article is made a draft on the server at the first pause in typing once it has a headline
 * (the whole form to POST /admin/articles/draft, as "Save draft" would send it); the page then
 * goes on as that draft's edit form (its address, the form's action and version, autosave).
 */
/// <reference lib="dom" />

const DEFAULT_DELAY_MS = 10_000;
/** A new article becomes a draft on the server this soon after typing pauses (once it has a headline). */
const CREATE_DELAY_MS = 1500;

type Field = HTMLInputElement | HTMLTextAreaElement;

/** The article's text fields and body, as autosave sends them and the local copy keeps them. */
interface Draft {
  title: string;
  excerpt: string;
  body_json: string;
  body_text: string;
}

/** A server time as the status line says it ("14:05"). */
const clockTime = (iso: string | number): string => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

const storageKey = (): string => `broadsheet:draft:${location.pathname}`;

function readLocal(): { at: number; draft: Draft } | undefined {
  try {
    const raw = localStorage.getItem(storageKey());
    const v = raw ? (JSON.parse(raw) as { at?: unknown; draft?: Draft }) : undefined;
    return v && typeof v.at === 'number' && v.draft && typeof v.draft.title === 'string' ? { at: v.at, draft: v.draft } : undefined;
  } catch {
    return undefined;
  }
}
const writeLocal = (draft: Draft): void => {
  try {
    localStorage.setItem(storageKey(), JSON.stringify({ at: Date.now(), draft }));
  } catch {
    // Storage full or refused (a private window): the server autosave still runs.
  }
};
const clearLocal = (): void => {
  try {
    localStorage.removeItem(storageKey());
  } catch {
    // nothing to clear
  }
};

export function mountAutosave(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('[data-autosave-status]');
  if (!status) return;
  let url = status.dataset.autosaveUrl || undefined;
  const draftUrl = status.dataset.draftUrl || undefined;
  const field = (name: string): Field | null => form.querySelector<Field>(`[name="${name}"]`);
  const csrf = field('_csrf')?.value ?? '';
  const delay = Number(status.dataset.autosaveDelay) > 0 ? Number(status.dataset.autosaveDelay) : DEFAULT_DELAY_MS;
  let timer: number | undefined;
  let dirty = false;
  let creating: Promise<void> | undefined;
  // Changes so far: a change made while the draft is being created is autosaved after it.
  let edits = 0;
  let stopped = false;
  let submitting = false;

  const show = (text: string, error = false): void => {
    status.textContent = text;
    status.classList.toggle('autosave-status--error', error);
  };
  const draft = (): Draft => ({
    title: field('title')?.value ?? '',
    excerpt: field('excerpt')?.value ?? '',
    body_json: form.querySelector<HTMLInputElement>('[data-editor-format]')?.value === 'json' ? (field('body_json')?.value ?? '') : '',
    body_text: field('body_text')?.value ?? '',
  });
  const payload = (): string => JSON.stringify({ ...draft(), updated_at: field('updated_at')?.value ?? '' });
  const request = (keepalive: boolean): Promise<Response> =>
    fetch(url!, {
      method: 'POST',
      credentials: 'same-origin',
      keepalive,
      headers: { 'content-type': 'application/json', 'csrf-token': csrf, accept: 'application/json' },
      body: payload(),
    });

  const save = async (): Promise<void> => {
    window.clearTimeout(timer);
    if (stopped || !dirty || !url) return;
    dirty = false;
    show('Autosaving…');
    try {
      const res = await request(false);
      const data = (await res.json().catch(() => ({}))) as { savedAt?: string; error?: { message?: string } };
      if (res.ok && data.savedAt) {
        if (!dirty) clearLocal();
        const at = clockTime(data.savedAt);
        show(`Saved at ${at} (autosave: the article itself changes when you save it).`);
        return;
      }
      if (res.status === 409) stopped = true;
      else dirty = true;
      show(
        `Not autosaved: ${data.error?.message ?? (res.status === 403 ? 'your session may have ended; reload the page.' : `the server answered ${res.status}.`)}`,
        true,
      );
    } catch {
      dirty = true;
      show('Offline: what you type is kept in this browser and saved when the connection returns.', true);
    }
  };

  /** The new form sent as a draft; the page becomes its edit form. */
  const createDraft = async (): Promise<void> => {
    if (creating || url || stopped || !draftUrl || !field('title')?.value.trim()) return;
    let done = (): void => {};
    creating = new Promise<void>((resolve) => {
      done = resolve;
    });
    const sent = edits;
    show('Creating the draft…');
    const data = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && k !== 'intent') data.append(k, v);
    data.set('intent', 'save');
    try {
      const res = await fetch(draftUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'csrf-token': csrf },
        body: data.toString(),
      });
      const body = (await res.json().catch(() => ({}))) as {
        editUrl?: string;
        autosaveUrl?: string;
        updatedAt?: string;
        savedAt?: string;
        error?: { message?: string };
      };
      if (!res.ok || !body.editUrl || !body.updatedAt) {
        show(`Not saved on the server yet: ${body.error?.message ?? `the server answered ${res.status}.`} What you typed is kept in this browser.`, true);
        return;
      }
      clearLocal();
      history.replaceState(history.state, '', body.editUrl);
      form.action = body.editUrl;
      let version = form.querySelector<HTMLInputElement>('input[name="updated_at"]');
      if (!version) {
        version = document.createElement('input');
        version.type = 'hidden';
        version.name = 'updated_at';
        form.prepend(version);
      }
      version.value = body.updatedAt;
      url = body.autosaveUrl;
      if (url) status.dataset.autosaveUrl = url;
      const at = clockTime(body.savedAt ?? Date.now());
      show(`Draft created at ${at}; what you type now is autosaved.`);
      dirty = edits !== sent;
      if (dirty) {
        writeLocal(draft());
        window.clearTimeout(timer);
        timer = window.setTimeout(() => void save(), delay);
      }
    } catch {
      show('Offline: what you type is kept in this browser; the draft is created when the connection returns.', true);
    } finally {
      creating = undefined;
      done();
    }
  };

  const changed = (): void => {
    if (stopped) return;
    dirty = true;
    edits += 1;
    writeLocal(draft());
    if (!url) {
      if (!draftUrl) {
        show('Kept in this browser until you save the draft.');
        return;
      }
      if (!field('title')?.value.trim()) {
        show('Kept in this browser; saved as a draft as soon as it has a headline.');
        return;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void createDraft(), Math.min(delay, CREATE_DELAY_MS));
      return;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void save(), delay);
  };

  offerLocalCopy(form, status, field, draft);
  form.addEventListener('input', changed);
  form.addEventListener('editor-change', changed);
  form.addEventListener('submit', (event) => {
    // "Save draft" pressed while the draft is being created: sent once it exists, to its own address.
    if (creating) {
      event.preventDefault();
      const by = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      void creating.then(() => form.requestSubmit(by ?? undefined));
      return;
    }
    // An explicit save replaces the autosave (and the local copy); nothing more to send from this page.
    stopped = true;
    submitting = true;
    window.clearTimeout(timer);
    clearLocal();
  });
  window.addEventListener('online', () => void (url ? save() : createDraft()));
  // Work the server does not have yet: the browser asks before the tab goes.
  window.addEventListener('beforeunload', (event) => {
    if (!dirty || submitting) return;
    event.preventDefault();
    event.returnValue = '';
  });
  const flush = (): void => {
    if (stopped || !dirty || !url) return;
    dirty = false;
    window.clearTimeout(timer);
    // keepalive lets the request outlive the page; sendBeacon cannot carry the CSRF header.
    request(true).catch(() => undefined);
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}

/**
 * A copy kept in this browser that differs from what the form shows (the tab was closed before
 * the server had it): a notice offering it back. Restoring fills the fields and hands the body to
 * the editor (`editor-restore`), or to the textarea without one.
 */
function offerLocalCopy(form: HTMLFormElement, status: HTMLElement, field: (name: string) => Field | null, current: () => Draft): void {
  const kept = readLocal();
  if (!kept) return;
  const now = current();
  const same =
    kept.draft.title === now.title && kept.draft.excerpt === now.excerpt && (kept.draft.body_json || kept.draft.body_text) === (now.body_json || now.body_text);
  if (same) {
    clearLocal();
    return;
  }
  const notice = document.createElement('div');
  notice.className = 'notice notice--info local-copy';
  notice.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = `This browser kept what you typed here at ${new Date(kept.at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}, which was not saved.`;
  const restore = document.createElement('button');
  restore.type = 'button';
  restore.className = 'button';
  restore.textContent = 'Restore what you typed';
  const discard = document.createElement('button');
  discard.type = 'button';
  discard.className = 'button button--secondary';
  discard.textContent = 'Discard it';
  notice.append(text, restore, discard);
  form.prepend(notice);
  restore.addEventListener('click', () => {
    const set = (name: string, value: string): void => {
      const f = field(name);
      if (f) f.value = value;
    };
    set('title', kept.draft.title);
    set('excerpt', kept.draft.excerpt);
    set('body_text', kept.draft.body_text);
    form.dispatchEvent(new CustomEvent('editor-restore', { detail: kept.draft }));
    notice.remove();
    status.textContent = 'Restored. Save to keep it.';
    form.dispatchEvent(new Event('input'));
  });
  discard.addEventListener('click', () => {
    clearLocal();
    notice.remove();
  });
}
