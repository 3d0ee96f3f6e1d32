/**
 * The article editor's blocks as readers will see them, each edited in place: a figure is its
 * image with its alt text, caption, credit and alignment in fields under it; a gallery its images
 * in their columns with its caption; a quoted social post a card (click it to edit its fields, or
 * fill them from the post's link, which the server fetches: /admin/embeds/lookup); a quotation
 * its words with the citation under them. The saved document keeps the shape of
 * modules/article/document.ts: these are only the ways of showing and editing it.
 */
/// <reference lib="dom" />
import { type Editor, Node, mergeAttributes } from '@tiptap/core';
import Blockquote from '@tiptap/extension-blockquote';
import type { Node as PmNode } from '@tiptap/pm/model';
import { h, uid } from './dom.js';
import { networkOf } from '../../../modules/embed/embed.js';

type Attrs = Record<string, unknown>;

/** What the editor knows of a library image: where to draw it from and the library's own texts. */
export interface ImageInfo {
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

const images = new Map<string, ImageInfo>();

/** Images the editor can draw (the page's figures, from the server; those picked or uploaded since). */
export function rememberImages(list: Record<string, ImageInfo>): void {
  for (const [id, info] of Object.entries(list)) images.set(id, info);
}

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

/** Sets some of the node's attributes at its place in the document (one undoable step). */
function setAttrs(editor: Editor, getPos: () => number | undefined, attrs: Attrs): void {
  const pos = getPos();
  if (typeof pos !== 'number') return;
  const node = editor.state.doc.nodeAt(pos);
  if (!node) return;
  editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }));
}

function removeNode(editor: Editor, getPos: () => number | undefined): void {
  const pos = getPos();
  if (typeof pos !== 'number') return;
  const node = editor.state.doc.nodeAt(pos);
  if (node)
    editor
      .chain()
      .focus()
      .deleteRange({ from: pos, to: pos + node.nodeSize })
      .run();
}

/**
 * A node view's `update`: the same kind of node is drawn again by `paint` (which draws it once
 * now); another kind is for ProseMirror to draw anew.
 */
function follow(node: PmNode, paint: (n: PmNode) => void): (n: PmNode) => boolean {
  const type = node.type;
  paint(node);
  return (n) => {
    if (n.type !== type) return false;
    paint(n);
    return true;
  };
}

/** A labelled field of a block; Enter never submits the article form from it. */
function blockField(label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, cls = ''): HTMLLabelElement {
  if (!(control instanceof HTMLTextAreaElement))
    control.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') e.preventDefault();
    });
  return h('label', { class: `block-field ${cls}`.trim() }, h('span', { class: 'block-field__label', text: label }), control);
}

const textInput = (max: number, extra: Record<string, string> = {}) =>
  h('input', { class: 'block-field__input', type: 'text', maxlength: String(max), spellcheck: 'true', dir: 'auto', ...extra });

/** Shows a value in a field unless the person is typing in it (their caret stays where it is). */
function show(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  if (document.activeElement !== control && control.value !== value) control.value = value;
}

/** Events in a block's own fields are theirs, not the editor's (typing, clicking, pasting). */
const ownEvent = (area: HTMLElement) => (event: Event) => {
  const t = event.target as HTMLElement | null;
  return !!t && area.contains(t) && !!t.closest('input, textarea, select, button, label, a');
};

const ALIGNMENTS = [
  ['center', 'In the column'],
  ['wide', 'Wider than the column'],
  ['left', 'Left, text beside it'],
  ['right', 'Right, text beside it'],
] as const;

