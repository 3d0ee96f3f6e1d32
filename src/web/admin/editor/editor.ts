/**
 * Browser side of the article editor (bundled by web/admin/script-bundle.ts into
 * /admin/assets/editor.js). Progressive enhancement: the form works without it, with a textarea of
 * paragraphs. With it, the textarea is replaced by a Tiptap editor whose document (the shape of
 * modules/article/document.ts) is written into the hidden `body_json` field on every change, and
 * `body_format` says "json". No inline scripts or styles: the strict CSP stays on.
 */
/// <reference lib="dom" />
import { mountTagSuggest } from './tag-suggest.js';
import { instantOf, parseWallTime } from '../../../lib/zoned-time.js';
import { countWords, readingMinutes } from '../../../lib/words.js';
import { slugify } from '../../../modules/article/article.js';
import { directionOf, isLanguageTag } from '../../../lib/direction.js';
import { Editor, Extension } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { type BlockMenu, mountBlockMenu } from './block-menu.js';
import { h } from './dom.js';
import { mountPreviews } from './previews.js';
import { Figure, Gallery, QuoteCard, Quotation, askAltOfNextFigure, isSocialPostUrl, openNextCard, rememberImages, type ImageInfo } from './blocks.js';
import StarterKit from '@tiptap/starter-kit';
import { enhanceFeaturedField, openMediaPicker, type PickedImage, uploadImage } from './media-picker.js';
import { mountAutosave } from './autosave.js';
import { mountPeoplePickers } from './people-picker.js';

type Attrs = Record<string, unknown>;

/**
 * The article's words follow its language field: a Persian article's headline, standfirst and
 * body are edited right to left, and switch as soon as the language is changed.
 */
function followLanguage(form: HTMLFormElement, body: HTMLElement): void {
  const field = form.querySelector<HTMLInputElement>('input[name="language"]');
  if (!field) return;
  const apply = (): void => {
    const lang = field.value.trim();
    const valid = isLanguageTag(lang);
    const dir = valid && directionOf(lang) === 'rtl' ? 'rtl' : 'auto';
    for (const el of [body, ...form.querySelectorAll<HTMLElement>('[data-article-text], #title')]) {
      el.setAttribute('dir', dir);
      if (valid) el.setAttribute('lang', lang);
      else el.removeAttribute('lang');
    }
  };
  field.addEventListener('input', apply);
}

/**
 * The address the article will have, under the slug field, as the slug (or, while it is empty,
 * the headline it will be made from) is typed.
 */
function followSlug(form: HTMLFormElement): void {
  const preview = form.querySelector<HTMLElement>('[data-slug-preview]');
  const slug = form.querySelector<HTMLInputElement>('#slug');
  const title = form.querySelector<HTMLInputElement>('#title');
  if (!preview || !slug || !title) return;
  const show = (): void => {
    const typed = slug.value.trim();
    const made = slugify(typed || title.value);
    preview.textContent = made ? `Its address: /${made}/${typed ? '' : ' (made from the headline)'}` : '';
  };
  slug.addEventListener('input', show);
  title.addEventListener('input', show);
  show();
}

