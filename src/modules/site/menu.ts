/**
 * @module modules/site/menu
 * The site's two menus, as editors build them at /admin/navigation: the primary menu (the
 * masthead, one level of nesting: a dropdown) and the footer menu (flat). Each is an ordered list
 * of links to a section, a tag, a page, an author or any address, kept per language: a page in a
 * language that has its own menu shows it, every other page the menu for all languages.
 *
 * A menu is stored flat, each item with its depth (0, or 1 under the item before it), which makes
 * the editor's operations (up, down, in, out, remove) simple list edits. Items name their target
 * by id, so a renamed section or page keeps its link; the label may be left empty to show the
 * target's own name (in the page's language, for sections and tags).
 */
import { createHash } from 'node:crypto';
import { SiteError } from './site.js';

export const MENU_LOCATIONS = ['primary', 'footer'] as const;
export type MenuLocation = (typeof MENU_LOCATIONS)[number];

export const MENU_KINDS = ['category', 'tag', 'page', 'author', 'url'] as const;
export type MenuKind = (typeof MENU_KINDS)[number];

/** The menu for every language without its own. */
export const ALL_LANGUAGES = '*';

export interface MenuItem {
  kind: MenuKind;
  /** The target's id (category, tag, page, author) or the address (url). */
  ref: string;
  /** Shown instead of the target's name; empty: the target's name. */
  label: string;
  /** 1: nested under the nearest item before it at depth 0 (primary menu only). */
  depth: 0 | 1;
}

/** Every menu: location → language (or ALL_LANGUAGES) → items. */
export type Menus = Readonly<Record<MenuLocation, Readonly<Record<string, readonly MenuItem[]>>>>;

export const EMPTY_MENUS: Menus = Object.freeze({ primary: Object.freeze({}), footer: Object.freeze({}) });

export const MENU_LIMITS = { items: 60, label: 80, url: 500 } as const;

export const isMenuLocation = (s: unknown): s is MenuLocation => typeof s === 'string' && (MENU_LOCATIONS as readonly string[]).includes(s);

/** A menu's language key: ALL_LANGUAGES or a lower-case BCP 47 tag (checked against the site's languages by the caller). */
export const isMenuLanguage = (s: unknown): s is string => typeof s === 'string' && (s === ALL_LANGUAGES || /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(s));

/** Identifies a menu's state: a form built from an older one is refused instead of undoing someone's change. */
export const menuVersion = (items: readonly MenuItem[]): string => createHash('sha256').update(JSON.stringify(items)).digest('base64url').slice(0, 16);

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** A label as typed: trimmed; refused when too long or holding control characters. */
export function checkLabel(raw: string | undefined): { label?: string; error?: string } {
  const label = (raw ?? '').trim();
  if (label.length > MENU_LIMITS.label) return { error: `A label has at most ${MENU_LIMITS.label} characters.` };
  if (CONTROL.test(label)) return { error: 'A label is one line of text.' };
  return { label };
}

/** A link to any address: a path on this site (/…) or an http(s) address; never javascript: and friends. */
export function checkMenuUrl(raw: string | undefined): { url?: string; error?: string } {
  const url = (raw ?? '').trim();
  const bad = { error: 'Give a page of this site (starting with /) or an https:// or http:// address.' };
  if (!url || url.length > MENU_LIMITS.url || CONTROL.test(url) || /\s/.test(url)) return bad;
  if (url.startsWith('/')) return /^\/[/\\]/.test(url) ? bad : { url };
  try {
    const u = new URL(url);
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) return bad;
    return { url };
  } catch {
    return bad;
  }
}

/** Reads what was stored; anything malformed is dropped rather than failing every page. */
export function decodeMenus(raw: Partial<Record<MenuLocation, string>>): Menus {
  const out: Record<MenuLocation, Record<string, MenuItem[]>> = { primary: {}, footer: {} };
  for (const loc of MENU_LOCATIONS) {
    const text = raw[loc];
    if (!text) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    if (!parsed || typeof parsed !== 'object') continue;
    for (const [lang, list] of Object.entries(parsed as Record<string, unknown>)) {
      if (!isMenuLanguage(lang) || !Array.isArray(list)) continue;
      const items: MenuItem[] = [];
      for (const x of list) {
        const i = x as Partial<MenuItem>;
        if (!MENU_KINDS.includes(i.kind as MenuKind) || typeof i.ref !== 'string' || typeof i.label !== 'string') continue;
        items.push({ kind: i.kind as MenuKind, ref: i.ref, label: i.label, depth: loc === 'primary' && i.depth === 1 && items.length > 0 ? 1 : 0 });
      }
      if (items.length) out[loc][lang] = items;
    }
  }
  return out;
}

export const encodeMenu = (byLanguage: Readonly<Record<string, readonly MenuItem[]>>): string => JSON.stringify(byLanguage);

