/**
 * @module modules/site/menu.service
 * Editing the menus (one step per call: add, move, nest, relabel, remove), and reading them with
 * their targets for the pages. Menus are kept in `settings` (`site.menu.primary`,
 * `site.menu.footer`: language → items) and read with the rest of the site settings, so a change
 * purges every page and every instance reads them again (see site-context).
 *
 * An import (the WordPress importer) sets whole menus with importMenus(); it remembers what it
 * wrote (`import.menu.<location>`: the menu's version), so a re-run replaces a menu nobody has
 * touched since and keeps one an editor has changed (unless told to replace it).
 */
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { tag } from '../content/cache-tags.js';
import { deleteSetting, findSetting, upsertSetting } from '../content/settings.repository.js';
import { categoryExists } from '../taxonomy/category.repository.js';
import type { Actor } from '../user/user.js';
import {
  ALL_LANGUAGES,
  MENU_LIMITS,
  applyMenuOp,
  checkLabel,
  checkMenuUrl,
  decodeMenus,
  encodeMenu,
  menuVersion,
  type MenuItem,
  type MenuKind,
  type MenuLocation,
  type MenuOp,
  type Menus,
} from './menu.js';
import { menuTargetRows, tagBySlugOrName } from './menu.repository.js';
import { pagePaths } from '../article/reading.service.js';
import { postPath } from '../article/permalink.js';
import { SiteError } from './site.js';

export const menuKey = (location: MenuLocation): string => `site.menu.${location}`;

/** What the items of every menu point at, by kind and id (sections: the category tree). */
export interface MenuTargets {
  tag: ReadonlyMap<number, { slug: string; name: string; names: string }>;
  /** `path`: the page's public path, nested under its parents (`/about/team/`). */
  page: ReadonlyMap<number, { slug: string; title: string; path: string }>;
  author: ReadonlyMap<number, { slug: string; name: string }>;
}

export const EMPTY_MENU_TARGETS: MenuTargets = { tag: new Map(), page: new Map(), author: new Map() };

/** The menus in these settings rows, with the targets they name. */
export async function readMenus(db: Db, rows: { key: string; value: string }[]): Promise<{ menus: Menus; targets: MenuTargets }> {
  const raw = (loc: MenuLocation) => rows.find((r) => r.key === menuKey(loc))?.value;
  const menus = decodeMenus({ primary: raw('primary'), footer: raw('footer') });
  const ids: Record<'tag' | 'page' | 'author', Set<number>> = { tag: new Set(), page: new Set(), author: new Set() };
  for (const byLang of Object.values(menus)) {
    for (const items of Object.values(byLang)) {
      for (const it of items) if (it.kind === 'tag' || it.kind === 'page' || it.kind === 'author') ids[it.kind].add(Number(it.ref));
    }
  }
  if (!ids.tag.size && !ids.page.size && !ids.author.size) return { menus, targets: EMPTY_MENU_TARGETS };
  const [found, paths] = await Promise.all([
    menuTargetRows(db, { tag: [...ids.tag], page: [...ids.page], author: [...ids.author] }),
    ids.page.size ? pagePaths(db) : undefined,
  ]);
  return {
    menus,
    targets: {
      tag: new Map(found.tags.map((t) => [t.id, { slug: t.slug, name: t.name, names: t.names }])),
      page: new Map(found.pages.map((p) => [p.id, { slug: p.slug, title: p.title, path: paths?.byId.get(p.id) ?? postPath(p.slug) }])),
      author: new Map(found.authors.map((a) => [a.id, { slug: a.slug, name: a.name }])),
    },
  };
}

/** A link as the editor's "add" form sends it: what it points at, as typed or chosen. */
export interface NewMenuLink {
  kind: MenuKind;
  /** A section, page or author id; a tag's name or slug; an address. */
  target: string;
  label: string;
  /** Nest it under the last top-level link (primary menu). */
  nested: boolean;
}

const invalid = (field: string, message: string): never => {
  throw new SiteError('MENU_INVALID', message, { [field]: message });
};