export const Figure = Node.create({
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
    return ['figure', mergeAttributes(HTMLAttributes, { class: 'editor-figure' }), `Image ${String(a.mediaId)}: ${String(a.caption || a.alt || '')}`];
  },
  addNodeView() {
    return ({ node, getPos, editor }) => {
      const dom = h('figure', { class: 'editor-figure', contenteditable: 'false', 'data-figure': '' });
      const picture = h('div', { class: 'editor-figure__image' });
      const alt = textInput(1000);
      const caption = textInput(2000);
      const credit = textInput(300);
      const align = h('select', { class: 'block-field__input' }, ...ALIGNMENTS.map(([v, label]) => h('option', { value: v, text: label })));
      const remove = h('button', { type: 'button', class: 'button button--small button--secondary', text: 'Remove image' });
      const inGallery = (): boolean => {
        const pos = getPos();
        return typeof pos === 'number' && editor.state.doc.resolve(pos).parent.type.name === 'gallery';
      };
      const altField = blockField('Alt text', alt, 'block-field--alt');
      const fields = h(
        'figcaption',
        { class: 'editor-figure__fields' },
        blockField('Caption', caption, 'block-field--caption'),
        blockField('Credit', credit),
        altField,
        inGallery() ? null : blockField('Place', align),
        h('span', { class: 'editor-figure__actions' }, remove),
      );
      dom.append(picture, fields);
      let drawn = '';
      const paint = (n: PmNode): void => {
        const a = n.attrs as Attrs;
        const id = String(a.mediaId);
        const info = images.get(id);
        dom.dataset.align = String(a.align ?? 'center');
        dom.dataset.mediaId = id;
        if (drawn !== `${id}:${info ? 1 : 0}`) {
          drawn = `${id}:${info ? 1 : 0}`;
          picture.replaceChildren(
            info
              ? h('img', { src: info.src, width: String(info.width), height: String(info.height), alt: '', draggable: 'false' })
              : h('p', { class: 'editor-figure__missing', text: `Image ${id} (not shown here; it is in the media library)` }),
          );
        }
        show(alt, String(a.alt ?? ''));
        show(caption, String(a.caption ?? ''));
        show(credit, String(a.credit ?? ''));
        show(align, String(a.align ?? 'center'));
        // Empty means the library's text: shown as the field's placeholder.
        alt.placeholder = info?.alt || 'Describe the image for readers who cannot see it';
        caption.placeholder = info?.caption || 'Caption (Name, role)';
        credit.placeholder = info?.credit || 'Photographer / agency';
        altField.classList.toggle('block-field--needed', !a.alt && !info?.alt);
      };
      const update = follow(node, paint);
      const bind = (control: HTMLInputElement | HTMLSelectElement, key: string) =>
        control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => setAttrs(editor, getPos, { [key]: control.value }));
      bind(alt, 'alt');
      bind(caption, 'caption');
      bind(credit, 'credit');
      bind(align, 'align');
      remove.addEventListener('click', () => removeNode(editor, getPos));
      if (focusNextFigure) {
        focusNextFigure = false;
        requestAnimationFrame(() => alt.focus());
      }
      return {
        dom,
        update,
        stopEvent: ownEvent(dom),
        ignoreMutation: () => true,
        selectNode: () => dom.classList.add('ProseMirror-selectednode'),
        deselectNode: () => dom.classList.remove('ProseMirror-selectednode'),
      };
    };
  },
});

let focusNextFigure = false;
/** The next figure drawn is a new one: its alt text field takes the focus (it asks for a description). */
export function askAltOfNextFigure(): void {
  focusNextFigure = true;
}

/** Several figures shown as a grid (modules/article/document Gallery); its figures are edited as any other. */
export const Gallery = Node.create({
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
  addNodeView() {
    return ({ node, getPos, editor }) => {
      const dom = h('div', { class: 'editor-gallery', 'data-gallery': '' });
      const grid = h('div', { class: 'editor-gallery__grid' });
      const columns = h('select', { class: 'block-field__input' }, ...[2, 3, 4].map((n) => h('option', { value: String(n), text: `${n} columns` })));
      const caption = textInput(2000, { placeholder: 'Caption of the whole gallery (optional)' });
      const remove = h('button', { type: 'button', class: 'button button--small button--secondary', text: 'Remove gallery' });
      const bar = h(
        'div',
        { class: 'editor-gallery__fields', contenteditable: 'false' },
        h('span', { class: 'editor-gallery__title', text: 'Gallery' }),
        blockField('Layout', columns),
        blockField('Gallery caption', caption, 'block-field--caption'),
        remove,
      );
      dom.append(bar, grid);
      const paint = (n: PmNode): void => {
        const cols = Math.min(4, Math.max(2, Number(n.attrs.columns) || 3));
        dom.dataset.columns = String(cols);
        show(columns, String(cols));
        show(caption, String(n.attrs.caption ?? ''));
      };
      const update = follow(node, paint);
      columns.addEventListener('change', () => setAttrs(editor, getPos, { columns: Number(columns.value) }));
      caption.addEventListener('input', () => setAttrs(editor, getPos, { caption: caption.value }));
      remove.addEventListener('click', () => removeNode(editor, getPos));
      return {
        dom,
        contentDOM: grid,
        update,
        stopEvent: ownEvent(bar),
        ignoreMutation: (m) => (m.type === 'selection' ? false : !grid.contains(m.target) || m.target === grid),
      };
    };
  },
});

/** The card's fields, from what the server fetched at the post's link (/admin/embeds/lookup). */
export interface FetchedPost {
  url: string;
  network: string;
  author: string;
  handle: string;
  text: string;
  date: string;
}

