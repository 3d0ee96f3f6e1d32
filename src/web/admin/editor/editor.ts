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
import { Editor, Extension, Node, mergeAttributes } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { enhanceFeaturedField, openMediaPicker } from './media-picker.js';
import { mountAutosave } from './autosave.js';
import { mountPeoplePickers } from './people-picker.js';

type Attrs = Record<string, unknown>;

const attr = (name: string, fallback: unknown = null) => ({
  default: fallback,
  parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`) ?? fallback,
  renderHTML: (attrs: Attrs) => (attrs[name] == null || attrs[name] === '' ? {} : { [`data-${name}`]: String(attrs[name]) }),
});

/** A whole-number attribute (a figure's width, a gallery's columns), kept as data-NAME. */
const numberAttr = (name: string, fallback: number | null = null) => ({
  default: fallback,
  parseHTML: (el: HTMLElement) => {
    const v = Number(el.getAttribute(`data-${name}`));
    return Number.isInteger(v) && v > 0 ? v : fallback;
  },
  renderHTML: (a: Attrs) => (a[name] == null ? {} : { [`data-${name}`]: String(a[name]) }),
});

/** A quotation's or figure's person at People (a number), kept as data-person-id. */
const personAttr = {
  default: null,
  parseHTML: (el: HTMLElement) => {
    const v = Number(el.getAttribute('data-person-id'));
    return Number.isInteger(v) && v > 0 ? v : null;
  },
  renderHTML: (a: Attrs) => (a.personId == null ? {} : { 'data-person-id': String(a.personId) }),
};

/**
 * The blockquote's citation ("Maria Lind, harbour master") and its kind ('pull' for a pull quote,
 * set large on the page; none for a quotation), kept as attributes.
 */
const Citation = Extension.create({
  name: 'citation',
  addGlobalAttributes() {
    return [{ types: ['blockquote'], attributes: { citation: attr('citation', null), kind: attr('kind', null), personId: personAttr } }];
  },
});

const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      mediaId: {
        default: null,
        parseHTML: (el: HTMLElement) => Number(el.getAttribute('data-media-id')),
        renderHTML: (a: Attrs) => ({ 'data-media-id': String(a.mediaId) }),
      },
      alt: attr('alt', ''),
      caption: attr('caption', ''),
      credit: attr('credit', ''),
      align: attr('align', 'center'),
      personId: personAttr,
      width: numberAttr('width'),
    };
  },
  parseHTML: () => [{ tag: 'figure[data-media-id]' }],
  renderHTML({ HTMLAttributes, node }) {
    const a = node.attrs as Attrs;
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { class: 'editor-figure' }),
      `Image ${String(a.mediaId)} (${String(a.align)}): ${String(a.caption || a.alt || '')}`,
    ];
  },
});

/** Several figures shown as a grid (modules/article/document Gallery); its figures are edited as any other. */
const Gallery = Node.create({
  name: 'gallery',
  group: 'block',
  content: 'figure+',
  draggable: true,
  addAttributes() {
    return { columns: numberAttr('columns', 3), caption: attr('caption', '') };
  },
  parseHTML: () => [{ tag: 'figure[data-gallery]' }],
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { class: 'editor-gallery', 'data-gallery': '' }), 0];
  },
});

const QuoteCard = Node.create({
  name: 'quoteCard',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      author: attr('author', ''),
      handle: attr('handle', ''),
      date: attr('date', ''),
      text: attr('text', ''),
      url: attr('url', ''),
      network: attr('network', ''),
    };
  },
  parseHTML: () => [{ tag: 'aside[data-quote-card]' }],
  renderHTML({ HTMLAttributes, node }) {
    const a = node.attrs as Attrs;
    return [
      'aside',
      mergeAttributes(HTMLAttributes, { class: 'editor-quote-card', 'data-quote-card': '' }),
      `${String(a.author)} ${String(a.handle)}: ${String(a.text)}`,
    ];
  },
});

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

  const editor = new Editor({
    element: surface,
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        codeBlock: false,
        strike: false,
        underline: false,
        link: { openOnClick: false, autolink: true, protocols: ['mailto'] },
        // Each paragraph its own direction where scripts mix (an English name in a Persian article).
        paragraph: { HTMLAttributes: { dir: 'auto' } },
      }),
      Citation,
      Figure,
      Gallery,
      QuoteCard,
    ],
    content: content as Record<string, unknown>,
    editorProps: {
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
  toolbar.append(
    button('B', 'Bold', () => chain().toggleBold().run()),
    button('I', 'Italic', () => chain().toggleItalic().run()),
    button('Link', 'Link', () => {
      const href = window.prompt('Link address (https://…)', (editor.getAttributes('link').href as string | undefined) ?? 'https://');
      if (href === null) return;
      if (href === '') chain().unsetLink().run();
      else chain().extendMarkRange('link').setLink({ href }).run();
    }),
    button('P', 'Paragraph', () => chain().setParagraph().run()),
    button('H2', 'Heading', () => chain().toggleHeading({ level: 2 }).run()),
    button('H3', 'Subheading', () => chain().toggleHeading({ level: 3 }).run()),
    button('H4', 'Minor heading', () => chain().toggleHeading({ level: 4 }).run()),
    button('• List', 'Bulleted list', () => chain().toggleBulletList().run()),
    button('1. List', 'Numbered list', () => chain().toggleOrderedList().run()),
    button('“ Quote', 'Quotation with citation', () => {
      if (editor.isActive('blockquote')) {
        chain().lift('blockquote').run();
        return;
      }
      const citation = window.prompt('Who said it? (optional)', '');
      chain()
        .wrapIn('blockquote', citation ? { citation } : {})
        .run();
    }),
    button('❝ Pull', 'Pull quote', () => {
      if (editor.isActive('blockquote')) {
        // A quotation becomes a pull quote and back; the words stay.
        const pull = editor.getAttributes('blockquote').kind === 'pull';
        chain()
          .updateAttributes('blockquote', { kind: pull ? null : 'pull' })
          .run();
        return;
      }
      const citation = window.prompt('Who said it? (optional)', '');
      chain()
        .wrapIn('blockquote', { kind: 'pull', ...(citation ? { citation } : {}) })
        .run();
    }),
    button('Figure', 'Image from the media library', () =>
      openMediaPicker({
        mode: 'figure',
        canUpload: root.dataset.mediaUpload === '1',
        onPick: (img, f) =>
          chain()
            .insertContent({ type: 'figure', attrs: { mediaId: img.id, ...f } })
            .run(),
      }),
    ),
    button('Post', 'Quoted social post', () => {
      const author = window.prompt('Author', '');
      if (!author) return;
      const handle = window.prompt('Handle', '') ?? '';
      const text = window.prompt('Text of the post', '') ?? '';
      const url = window.prompt('Link to the post', 'https://') ?? '';
      const date = window.prompt('Date (YYYY-MM-DD)', new Date().toISOString().slice(0, 10)) ?? '';
      const network = window.prompt('Network', '') ?? '';
      chain()
        .insertContent({
          type: 'quoteCard',
          attrs: { author, handle, text, url: url === 'https://' ? '' : url, date: date ? new Date(date).toISOString() : '', network },
        })
        .run();
    }),
    button('—', 'Horizontal rule', () => chain().setHorizontalRule().run()),
    button('Person', 'Who said it or who is shown (People)', () => void attributeToPerson(editor, form)),
  );
  const wrap = document.createElement('div');
  wrap.className = 'field editor__field';
  wrap.append(heading, toolbar, surface);
  if (fieldShell) fieldShell.hidden = true;
  textarea.disabled = true;
  root.append(wrap);
  // The counts go under the editor.
  if (stats) root.append(stats);
  root.setAttribute('data-editor-ready', '');
  form.addEventListener('submit', sync);
  enhanceFeaturedField(form, root.dataset.mediaUpload === '1');
}

document.querySelectorAll<HTMLElement>('[data-editor]').forEach(mount);
document.querySelectorAll<HTMLFormElement>('form.article-form').forEach(mountAutosave);
document.querySelectorAll<HTMLInputElement>('form.article-form input[name="tags"]').forEach(mountTagSuggest);
mountPeoplePickers();