/** The menu a page in `lang` shows: its language's own, else the one for all languages. */
export function menuFor(menus: Menus, location: MenuLocation, lang: string): readonly MenuItem[] | undefined {
  const byLang = menus[location];
  const base = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  return byLang[lang.toLowerCase()] ?? byLang[base] ?? byLang[ALL_LANGUAGES];
}

/** An editing step on one menu, as the editor's buttons send it. */
export type MenuOp =
  | { op: 'add'; item: MenuItem }
  | { op: 'up' | 'down' | 'in' | 'out' | 'remove'; index: number }
  | { op: 'order'; order: number[] }
  | { op: 'clear' }
  | { op: 'labels'; labels: string[] };

const fail = (message: string, field = 'menu'): never => {
  throw new SiteError('MENU_INVALID', message, { [field]: message });
};

/** The extent of the block that starts at `i`: the item and, at depth 0, the items nested under it. */
function blockEnd(items: readonly MenuItem[], i: number): number {
  let end = i + 1;
  if (items[i]!.depth === 0) while (end < items.length && items[end]!.depth === 1) end++;
  return end;
}

/** Makes the depths valid again: nothing nested first, nothing nested in the footer. */
function normalise(items: MenuItem[], location: MenuLocation): MenuItem[] {
  return items.map((it, i) => ({ ...it, depth: location === 'primary' && i > 0 && it.depth === 1 ? 1 : 0 }));
}

/** Applies one editing step; refuses (MENU_INVALID) one that makes no sense for this menu. */
export function applyMenuOp(items: readonly MenuItem[], op: MenuOp, location: MenuLocation): MenuItem[] {
  const list = items.map((x) => ({ ...x }));
  const at = (i: number) => {
    if (!Number.isInteger(i) || i < 0 || i >= list.length) fail('That item is no longer in the menu: reload the page.');
    return list[i]!;
  };
  switch (op.op) {
    case 'add': {
      if (list.length >= MENU_LIMITS.items) fail(`A menu holds at most ${MENU_LIMITS.items} links.`);
      list.push({ ...op.item, depth: location === 'primary' && op.item.depth === 1 && list.length > 0 ? 1 : 0 });
      return list;
    }
    case 'remove': {
      const it = at(op.index);
      // Removing a parent lifts its children to the top level rather than losing them.
      list.splice(op.index, 1);
      if (it.depth === 0) for (let j = op.index; j < list.length && list[j]!.depth === 1; j++) list[j]!.depth = 0;
      return normalise(list, location);
    }
    case 'in': {
      const it = at(op.index);
      if (location !== 'primary') fail('The footer menu has no nested links.');
      if (op.index === 0) fail('The first link cannot be nested: there is nothing above it.');
      if (it.depth === 1) fail('That link is nested already (one level is the most).');
      if (blockEnd(list, op.index) > op.index + 1) fail('That link has links nested under it: move them out first.');
      it.depth = 1;
      return list;
    }
    case 'out': {
      const it = at(op.index);
      if (it.depth === 0) fail('That link is at the top level already.');
      // The nested links after it move under it, so the order on the page stays as it is.
      it.depth = 0;
      return list;
    }
    case 'up':
    case 'down': {
      const it = at(op.index);
      if (it.depth === 1) {
        // A nested link swaps with its neighbour under the same parent.
        const j = op.op === 'up' ? op.index - 1 : op.index + 1;
        if (j < 0 || j >= list.length || list[j]!.depth !== 1)
          fail(op.op === 'up' ? 'That is the first link under its parent.' : 'That is the last link under its parent.');
        [list[op.index], list[j]] = [list[j]!, list[op.index]!];
        return list;
      }
      // A top-level link moves with the links nested under it, past the neighbouring block.
      const end = blockEnd(list, op.index);
      const block = list.slice(op.index, end);
      if (op.op === 'up') {
        let prev = op.index - 1;
        while (prev >= 0 && list[prev]!.depth === 1) prev--;
        if (prev < 0) fail('That is the first link of the menu.');
        list.splice(op.index, block.length);
        list.splice(prev, 0, ...block);
      } else {
        if (end >= list.length) fail('That is the last link of the menu.');
        const nextEnd = blockEnd(list, end);
        const next = list.slice(end, nextEnd);
        list.splice(op.index, block.length + next.length, ...next, ...block);
      }
      return list;
    }
    case 'order': {
      const seen = new Set(op.order);
      if (op.order.length !== list.length || seen.size !== list.length || op.order.some((i) => !Number.isInteger(i) || i < 0 || i >= list.length)) {
        fail('The new order does not match the menu: reload the page.');
      }
      return normalise(
        op.order.map((i) => list[i]!),
        location,
      );
    }
    case 'clear':
      return [];
    case 'labels': {
      if (op.labels.length !== list.length) fail('The labels do not match the menu: reload the page.');
      op.labels.forEach((raw, i) => {
        const { label, error } = checkLabel(raw);
        if (error) fail(error, `label-${i}`);
        list[i]!.label = label!;
      });
      return list;
    }
  }
}
