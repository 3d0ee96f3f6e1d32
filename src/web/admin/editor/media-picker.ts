/**
 * Browser side of the media library (progressive enhancement; every page works without it):
 * - drag and drop onto upload forms marked [data-media-drop] (the file lands in the form's
 *   <input type=file>; the person still adds alt text and presses Upload);
 * - an image picker dialog for the article editor ("Figure") and the featured image field:
 *   search the library (GET /admin/media.json?q=), or upload a new image inside the dialog
 *   (POST /admin/media with the CSRF token as a form field and a header, Accept: JSON).
 * Bundled alone as /admin/assets/media.js (web/admin/script-bundle.ts) and into the editor bundle.
 * No inline scripts or styles: the strict CSP stays on; looks come from admin.css classes.
 */
/// <reference lib="dom" />
import { csrfToken, h, uid } from './dom.js';

/** One library image as /admin/media.json describes it. */
export interface PickedImage {
  id: number;
  filename: string;
  thumb: string;
  thumbWidth: number;
  thumbHeight: number;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/** What the person chose for a figure; empty texts mean "the library's". */
export interface FigureChoice {
  alt: string;
  caption: string;
  credit: string;
  align: 'center' | 'wide' | 'left' | 'right';
}

/**
 * Uploads one file to the library; resolves with the new image or rejects with the server's
 * message. `onProgress` hears the share of the file sent so far (0 to 1).
 */
export function uploadImage(
  file: File,
  texts: { alt?: string; caption?: string; credit?: string } = {},
  onProgress?: (sent: number) => void,
): Promise<PickedImage> {
  const form = new FormData();
  form.append('_csrf', csrfToken());
  for (const [k, v] of Object.entries(texts)) if (v) form.append(k, v);
  form.append('file', file);
  return new Promise((resolve, reject) => {
    // XMLHttpRequest rather than fetch: only it reports an upload's progress.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/admin/media');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.responseType = 'json';
    if (onProgress) xhr.upload.addEventListener('progress', (e) => e.lengthComputable && onProgress(e.loaded / e.total));
    xhr.addEventListener('load', () => {
      const data = (xhr.response ?? {}) as { item?: PickedImage; error?: { message?: string } };
      if (xhr.status >= 200 && xhr.status < 300 && data.item) resolve(data.item);
      else reject(new Error(data.error?.message ?? `The upload failed (${xhr.status}).`));
    });
    xhr.addEventListener('error', () => reject(new Error('The upload failed: the connection was lost.')));
    xhr.send(form);
  });
}

async function search(q: string, page: number): Promise<{ items: PickedImage[]; total: number; page: number; totalPages: number }> {
  const res = await fetch(`/admin/media.json?q=${encodeURIComponent(q)}&page=${page}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`The library could not be loaded (${res.status}).`);
  return res.json() as Promise<{ items: PickedImage[]; total: number; page: number; totalPages: number }>;
}

/**
 * Drag and drop for an upload area: a file dropped on `zone` goes into its file input, and a
 * status line says which file is ready.
 */
export function enhanceDropZone(zone: HTMLElement): void {
  const input = zone.querySelector<HTMLInputElement>('input[type=file]');
  if (!input || zone.hasAttribute('data-drop-ready')) return;
  zone.setAttribute('data-drop-ready', '');
  const area = input.closest<HTMLElement>('.media-drop') ?? zone;
  const status = h('p', { class: 'media-drop__status', 'aria-live': 'polite', text: 'Or drag an image here.' });
  area.append(status);
  const show = () => {
    const f = input.files?.[0];
    status.textContent = f ? `Ready to upload: ${f.name} (${Math.max(1, Math.round(f.size / 1024))} KB).` : 'Or drag an image here.';
  };
  input.addEventListener('change', show);
  const over = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    area.classList.add('is-dragover');
  };
  area.addEventListener('dragenter', over);
  area.addEventListener('dragover', over);
  area.addEventListener('dragleave', () => area.classList.remove('is-dragover'));
  area.addEventListener('drop', (e) => {
    area.classList.remove('is-dragover');
    const files = e.dataTransfer?.files;
    if (!files || files.length === 0) return;
    e.preventDefault();
    const one = new DataTransfer();
    one.items.add(files[0]!);
    input.files = one.files;
    show();
  });
}

export interface PickerOptions {
  /** One image for a figure (with its texts) or the featured image; or several for a gallery. */
  mode: 'figure' | 'featured' | 'gallery';
  /** The dialog's heading (default: by mode). */
  title?: string;
  canUpload: boolean;
  onPick?: (image: PickedImage, figure: FigureChoice) => void;
  /** Gallery: the images in the order chosen, and the columns. */
  onPickMany?: (images: PickedImage[], columns: number) => void;
}

const PICKER_TITLES = { figure: 'Insert an image', featured: 'Choose the featured image', gallery: 'Insert a gallery' } as const;

/** Opens the picker as a modal dialog; it removes itself when closed. */
export function openMediaPicker(o: PickerOptions): void {
  const titleId = uid('media-picker-title');
  const dialog = h('dialog', { class: 'media-picker', 'aria-labelledby': titleId, 'data-media-picker': '' });
  const title = h('h2', { id: titleId, text: o.title ?? PICKER_TITLES[o.mode] });

  // Search
  const qId = uid('media-picker-q');
  const q = h('input', { class: 'field__input', type: 'search', id: qId, maxlength: '200' });
  const searchForm = h(
    'form',
    { class: 'filters', role: 'search' },
    h('div', { class: 'field field--inline' }, h('label', { class: 'field__label', for: qId, text: 'Search the library' }), q),
    h('button', { class: 'button button--secondary', type: 'submit', text: 'Search' }),
  );
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const grid = h('ul', { class: 'media-picker__grid' });
  const prev = h('button', { class: 'button button--small button--secondary', type: 'button', text: 'Newer' });
  const next = h('button', { class: 'button button--small button--secondary', type: 'button', text: 'Older' });
  const pager = h('p', { class: 'form__actions' }, prev, next);

  // Upload inside the picker
  const fileId = uid('media-picker-file');
  const upAltId = uid('media-picker-upload-alt');
  const file = h('input', { class: 'field__input', type: 'file', id: fileId, accept: 'image/jpeg,image/png,image/webp,image/gif,image/avif' });
  const upAlt = h('input', { class: 'field__input', type: 'text', id: upAltId, maxlength: '500' });
  const upError = h('p', { class: 'media-picker__error', role: 'alert' });
  const upButton = h('button', { class: 'button button--secondary', type: 'button', text: 'Upload' });
  const upload = o.canUpload
    ? h(
        'section',
        { class: 'media-picker__section' },
        h('h3', { text: 'Upload a new image' }),
        h('div', { class: 'field media-drop' }, h('label', { class: 'field__label', for: fileId, text: 'Image file (JPEG, PNG, WebP, GIF or AVIF)' }), file),
        h('div', { class: 'field' }, h('label', { class: 'field__label', for: upAltId, text: 'Alt text' }), upAlt),
        upError,
        upButton,
      )
    : null;

  // The chosen image and, for figures, its texts
  const chosenInfo = h('p', { 'aria-live': 'polite', text: 'No image chosen yet.' });
  const field = (label: string, input: HTMLInputElement | HTMLSelectElement, hint?: string) => {
    const id = uid('media-picker-field');
    input.id = id;
    const hintEl = hint ? h('p', { class: 'field__hint', id: `${id}-hint`, text: hint }) : null;
    if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
    return h('div', { class: 'field' }, h('label', { class: 'field__label', for: id, text: label }), hintEl, input);
  };
  const alt = h('input', { class: 'field__input', type: 'text', maxlength: '1000' });
  const caption = h('input', { class: 'field__input', type: 'text', maxlength: '2000' });
  const credit = h('input', { class: 'field__input', type: 'text', maxlength: '300' });
  const align = h(
    'select',
    { class: 'field__select' },
    ...(['center', 'wide', 'left', 'right'] as const).map((a) => h('option', { value: a, text: a[0]!.toUpperCase() + a.slice(1) })),
  );
  const figureFields =
    o.mode === 'figure'
      ? h(
          'div',
          {},
          field('Alt text for this article', alt, 'Leave empty to use the library’s alt text.'),
          field('Caption', caption, 'Leave empty to use the library’s caption.'),
          field('Credit', credit, 'Leave empty to use the library’s credit.'),
          field('Alignment', align),
        )
      : null;
  const columns = h('select', { class: 'field__select' }, ...[2, 3, 4].map((n) => h('option', { value: String(n), text: `${n} columns`, selected: n === 3 })));
  const galleryFields = o.mode === 'gallery' ? h('div', {}, field('Layout', columns, 'On narrow screens the gallery has fewer columns.')) : null;
  const choose = h('button', {
    class: 'button',
    type: 'button',
    disabled: true,
    text: o.mode === 'figure' ? 'Insert image' : o.mode === 'gallery' ? 'Insert gallery' : 'Use this image',
  });
  const cancel = h('button', { class: 'button button--secondary', type: 'button', text: 'Cancel' });
  const details = h(
    'section',
    { class: 'media-picker__section' },
    h('h3', { text: o.mode === 'gallery' ? 'Chosen images' : 'Chosen image' }),
    chosenInfo,
    figureFields,
    galleryFields,
    h('p', { class: 'form__actions' }, choose, cancel),
  );

  dialog.append(title, searchForm, status, grid, pager, upload ?? '', details);
  document.body.append(dialog);

  let chosen: PickedImage | undefined;
  // A gallery's images, in the order they were chosen (a second click takes one out).
  const many: PickedImage[] = [];
  let page = 1;
  const select = (img: PickedImage) => {
    if (o.mode === 'gallery') {
      const at = many.findIndex((m) => m.id === img.id);
      if (at >= 0) many.splice(at, 1);
      else many.push(img);
      paintMany();
      return;
    }
    chosen = img;
    for (const b of grid.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.id === String(img.id)));
    chosenInfo.textContent = `${img.filename} (image ${img.id}, ${img.width}×${img.height})${img.alt ? ` — alt text: ${img.alt}` : ' — no alt text in the library yet'}`;
    alt.placeholder = img.alt;
    caption.placeholder = img.caption;
    credit.placeholder = img.credit;
    choose.disabled = false;
  };
  const paintMany = () => {
    const ids = new Set(many.map((m) => String(m.id)));
    for (const b of grid.querySelectorAll('button')) b.setAttribute('aria-pressed', String(ids.has(b.dataset.id ?? '')));
    chosenInfo.textContent =
      many.length === 0
        ? 'No images chosen yet: choose two or more, in the order they are to be shown.'
        : `${many.length} chosen: ${many.map((m) => m.filename).join(', ')}`;
    choose.disabled = many.length < 2;
  };
  const card = (img: PickedImage) => {
    const b = h(
      'button',
      { class: 'media-picker__choice', type: 'button', 'aria-pressed': 'false', 'data-id': String(img.id) },
      h('img', { src: img.thumb, width: String(img.thumbWidth), height: String(img.thumbHeight), alt: '' }),
      h('span', { text: img.alt ? img.filename : `${img.filename} (no alt text)` }),
    );
    b.addEventListener('click', () => select(img));
    return h('li', {}, b);
  };
  const load = async () => {
    status.textContent = 'Loading…';
    try {
      const r = await search(q.value.trim(), page);
      grid.replaceChildren(...r.items.map(card));
      status.textContent = r.total === 0 ? 'No images match.' : `${r.total} ${r.total === 1 ? 'image' : 'images'}; page ${r.page} of ${r.totalPages}.`;
      prev.disabled = r.page <= 1;
      next.disabled = r.page >= r.totalPages;
      if (o.mode === 'gallery') paintMany();
      else if (chosen) select(chosen);
    } catch (err) {
      status.textContent = (err as Error).message;
    }
  };
  searchForm.addEventListener('submit', (e) => {
    e.preventDefault();
    page = 1;
    void load();
  });
  prev.addEventListener('click', () => {
    page = Math.max(1, page - 1);
    void load();
  });
  next.addEventListener('click', () => {
    page += 1;
    void load();
  });
  upButton.addEventListener('click', async () => {
    const f = file.files?.[0];
    if (!f) {
      upError.textContent = 'Choose an image file first.';
      return;
    }
    upError.textContent = '';
    upButton.disabled = true;
    upButton.textContent = 'Uploading…';
    try {
      const img = await uploadImage(f, { alt: upAlt.value.trim() });
      file.value = '';
      upAlt.value = '';
      q.value = '';
      page = 1;
      await load();
      select(img);
      choose.focus();
    } catch (err) {
      upError.textContent = (err as Error).message;
    } finally {
      upButton.disabled = false;
      upButton.textContent = 'Upload';
    }
  });
  if (upload) enhanceDropZone(upload);
  choose.addEventListener('click', () => {
    if (o.mode === 'gallery') {
      if (many.length < 2) return;
      o.onPickMany?.([...many], Number(columns.value) || 3);
      dialog.close();
      return;
    }
    if (!chosen) return;
    const a = align.value;
    o.onPick?.(chosen, {
      alt: alt.value.trim(),
      caption: caption.value.trim(),
      credit: credit.value.trim(),
      align: a === 'wide' || a === 'left' || a === 'right' ? a : 'center',
    });
    dialog.close();
  });
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  q.focus();
  void load();
}

/** The article form's featured image field ([data-media-featured]). */
export function enhanceFeaturedField(root: ParentNode, canUpload: boolean): void {
  const wrap = root.querySelector<HTMLElement>('[data-media-featured]');
  if (wrap) enhanceMediaField(wrap, canUpload, 'featured image');
}

/**
 * A field holding a library image's id (the featured image, the site's logo…): a "Choose from the
 * library" button that fills the id and shows the thumbnail, and one that empties it.
 */
export function enhanceMediaField(wrap: HTMLElement, canUpload: boolean, what: string): void {
  const input = wrap.querySelector<HTMLInputElement>('input[type="text"]');
  if (!input || wrap.hasAttribute('data-picker-ready')) return;
  wrap.setAttribute('data-picker-ready', '');
  const button = h('button', {
    class: 'button button--small button--secondary',
    type: 'button',
    'data-command': `Choose ${what}`,
    text: 'Choose from the library…',
  });
  const clear = h('button', { class: 'button button--small button--secondary', type: 'button', text: `Remove ${what}` });
  const actions = h('p', { class: 'form__actions' }, button, clear);
  wrap.append(actions);
  const preview = () => wrap.querySelector<HTMLElement>('.featured-field__preview');
  button.addEventListener('click', () =>
    openMediaPicker({
      mode: 'featured',
      title: `Choose the ${what}`,
      canUpload,
      onPick: (img) => {
        input.value = String(img.id);
        const p = h(
          'p',
          { class: 'featured-field__preview' },
          h('img', {
            src: img.thumb,
            width: String(img.thumbWidth),
            height: String(img.thumbHeight),
            alt: img.alt ? `Chosen: ${img.alt}` : `Chosen ${what} (no alt text)`,
          }),
          h('a', { href: `/admin/media/${img.id}`, text: `Image ${img.id} in the media library` }),
        );
        const old = preview();
        if (old) old.replaceWith(p);
        else actions.before(p);
        button.focus();
      },
    }),
  );
  clear.addEventListener('click', () => {
    input.value = '';
    preview()?.remove();
  });
}

// Standalone (the media library page): drag and drop on its upload form.
document.querySelectorAll<HTMLElement>('form[data-media-drop]').forEach(enhanceDropZone);
// Standalone (the settings page): image fields chosen from the library.
document.querySelectorAll<HTMLElement>('[data-media-field]').forEach((w) => {
  enhanceMediaField(w, w.dataset.mediaUpload === '1', w.dataset.mediaField ?? 'image');
});

/**
 * The image's page (/admin/media/:id): a click on the picture sets the focal point's two fields
 * (percent across and down) and marks the spot; the fields stay the way to type it, or to empty it.
 */
export function enhanceFocalPreview(figure: HTMLElement): void {
  const img = figure.querySelector('img');
  const x = document.querySelector<HTMLInputElement>('[data-focal-x]');
  const y = document.querySelector<HTMLInputElement>('[data-focal-y]');
  if (!img || !x || !y) return;
  const mark = h('span', { class: 'focal-mark', 'aria-hidden': 'true' });
  figure.classList.add('media-edit__preview--focal');
  figure.append(mark);
  const paint = (): void => {
    const ok = x.value !== '' && y.value !== '';
    mark.hidden = !ok;
    if (ok) {
      mark.style.left = `${Math.min(100, Math.max(0, Number(x.value)))}%`;
      mark.style.top = `${Math.min(100, Math.max(0, Number(y.value)))}%`;
    }
  };
  img.title = 'Click where the picture’s centre of interest is';
  img.addEventListener('click', (e) => {
    const box = img.getBoundingClientRect();
    x.value = String(Math.round(((e.clientX - box.left) / box.width) * 100));
    y.value = String(Math.round(((e.clientY - box.top) / box.height) * 100));
    paint();
  });
  x.addEventListener('input', paint);
  y.addEventListener('input', paint);
  paint();
}
document.querySelectorAll<HTMLElement>('[data-focal-preview]').forEach(enhanceFocalPreview);