/** Under the publication time (typed in the site's zone): the same moment in UTC, as it is typed. */
function echoUtc(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('#publish-at');
  const echo = form.querySelector<HTMLElement>('[data-utc-echo]');
  const zone = input?.dataset.timeZone;
  if (!input || !echo || !zone) return;
  const show = (): void => {
    const wall = parseWallTime(input.value);
    const at = wall ? instantOf(wall, zone) : undefined;
    if (!at) echo.textContent = '';
    else if (!at.ok) echo.textContent = `That time does not exist in ${zone} (the clocks change then).`;
    else echo.textContent = zone === 'UTC' ? '' : `That is ${at.instant.toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
  };
  input.addEventListener('input', show);
  input.addEventListener('change', show);
  show();
}

/** A document of paragraphs from the textarea's text (blank line = new paragraph). */
function docFromText(text: string): Attrs {
  const paras = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { type: 'doc', content: paras.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) };
}

/** Drops empty optional attributes so the saved JSON stays in the server's shape. */
function clean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(clean);
  if (node === null || typeof node !== 'object') return node;
  const out: Attrs = {};
  for (const [k, v] of Object.entries(node as Attrs)) {
    if (k === 'attrs' && v && typeof v === 'object') {
      const attrs: Attrs = {};
      for (const [ak, av] of Object.entries(v as Attrs)) if (av !== null && av !== '') attrs[ak] = av;
      if (Object.keys(attrs).length) out.attrs = attrs;
    } else out[k] = clean(v);
  }
  return out;
}

function button(label: string, title: string, run: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button button--small button--secondary editor__button';
  b.textContent = label;
  b.title = title;
  b.dataset.command = title;
  // The visible label stays part of the accessible name ("H2 Heading").
  const full = document.createElement('span');
  full.className = 'visually-hidden';
  full.textContent = ` ${title}`;
  b.append(full);
  // A mouse press must not take focus (and the selection) away from the text being edited;
  // keyboard activation still works, and run() puts focus back in the editor.
  b.addEventListener('mousedown', (e) => e.preventDefault());
  b.addEventListener('click', run);
  return b;
}

interface PersonHit {
  id: number;
  name: string;
  description: string;
}

/**
 * Attributes the quotation at the cursor, or the selected figure, to a person at People: the
 * citation or caption's name is asked for (found with /admin/people/lookup, added with
 * /admin/people/quick when nobody has it); an empty answer takes the attribution off.
 */
async function attributeToPerson(editor: Editor, form: HTMLFormElement): Promise<void> {
  const target = editor.isActive('figure') ? 'figure' : editor.isActive('blockquote') ? 'blockquote' : undefined;
  if (!target) {
    window.alert('Put the cursor in a quotation, or select a figure, to say who said it or who it shows.');
    return;
  }
  const a = editor.getAttributes(target);
  const guess = String((target === 'figure' ? a.caption : a.citation) ?? '')
    .split(/[,،;]/)[0]!
    .trim();
  const typed = window.prompt('Name of the person (at People); empty to take the attribution off', guess);
  if (typed === null) return;
  const name = typed.trim();
  const set = (personId: number | null) => editor.chain().focus().updateAttributes(target, { personId }).run();
  if (!name) {
    set(null);
    return;
  }
  const res = await fetch(`/admin/people/lookup?q=${encodeURIComponent(name)}`, { headers: { accept: 'application/json' } });
  const hits = res.ok ? ((await res.json()) as PersonHit[]) : [];
  const exact = hits.filter((h) => h.name.toLowerCase() === name.toLowerCase());
  const label = (h: PersonHit) => (h.description ? `${h.name}, ${h.description}` : h.name);
  if (exact.length === 1) {
    set(exact[0]!.id);
    return;
  }
  if (hits.length > 0) {
    const list = hits.map((h, i) => `${i + 1}. ${label(h)}`).join('\n');
    const pick = window.prompt(`Which one? Type its number, or 0 to add “${name}” as someone new.\n${list}`, '1');
    if (pick === null) return;
    const chosen = hits[Number(pick) - 1];
    if (chosen) {
      set(chosen.id);
      return;
    }
    if (pick.trim() !== '0') return;
  }
  const description = window.prompt(`${name} is not at People yet. Their role, as a caption would say it (optional)`, '');
  if (description === null) return;
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  const made = await fetch('/admin/people/quick', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ _csrf: csrf, name, description }).toString(),
  });
  const body = (await made.json().catch(() => ({}))) as { id?: number; error?: string };
  if (!made.ok || !body.id) {
    window.alert(body.error ?? 'The person could not be added.');
    return;
  }
  set(body.id);
}

/**
 * The quotation buttons. Quote: the paragraph becomes a quotation (its citation then typed in the
 * field under it); in a pull quote, a quotation; in a quotation, text again. Pull: the paragraph
 * becomes a pull quote; in a quotation, it turns into a pull quote and back (the words stay).
 */
function toggleQuote(editor: Editor, kind: 'pull' | null): void {
  const chain = () => editor.chain().focus();
  if (!editor.isActive('blockquote')) {
    chain()
      .wrapIn('blockquote', kind ? { kind } : {})
      .run();
    return;
  }
  const pull = editor.getAttributes('blockquote').kind === 'pull';
  if (kind === 'pull')
    chain()
      .updateAttributes('blockquote', { kind: pull ? null : 'pull' })
      .run();
  else if (pull) chain().updateAttributes('blockquote', { kind: null }).run();
  else chain().lift('blockquote').run();
}

const remember = (img: PickedImage): void =>
  rememberImages({
    [String(img.id)]: { src: img.thumb, width: img.thumbWidth, height: img.thumbHeight, alt: img.alt, caption: img.caption, credit: img.credit },
  });

function pickFigure(editor: Editor, canUpload: boolean): void {
  openMediaPicker({
    mode: 'figure',
    canUpload,
    onPick: (img, f) => {
      remember(img);
      insertBlock(editor, { type: 'figure', attrs: { mediaId: img.id, ...f } });
    },
  });
}

function pickGallery(editor: Editor, canUpload: boolean): void {
  openMediaPicker({
    mode: 'gallery',
    canUpload,
    onPickMany: (imgs, columns) => {
      for (const img of imgs) remember(img);
      insertBlock(editor, {
        type: 'gallery',
        attrs: { columns },
        content: imgs.map((img) => ({ type: 'figure', attrs: { mediaId: img.id, align: 'center' } })),
      });
    },
  });
}

/** A new, empty social-post card with its fields open at the link (filled from it when `url` is given). */
function insertCard(editor: Editor, url = ''): void {
  openNextCard(url !== '');
  insertBlock(editor, { type: 'quoteCard', attrs: url ? { url } : {} });
}

/**
 * A new block at the cursor; when a figure, card or gallery is selected, after it (never in its
 * place: inserting must not delete what was selected).
 */
function insertBlock(editor: Editor, block: Record<string, unknown>): void {
  const { selection } = editor.state;
  if (selection instanceof NodeSelection) editor.chain().focus().insertContentAt(selection.to, block).run();
  else editor.chain().focus().insertContent(block).run();
}

/** Ctrl/⌘+K: the link at the cursor, asked for. */
const LinkShortcut = Extension.create<{ ask: () => void }>({
  name: 'linkShortcut',
  addOptions: () => ({ ask: () => {} }),
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.ask();
        return true;
      },
    };
  },
});

function askLink(editor: Editor): void {
  const href = window.prompt('Link address (https://…); empty to remove the link', (editor.getAttributes('link').href as string | undefined) ?? 'https://');
  if (href === null) return;
  if (href === '') editor.chain().focus().unsetLink().run();
  else editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
}

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** What can be typed: the Markdown that turns into blocks as one types, and the keys. */
function shortcutHelp(): HTMLDetailsElement {
  const rows = (pairs: [string, string][], keys = true) =>
    h('dl', { class: 'editor-help__list' }, ...pairs.flatMap(([k, v]) => [h('dt', {}, keys ? h('kbd', { text: k }) : k), h('dd', { text: v })]));
  return h(
    'details',
    { class: 'editor-help' },
    h('summary', { text: 'Shortcuts' }),
    h(
      'div',
      { class: 'editor-help__columns' },
      h(
        'section',
        {},
        h('h3', { text: 'As you type' }),
        rows([
          ['/', 'at the start of an empty line: insert a block'],
          ['## ', 'heading'],
          ['### ', 'subheading'],
          ['> ', 'quotation'],
          ['- ', 'bulleted list'],
          ['1. ', 'numbered list'],
          ['**words**', 'bold'],
          ['*words*', 'italic'],
          ['---', 'divider'],
        ]),
      ),
      h(
        'section',
        {},
        h('h3', { text: 'Keys' }),
        rows([
          [`${MOD}+B`, 'bold'],
          [`${MOD}+I`, 'italic'],
          [`${MOD}+K`, 'link'],
          [`${MOD}+Alt+2`, 'heading'],
          [`${MOD}+Alt+3`, 'subheading'],
          [`${MOD}+Shift+B`, 'quotation'],
          [`${MOD}+Shift+8`, 'bulleted list'],
          [`${MOD}+Shift+7`, 'numbered list'],
          [`${MOD}+Z`, 'undo'],
          [`${MOD}+Shift+Z`, 'redo'],
        ]),
      ),
      h(
        'section',
        {},
        h('h3', { text: 'Pasting and dropping' }),
        rows(
          [
            ['Image', 'dropped or pasted into the text: uploaded, then its alt text asked for'],
            ['Several images', 'dropped together: a gallery'],
            ['Link to a post', 'pasted on an empty line: a quoted-post card filled from it'],
          ],
          false,
        ),
      ),
    ),
  );
}

const IMAGE_TYPES = /^image\/(jpeg|png|webp|gif|avif)$/;
const imageFiles = (data: DataTransfer | null): File[] => [...(data?.files ?? [])].filter((f) => IMAGE_TYPES.test(f.type));

/**
 * Uploads images dropped or pasted into the body, the progress shown above it, and puts them
 * where they were dropped: one a figure (its alt text field then asks for a description),
 * several a gallery. The server checks each file's bytes; its refusal is shown as it said it.
 */
async function uploadInto(editor: Editor, files: File[], pos: number, canUpload: boolean, area: HTMLElement): Promise<void> {
  if (!canUpload) {
    area.replaceChildren(
      h('p', {
        class: 'editor__upload editor__upload--error',
        text: 'Your role cannot upload images: ask an editor, or choose one from the library (Figure).',
      }),
    );
    return;
  }
  const done: PickedImage[] = [];
  for (const file of files) {
    const bar = h('progress', { max: '100', value: '0' });
    const line = h('p', { class: 'editor__upload', text: `Uploading ${file.name}… ` }, bar);
    area.append(line);
    try {
      const img = await uploadImage(file, {}, (sent) => {
        bar.value = Math.round(sent * 100);
      });
      remember(img);
      done.push(img);
      line.remove();
    } catch (err) {
      line.replaceChildren(`${file.name}: ${(err as Error).message}`);
      line.classList.add('editor__upload--error');
    }
  }
  if (done.length === 0) return;
  const at = Math.min(pos, editor.state.doc.content.size);
  const node =
    done.length === 1
      ? { type: 'figure', attrs: { mediaId: done[0]!.id, align: 'center' } }
      : {
          type: 'gallery',
          attrs: { columns: Math.min(3, done.length) },
          content: done.map((img) => ({ type: 'figure', attrs: { mediaId: img.id, align: 'center' } })),
        };
  askAltOfNextFigure();
  editor.chain().focus().insertContentAt(at, node).run();
}

function mount(root: HTMLElement): void {
  const form = root.closest('form');
  const jsonField = form?.querySelector<HTMLInputElement>('[data-editor-json]');
  const formatField = form?.querySelector<HTMLInputElement>('[data-editor-format]');
  const textarea = root.querySelector('textarea');
  if (!form || !jsonField || !formatField || !textarea) return;
  let content: unknown;
  try {
    content = jsonField.value ? JSON.parse(jsonField.value) : docFromText(textarea.value);
  } catch {
    content = docFromText(textarea.value);
  }
  const canUpload = root.dataset.mediaUpload === '1';
  try {
    rememberImages(JSON.parse(root.dataset.figureImages ?? '{}') as Record<string, ImageInfo>);
  } catch {
    /* figures are then drawn as their numbers */
  }
  const label = root.querySelector('label');
  const fieldShell = textarea.closest('.field') as HTMLElement | null;
  const surface = document.createElement('div');
  surface.className = 'editor__surface';
  const toolbar = document.createElement('div');
  toolbar.className = 'editor__toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Formatting');
  const heading = document.createElement('p');
  heading.className = 'field__label';
  // One page may hold two editors (an article and its new live entry): each label its own id.
  heading.id = `${textarea.id || 'editor'}-label`;
  heading.textContent = label?.textContent ?? 'Body';

  // The block menu and the uploads need the editor; the editor's keys and drops need them.
  let menu: BlockMenu | undefined;
  const uploads = h('div', { class: 'editor__uploads', 'aria-live': 'polite' });
  const editor: Editor = new Editor({
    element: surface,
    injectCSS: false,
    extensions: [
      LinkShortcut.configure({ ask: () => askLink(editor) }),
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        codeBlock: false,
        // The quotation with its citation field (blocks.ts Quotation).
        blockquote: false,
        strike: false,
        underline: false,
        link: { openOnClick: false, autolink: true, protocols: ['mailto'] },
        // Each paragraph its own direction where scripts mix (an English name in a Persian article).
        paragraph: { HTMLAttributes: { dir: 'auto' } },
      }),
      Quotation,
      Figure,
      Gallery,
      QuoteCard,
    ],
    content: content as Record<string, unknown>,
    editorProps: {
      handleKeyDown: (_view, event) => menu?.handleKey(event) ?? false,
      handleDrop: (view, event, _slice, moved) => {
        const files = imageFiles(event.dataTransfer);
        if (moved || files.length === 0) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        void uploadInto(editor, files, at?.pos ?? view.state.selection.to, canUpload, uploads);
        return true;
      },
      handlePaste: (view, event) => {
        const files = imageFiles(event.clipboardData);
        if (files.length > 0) {
          void uploadInto(editor, files, view.state.selection.to, canUpload, uploads);
          return true;
        }
        // A post's link pasted alone on an empty line: its card, filled from the link.
        const text = event.clipboardData?.getData('text/plain') ?? '';
        const { selection } = view.state;
        if (isSocialPostUrl(text) && selection.empty && selection.$from.parent.type.name === 'paragraph' && selection.$from.parent.content.size === 0) {
          insertCard(editor, text.trim());
          return true;
        }
        return false;
      },
      attributes: {
        class: 'editor__content',
        'aria-labelledby': heading.id,
        role: 'textbox',
        'aria-multiline': 'true',
        // The article's direction (right to left for Persian), as the textarea had it.
        dir: textarea.dir || 'auto',
        ...(textarea.lang ? { lang: textarea.lang } : {}),
      },
    },
  });
  followLanguage(form, editor.view.dom);
  const sync = (): void => {
    jsonField.value = JSON.stringify(clean(editor.getJSON()));
    formatField.value = 'json';
  };
  const stats = root.querySelector<HTMLElement>('[data-desk-stats]');
  const count = (): void => {
    if (!stats) return;
    const text = editor.getText({ blockSeparator: '\n' });
    const words = countWords(text);
    const chars = text.replace(/\n/g, '').length;
    stats.textContent = `${words.toLocaleString()} ${words === 1 ? 'word' : 'words'} · ${chars.toLocaleString()} characters · ${readingMinutes(words)} min read`;
  };
  editor.on('update', () => {
    sync();
    count();
    form.dispatchEvent(new Event('editor-change'));
  });
  sync();
  count();
  followSlug(form);
  echoUtc(form);
  // What autosave kept in this browser, given back (autosave.ts offerLocalCopy).
  form.addEventListener('editor-restore', (event) => {
    const kept = (event as CustomEvent<{ body_json?: string; body_text?: string }>).detail;
    let restored: unknown;
    try {
      restored = kept.body_json ? JSON.parse(kept.body_json) : docFromText(kept.body_text ?? '');
    } catch {
      restored = docFromText(kept.body_text ?? '');
    }
    editor.commands.setContent(restored as Record<string, unknown>);
    sync();
  });

  const chain = () => editor.chain().focus();
  const insert = button('+', 'Insert a block', () => menu?.openFrom(insert));
  insert.setAttribute('aria-haspopup', 'menu');
  insert.setAttribute('aria-expanded', 'false');
  insert.classList.add('editor__insert');
  menu = mountBlockMenu(editor, surface, [
    { label: 'Heading', keywords: 'h2 title', run: () => chain().setHeading({ level: 2 }).run() },
    { label: 'Subheading', keywords: 'h3', run: () => chain().setHeading({ level: 3 }).run() },
    { label: 'Quotation', keywords: 'quote blockquote citation', run: () => toggleQuote(editor, null) },
    { label: 'Pull quote', keywords: 'pullquote large', run: () => toggleQuote(editor, 'pull') },
    { label: 'Figure', keywords: 'image photo picture', run: () => pickFigure(editor, canUpload) },
    { label: 'Gallery', keywords: 'images photos grid', run: () => pickGallery(editor, canUpload) },
    { label: 'Social post', keywords: 'tweet x bluesky mastodon threads instagram facebook card embed', run: () => insertCard(editor) },
    { label: 'Divider', keywords: 'rule hr line separator', run: () => chain().setHorizontalRule().run() },
    { label: 'Bulleted list', keywords: 'ul unordered', run: () => chain().toggleBulletList().run() },
    { label: 'Numbered list', keywords: 'ol ordered', run: () => chain().toggleOrderedList().run() },
  ]);
  toolbar.append(
    insert,
    button('B', 'Bold', () => chain().toggleBold().run()),
    button('I', 'Italic', () => chain().toggleItalic().run()),
    button('Link', 'Link', () => askLink(editor)),
    button('P', 'Paragraph', () => chain().setParagraph().run()),
    button('H2', 'Heading', () => chain().toggleHeading({ level: 2 }).run()),
    button('H3', 'Subheading', () => chain().toggleHeading({ level: 3 }).run()),
    button('H4', 'Minor heading', () => chain().toggleHeading({ level: 4 }).run()),
    button('• List', 'Bulleted list', () => chain().toggleBulletList().run()),
    button('1. List', 'Numbered list', () => chain().toggleOrderedList().run()),
    button('“ Quote', 'Quotation with citation', () => toggleQuote(editor, null)),
    button('❝ Pull', 'Pull quote', () => toggleQuote(editor, 'pull')),
    button('Figure', 'Image from the media library', () => pickFigure(editor, canUpload)),
    button('Gallery', 'Gallery of several images', () => pickGallery(editor, canUpload)),
    button('Post', 'Quoted social post', () => insertCard(editor)),
    button('—', 'Horizontal rule', () => chain().setHorizontalRule().run()),
    button('Person', 'Who said it or who is shown (People)', () => void attributeToPerson(editor, form)),
  );
  const wrap = document.createElement('div');
  wrap.className = 'field editor__field';
  wrap.append(heading, toolbar, shortcutHelp(), uploads, surface);
  if (fieldShell) fieldShell.hidden = true;
  textarea.disabled = true;
  root.append(wrap);
  // The counts go under the editor.
  if (stats) root.append(stats);
  root.setAttribute('data-editor-ready', '');
  form.addEventListener('submit', sync);
  enhanceFeaturedField(form, root.dataset.mediaUpload === '1');
  mountPreviews(form, () => {
    let first = '';
    editor.state.doc.descendants((n) => {
      if (first) return false;
      if (n.type.name === 'paragraph' && n.textContent.trim()) first = n.textContent.trim();
      return !first;
    });
    return first;
  });
}

document.querySelectorAll<HTMLElement>('[data-editor]').forEach(mount);
document.querySelectorAll<HTMLFormElement>('form.article-form').forEach(mountAutosave);
document.querySelectorAll<HTMLInputElement>('form.article-form input[name="tags"]').forEach(mountTagSuggest);
mountPeoplePickers();