async function fetchPost(url: string): Promise<FetchedPost> {
  const res = await fetch(`/admin/embeds/lookup?url=${encodeURIComponent(url)}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as { card?: FetchedPost; error?: { message?: string } };
  if (!res.ok || !body.card) throw new Error(body.error?.message ?? `The post could not be fetched (${res.status}).`);
  return body.card;
}

/**
 * A link to a post on a network the server can read (X, Bluesky, Threads, Facebook, Instagram, or
 * a Mastodon-style /@user/123 address): pasted alone into the body, it becomes a card.
 */
export function isSocialPostUrl(text: string): boolean {
  const s = text.trim();
  if (!/^https?:\/\/\S+$/i.test(s) || s.length > 2000) return false;
  try {
    const u = new URL(s);
    // The network by the server's own rule (modules/embed networkOf); here, only a post's own link.
    switch (networkOf(u)) {
      case 'X':
        return /\/status(es)?\/\d+/.test(u.pathname);
      case 'Bluesky':
        return /^\/profile\/[^/]+\/post\/[^/]+/.test(u.pathname);
      case undefined:
        return false;
      default:
        // Mastodon is known by its post path already; Threads, Facebook, Instagram by their hosts.
        return u.pathname.length > 1;
    }
  } catch {
    return false;
  }
}

let editNextCard: { fill: boolean } | undefined;
/** The next card drawn is a new one: it opens with its fields (filled from its link when `fill`). */
export function openNextCard(fill: boolean): void {
  editNextCard = { fill };
}

const dayOf = (iso: string): string => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : '');
const dayLabel = (iso: string): string => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
};

export const QuoteCard = Node.create({
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
  addNodeView() {
    return ({ node, getPos, editor }) => {
      const dom = h('figure', { class: 'editor-card', contenteditable: 'false', 'data-card': '' });
      // As on the page: the words, then who posted them, where and when.
      const words = h('blockquote', { class: 'editor-card__text', dir: 'auto' });
      const by = h('p', { class: 'editor-card__by' });
      const edit = h('button', { type: 'button', class: 'button button--small button--secondary', text: 'Edit post' });
      const remove = h('button', { type: 'button', class: 'button button--small button--secondary', text: 'Remove post' });
      const view = h(
        'div',
        { class: 'editor-card__view', title: 'Click to edit the post' },
        words,
        by,
        h('p', { class: 'editor-card__actions' }, edit, remove),
      );

      const url = h('input', { class: 'block-field__input', type: 'url', maxlength: '2000', placeholder: 'https://…', inputmode: 'url' });
      const fill = h('button', { type: 'button', class: 'button button--small', text: 'Fill from link' });
      const status = h('p', { class: 'editor-card__status', 'aria-live': 'polite' });
      const author = textInput(200);
      const handle = textInput(200, { placeholder: '@name' });
      const network = textInput(60, { placeholder: 'X, Bluesky, Mastodon…' });
      const date = h('input', { class: 'block-field__input', type: 'date' });
      const text = h('textarea', { class: 'block-field__input', rows: '4', maxlength: '5000', dir: 'auto' });
      const done = h('button', { type: 'button', class: 'button button--small', text: 'Done' });
      const formId = uid('card-form');
      const form = h(
        'div',
        { class: 'editor-card__form', id: formId, hidden: true, role: 'group', 'aria-label': 'Quoted post' },
        h('div', { class: 'editor-card__link' }, blockField('Link to the post', url, 'block-field--grow'), fill),
        status,
        h(
          'div',
          { class: 'editor-card__row' },
          blockField('Author', author),
          blockField('Handle', handle),
          blockField('Network', network),
          blockField('Date', date),
        ),
        blockField('Text of the post', text),
        h('p', { class: 'editor-card__actions' }, done, remove.cloneNode(true) as HTMLButtonElement),
      );
      edit.setAttribute('aria-controls', formId);
      dom.append(view, form);
      const paint = (n: PmNode): void => {
        const a = n.attrs as Record<string, string>;
        words.replaceChildren(
          ...(a.text || '')
            .split(/\n+/)
            .filter(Boolean)
            .map((line) => h('p', { text: line })),
        );
        if (!a.text) words.append(h('p', { class: 'editor-card__empty', text: 'An empty post: click to fill it in.' }));
        by.replaceChildren(
          h('b', { class: 'editor-card__author', text: a.author || 'Author' }),
          a.handle ? h('span', { class: 'editor-card__handle', text: ` ${a.handle}` }) : '',
          a.network || a.date ? h('span', { class: 'editor-card__when', text: ` · ${[a.network, dayLabel(a.date ?? '')].filter(Boolean).join(', ')}` }) : '',
        );
        show(url, a.url ?? '');
        show(author, a.author ?? '');
        show(handle, a.handle ?? '');
        show(network, a.network ?? '');
        show(date, dayOf(a.date ?? ''));
        show(text, a.text ?? '');
      };
      const update = follow(node, paint);
      const open = (focus: HTMLElement): void => {
        view.hidden = true;
        form.hidden = false;
        edit.setAttribute('aria-expanded', 'true');
        requestAnimationFrame(() => focus.focus());
      };
      const close = (): void => {
        form.hidden = true;
        view.hidden = false;
        edit.setAttribute('aria-expanded', 'false');
        edit.focus();
      };
      const fillFromLink = async (): Promise<void> => {
        const link = url.value.trim();
        if (!/^https?:\/\//i.test(link)) {
          status.textContent = 'Type or paste the post’s address (https://…) first.';
          return;
        }
        status.textContent = 'Fetching the post…';
        fill.disabled = true;
        try {
          const got = await fetchPost(link);
          const next: Attrs = { url: got.url || link };
          for (const k of ['network', 'author', 'handle', 'text', 'date'] as const) if (got[k]) next[k] = got[k];
          setAttrs(editor, getPos, next);
          for (const c of [author, handle, network, date, text]) c.blur();
          paint(editor.state.doc.nodeAt(getPos() ?? -1) ?? node);
          status.textContent = 'Filled from the link. Check the words against the post.';
        } catch (err) {
          status.textContent = `${(err as Error).message} Fill in the fields by hand.`;
        } finally {
          fill.disabled = false;
        }
      };
      view.addEventListener('click', (e) => {
        if ((e.target as HTMLElement).closest('button')) return;
        open(text);
      });
      edit.addEventListener('click', () => open(text));
      for (const b of dom.querySelectorAll('button')) if (b.textContent === 'Remove post') b.addEventListener('click', () => removeNode(editor, getPos));
      done.addEventListener('click', close);
      fill.addEventListener('click', () => void fillFromLink());
      url.addEventListener('paste', () => setTimeout(() => void fillFromLink(), 0));
      const bind = (control: HTMLInputElement | HTMLTextAreaElement, key: string, value: () => string = () => control.value) =>
        control.addEventListener('input', () => setAttrs(editor, getPos, { [key]: value() }));
      bind(url, 'url');
      bind(author, 'author');
      bind(handle, 'handle');
      bind(network, 'network');
      bind(text, 'text');
      bind(date, 'date', () => (date.value ? new Date(`${date.value}T00:00:00Z`).toISOString() : ''));
      form.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') close();
      });
      if (editNextCard) {
        const { fill: autoFill } = editNextCard;
        editNextCard = undefined;
        open(url);
        if (autoFill && node.attrs.url) setTimeout(() => void fillFromLink(), 0);
      }
      return {
        dom,
        update,
        stopEvent: (e: Event) => (!form.hidden && form.contains(e.target as HTMLElement)) || ownEvent(dom)(e),
        ignoreMutation: () => true,
        selectNode: () => dom.classList.add('ProseMirror-selectednode'),
        deselectNode: () => dom.classList.remove('ProseMirror-selectednode'),
      };
    };
  },
});

/**
 * A quotation: its words, and under them who said it (the citation), typed in place. `kind` is
 * 'pull' for a pull quote (set large on the page); the words stay when it changes.
 */
export const Quotation = Blockquote.extend({
  addAttributes() {
    return { ...this.parent?.(), citation: attr('citation', null), kind: attr('kind', null), personId: personAttr };
  },
  addNodeView() {
    return ({ node, getPos, editor }) => {
      const dom = h('div', { class: 'editor-quote' });
      const content = h('blockquote', { class: 'editor-quote__words' });
      const cite = textInput(500, { placeholder: 'Who said it (optional): Name, role' });
      const label = h('span', { class: 'editor-quote__kind' });
      const footer = h('div', { class: 'editor-quote__footer', contenteditable: 'false' }, label, blockField('Citation', cite, 'block-field--grow'));
      dom.append(content, footer);
      const paint = (n: PmNode): void => {
        const pull = n.attrs.kind === 'pull';
        dom.classList.toggle('editor-quote--pull', pull);
        content.dataset.kind = pull ? 'pull' : '';
        label.textContent = pull ? 'Pull quote' : 'Quotation';
        show(cite, String(n.attrs.citation ?? ''));
      };
      const update = follow(node, paint);
      cite.addEventListener('input', () => setAttrs(editor, getPos, { citation: cite.value || null }));
      return {
        dom,
        contentDOM: content,
        update,
        stopEvent: ownEvent(footer),
        ignoreMutation: (m) => (m.type === 'selection' ? false : footer.contains(m.target)),
      };
    };
  },
});