/** Checks a new link's target against the database; returns the item to store. */
async function itemOf(db: Db, link: NewMenuLink): Promise<MenuItem> {
  const { label, error } = checkLabel(link.label);
  if (error) invalid('label', error);
  const id = Number(link.target);
  const known = Number.isInteger(id) && id > 0 && String(id) === link.target.trim();
  let ref = '';
  switch (link.kind) {
    case 'category':
      if (!known || !(await categoryExists(db, id))) invalid('category', 'Choose one of the sections.');
      ref = String(id);
      break;
    case 'tag': {
      const text = link.target.trim();
      const t = text && text.length <= 200 ? await tagBySlugOrName(db, text) : undefined;
      if (!t) invalid('tag', text ? `There is no tag “${text.slice(0, 80)}”: give the name or slug of an existing tag.` : 'Give the name or slug of a tag.');
      ref = String(t!.id);
      break;
    }
    case 'page':
    case 'author': {
      const rows = known
        ? await menuTargetRows(db, { tag: [], page: link.kind === 'page' ? [id] : [], author: link.kind === 'author' ? [id] : [] })
        : undefined;
      const ok = link.kind === 'page' ? rows?.pages.length : rows?.authors.length;
      if (!ok) invalid(link.kind, link.kind === 'page' ? 'Choose one of the published pages.' : 'Choose one of the authors.');
      ref = String(id);
      break;
    }
    case 'url': {
      const u = checkMenuUrl(link.target);
      if (u.error) invalid('url', u.error);
      if (!label) invalid('label', 'A link to an address needs a label: the text readers will see.');
      ref = u.url!;
      break;
    }
  }
  return { kind: link.kind, ref, label: label!, depth: link.nested ? 1 : 0 };
}

const AUDIT: Record<MenuOp['op'], string> = {
  add: 'added a link',
  up: 'moved a link up',
  down: 'moved a link down',
  in: 'nested a link',
  out: 'un-nested a link',
  remove: 'removed a link',
  order: 'reordered',
  labels: 'saved the labels',
  clear: 'deleted the menu',
};

const languageLabel = (lang: string) => (lang === ALL_LANGUAGES ? 'all languages' : lang);

/**
 * One editing step on the menu of `location` in `language`, refused (MENU_CHANGED) when the menu
 * is no longer the one the form showed (`version`). One transaction with its audit entry; returns
 * the tags to purge (every page shows the menus).
 */
export async function editMenu(
  db: Db,
  input: { location: MenuLocation; language: string; version: string; ops: (MenuOp | { op: 'add'; link: NewMenuLink })[] },
  actor: Actor,
  now: Date,
): Promise<{ purge: string[]; items: MenuItem[] }> {
  return db.transaction().execute(async (trx) => {
    const key = menuKey(input.location);
    const stored = decodeMenus({ [input.location]: await findSetting(trx, key) })[input.location];
    const before = stored[input.language] ?? [];
    if (menuVersion(before) !== input.version) {
      throw new SiteError('MENU_CHANGED', 'Someone changed this menu after you opened it. Here it is as it stands now: make your change again.');
    }
    let items = [...before];
    const done: string[] = [];
    for (const step of input.ops) {
      const op: MenuOp = step.op === 'add' && 'link' in step ? { op: 'add', item: await itemOf(trx, step.link) } : (step as MenuOp);
      const next = applyMenuOp(items, op, input.location);
      if (menuVersion(next) !== menuVersion(items)) done.push(AUDIT[op.op]);
      items = next;
    }
    if (!done.length) return { purge: [], items };
    const next: Record<string, readonly MenuItem[]> = { ...stored };
    if (items.length) next[input.language] = items;
    else delete next[input.language];
    if (Object.keys(next).length) await upsertSetting(trx, key, encodeMenu(next));
    else await deleteSetting(trx, key);
    await recordAudit(trx, {
      at: now.toISOString(),
      actorId: actor.id,
      actorLabel: actor.label,
      ip: actor.ip,
      action: 'menu.updated',
      detail: `${input.location === 'primary' ? 'Primary' : 'Footer'} menu (${languageLabel(input.language)}): ${done.join(', ')}`,
    });
    return { purge: [tag.all], items };
  });
}

/** The menus as stored now (the editor reads them fresh, not from the pages' snapshot). */
export async function menusForEditing(db: Db): Promise<{ menus: Menus; targets: MenuTargets }> {
  const rows: { key: string; value: string }[] = [];
  for (const loc of ['primary', 'footer'] as const) {
    const value = await findSetting(db, menuKey(loc));
    if (value !== undefined) rows.push({ key: menuKey(loc), value });
  }
  return readMenus(db, rows);
}

/** A whole menu an import brings, for the menu for all languages of one location. */
export interface ImportedMenu {
  items: readonly MenuItem[];
  /** Where it comes from, for the audit log: 'WordPress menu "Main" (main)'. */
  from: string;
}

