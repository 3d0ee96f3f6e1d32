/**
 * Browser side of autosave (bundled with editor.ts). About ten seconds after the last change to
 * the headline, standfirst or body, and when the page is hidden or closed, the editor's content
 * goes as JSON to POST /admin/articles/:id/autosave with the form's CSRF token in a header. The
 * server keeps it as the user's autosave revision and never changes the article itself, so a
 * published article stays as readers see it until someone saves. A status line (aria-live) says
 * "Saved at 14:05" or what went wrong; a 409 (someone else saved meanwhile) stops autosaving.
 * New articles autosave only once they have been saved once (the form has no endpoint before).
 */
/// <reference lib="dom" />

const DEFAULT_DELAY_MS = 10_000;

type Field = HTMLInputElement | HTMLTextAreaElement;

export function mountAutosave(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('[data-autosave-status]');
  const url = status?.dataset.autosaveUrl;
  if (!status || !url) return;
  const field = (name: string): Field | null => form.querySelector<Field>(`[name="${name}"]`);
  const csrf = field('_csrf')?.value ?? '';
  const delay = Number(status.dataset.autosaveDelay) > 0 ? Number(status.dataset.autosaveDelay) : DEFAULT_DELAY_MS;
  let timer: number | undefined;
  let dirty = false;
  let stopped = false;

  const show = (text: string, error = false): void => {
    status.textContent = text;
    status.classList.toggle('autosave-status--error', error);
  };
  const payload = (): string =>
    JSON.stringify({
      title: field('title')?.value ?? '',
      excerpt: field('excerpt')?.value ?? '',
      body_json: form.querySelector<HTMLInputElement>('[data-editor-format]')?.value === 'json' ? (field('body_json')?.value ?? '') : '',
      body_text: field('body_text')?.value ?? '',
      updated_at: field('updated_at')?.value ?? '',
    });
  const request = (keepalive: boolean): Promise<Response> =>
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      keepalive,
      headers: { 'content-type': 'application/json', 'csrf-token': csrf, accept: 'application/json' },
      body: payload(),
    });

  const save = async (): Promise<void> => {
    window.clearTimeout(timer);
    if (stopped || !dirty) return;
    dirty = false;
    show('Autosaving…');
    try {
      const res = await request(false);
      const data = (await res.json().catch(() => ({}))) as { savedAt?: string; error?: { message?: string } };
      if (res.ok && data.savedAt) {
        const at = new Date(data.savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
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
      show('Not autosaved: no connection. It will try again after your next change.', true);
    }
  };

  const changed = (): void => {
    if (stopped) return;
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void save(), delay);
  };

  form.addEventListener('input', changed);
  form.addEventListener('editor-change', changed);
  form.addEventListener('submit', () => {
    // An explicit save replaces the autosave; nothing more to send from this page.
    stopped = true;
    window.clearTimeout(timer);
  });
  const flush = (): void => {
    if (stopped || !dirty) return;
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