/**
 * What importMenus() did with a location: written for the first time, written over the menu the
 * previous import wrote, already exactly this, or kept because an editor changed it since.
 */
export type MenuImportOutcome = 'created' | 'updated' | 'unchanged' | 'kept';

export const importMarkKey = (location: MenuLocation): string => `import.menu.${location}`;

const inTransaction = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));

/** Checks an imported item as the editor would: the importer resolves targets, this refuses anything it got wrong. */
function checkImported(items: readonly MenuItem[], location: MenuLocation): MenuItem[] {
  if (items.length > MENU_LIMITS.items) invalid('menu', `A menu holds at most ${MENU_LIMITS.items} links.`);
  return items.map((it, i) => {
    const { label, error } = checkLabel(it.label);
    if (error || label !== it.label) invalid('label', error ?? 'A label has no spaces around it.');
    if (it.kind === 'url') {
      const u = checkMenuUrl(it.ref);
      if (u.error || u.url !== it.ref) invalid('url', u.error ?? 'An address has no spaces around it.');
      if (!label) invalid('label', 'A link to an address needs a label: the text readers will see.');
    } else if (!/^[1-9]\d{0,17}$/.test(it.ref)) invalid(it.kind, `Not an id: ${it.ref.slice(0, 40)}`);
    return { kind: it.kind, ref: it.ref, label: label!, depth: location === 'primary' && i > 0 && it.depth === 1 ? 1 : 0 };
  });
}

/**
 * Sets the menus for all languages that an import brings, in one transaction with an audit entry
 * per menu written. A location whose menu was changed since the last import wrote it (or was built
 * in Broadsheet before any import) is kept unless `replace`. Returns the tags to purge.
 */
export async function importMenus(
  db: Db,
  input: { source: string; menus: Partial<Record<MenuLocation, ImportedMenu>>; replace: boolean },
  actor: Actor,
  now: Date,
): Promise<{ purge: string[]; outcome: Partial<Record<MenuLocation, MenuImportOutcome>> }> {
  return inTransaction(db, async (trx) => {
    const outcome: Partial<Record<MenuLocation, MenuImportOutcome>> = {};
    // Every menu is checked before anything is written: a refused one leaves both as they were.
    const checked = (['primary', 'footer'] as const).flatMap((location) => {
      const menu = input.menus[location];
      return menu ? [{ location, menu, items: checkImported(menu.items, location) }] : [];
    });
    for (const { location, menu, items } of checked) {
      const key = menuKey(location);
      const stored = decodeMenus({ [location]: await findSetting(trx, key) })[location];
      const current = stored[ALL_LANGUAGES] ?? [];
      const version = menuVersion(items);
      const markKey = importMarkKey(location);
      const mark = parseMark(await findSetting(trx, markKey));
      const remember = () => upsertSetting(trx, markKey, JSON.stringify({ source: input.source, version }));
      if (menuVersion(current) === version) {
        outcome[location] = 'unchanged';
        if (mark?.version !== version) await remember();
        continue;
      }
      // Untouched: what the last import wrote, or (never imported) nothing at all. An editor's change,
      // clearing the menu included, is kept.
      const untouched = mark ? mark.version === menuVersion(current) : current.length === 0;
      if (!untouched && !input.replace) {
        outcome[location] = 'kept';
        continue;
      }
      const next: Record<string, readonly MenuItem[]> = { ...stored };
      if (items.length) next[ALL_LANGUAGES] = items;
      else delete next[ALL_LANGUAGES];
      if (Object.keys(next).length) await upsertSetting(trx, key, encodeMenu(next));
      else await deleteSetting(trx, key);
      await remember();
      outcome[location] = current.length ? 'updated' : 'created';
      await recordAudit(trx, {
        at: now.toISOString(),
        actorId: actor.id,
        actorLabel: actor.label,
        ip: actor.ip,
        action: 'menu.updated',
        detail: `${location === 'primary' ? 'Primary' : 'Footer'} menu (${languageLabel(ALL_LANGUAGES)}): imported ${items.length} link(s) from ${menu.from.slice(0, 200)}${current.length ? `, replacing ${current.length}` : ''}`,
      });
    }
    const written = Object.values(outcome).some((o) => o === 'created' || o === 'updated');
    return { purge: written ? [tag.all] : [], outcome };
  });
}

function parseMark(raw: string | undefined): { source: string; version: string } | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as { source?: unknown; version?: unknown };
    return typeof v.version === 'string' ? { source: String(v.source ?? ''), version: v.version } : undefined;
  } catch {
    return undefined;
  }
}
