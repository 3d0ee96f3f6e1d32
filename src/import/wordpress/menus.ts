/**
 * @module import/wordpress/menus
 * WordPress menus (`nav_menu` terms and their `nav_menu_item`s) into Broadsheet's two menus.
 *
 * An export names no theme locations, so which menu becomes the primary (masthead) menu and which
 * the footer menu is chosen: `--menu-primary SLUG` / `--menu-footer SLUG`, or else by name (a menu
 * called primary, main, header or top; one called footer), else the first menu that is neither
 * social nor footer becomes the primary one. Items keep their order (menu_order, parents before
 * their children) and one level of nesting in the primary menu; deeper links move up under their
 * top-level ancestor, and the footer menu is flat. Links to imported categories, tags and pages
 * become links to them (following renames), a post becomes its new address, and a custom link to
 * the old site becomes the local page it now is; "#" headings, unsafe addresses and links whose
 * target was not imported are left out. Everything changed or left out is reported.
 *
 * Pass 1 collects the menus (WpMenus); after the posts are written, importWordPressMenus() builds
 * and stores them through modules/site/menu.service importMenus (one transaction, audited).
 */
import type { Db } from '../../db/database.js';
import { postPath } from '../../modules/article/permalink.js';
import { findRedirect } from '../../modules/redirect/redirect.repository.js';
import { lookup } from '../../modules/redirect/import-map.repository.js';
import { CategoryTree } from '../../modules/taxonomy/taxonomy.js';
import { allCategories, findTagById, findTagBySlug } from '../../modules/taxonomy/taxonomy.repository.js';
import { checkMenuUrl, MENU_LIMITS, type MenuItem, type MenuLocation } from '../../modules/site/menu.js';
import { importMenus, type ImportedMenu, type MenuImportOutcome } from '../../modules/site/menu.service.js';
import { menuPostRows, publishedPostBySlug } from '../../modules/site/menu.repository.js';
import { SiteError } from '../../modules/site/site.js';
import { cliActor } from '../../modules/user/user.js';
import type { ImportReport } from '../report.js';
import type { OldSite } from './remote-media.js';
import { plainText } from './text.js';
import type { WxrItem, WxrTerm } from './wxr.js';

/** A `nav_menu_item` as pass 1 keeps it. */
export interface WpMenuItem {
  id: string;
  /** wp:menu_order */
  order: number;
  /** Position in the file, to break ties. */
  seq: number;
  title: string;
  /** _menu_item_type: taxonomy, post_type, custom, post_type_archive… */
  type: string;
  /** _menu_item_object: category, post_tag, page, post, custom… */
  object: string;
  objectId: string;
  /** _menu_item_menu_item_parent: another item's id, '0' at the top. */
  parent: string;
  url: string;
}

export interface WpMenu {
  slug: string;
  name: string;
  items: WpMenuItem[];
}

/** The most menu items pass 1 keeps (a real site has a few dozen); beyond, they are counted and skipped. */
const MAX_ITEMS_KEPT = 5000;
/** The longest text kept of any one field of a menu item. */
const MAX_FIELD = 2000;

/** The menus of an export, as pass 1 reads them. */
export class WpMenus {
  private readonly bySlug = new Map<string, WpMenu>();
  private seq = 0;
  /** Items pass 1 did not keep: not published, in no menu, or beyond MAX_ITEMS_KEPT. */
  readonly ignored = { unpublished: 0, noMenu: 0, tooMany: 0 };

  private menu(slug: string, name: string): WpMenu {
    let m = this.bySlug.get(slug);
    if (!m) {
      m = { slug, name: name || slug, items: [] };
      this.bySlug.set(slug, m);
    } else if (!m.name || m.name === slug) m.name = name || m.name;
    return m;
  }

  addTerm(term: WxrTerm): void {
    const slug = term.slug.trim().slice(0, 200);
    if (term.taxonomy === 'nav_menu' && slug) this.menu(slug, plainText(term.name).slice(0, 200));
  }

  addItem(it: WxrItem): void {
    const menus = it.terms.filter((t) => t.domain === 'nav_menu' && t.nicename.trim());
    if (it.status && it.status !== 'publish') {
      this.ignored.unpublished++;
      return;
    }
    if (!menus.length) {
      this.ignored.noMenu++;
      return;
    }
    if (this.seq >= MAX_ITEMS_KEPT) {
      this.ignored.tooMany++;
      return;
    }
    const meta = (k: string): string => (it.meta.find((m) => m.key === k)?.value ?? '').trim().slice(0, MAX_FIELD);
    const order = Number(it.menuOrder);
    const item: WpMenuItem = {
      id: it.id.trim().slice(0, 40),
      order: Number.isFinite(order) ? order : 0,
      seq: this.seq++,
      title: it.title.slice(0, MAX_FIELD),
      type: meta('_menu_item_type'),
      object: meta('_menu_item_object'),
      objectId: meta('_menu_item_object_id'),
      parent: meta('_menu_item_menu_item_parent') || '0',
      url: meta('_menu_item_url'),
    };
    for (const t of menus) this.menu(t.nicename.trim().slice(0, 200), plainText(t.name).slice(0, 200)).items.push(item);
  }

  /** Every menu, in the order the file declares them. */
  get list(): WpMenu[] {
    return [...this.bySlug.values()];
  }

  get itemCount(): number {
    return this.seq;
  }
}

/** `--menu-primary` / `--menu-footer` naming a menu the file does not have (nothing is written). */
export class MenuOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MenuOptionError';
  }
}

export interface MenuOptions {
  /** A menu's slug, or 'none' to leave that menu alone; unset: chosen by name. */
  primary?: string;
  footer?: string;
  /** Overwrite a menu an editor changed since the last import (or built before it). */
  replace?: boolean;
}

const words = (m: WpMenu): string => `${m.slug} ${m.name}`.toLowerCase();
const PRIMARY = /(^|[^a-z])(primary|main|header|top)([^a-z]|$)/;
const FOOTER = /footer/;
const SOCIAL = /social/;
export const menuLabel = (m: WpMenu): string => `"${m.name}" (${m.slug})`;

/** Which WordPress menu goes where, and why (for the report). Throws MenuOptionError for an unknown slug. */
export function chooseMenus(menus: WpMenu[], options: MenuOptions): Record<MenuLocation, { menu?: WpMenu; why: string }> {
  const named = (slug: string, option: string): WpMenu | undefined => {
    if (slug === 'none') return undefined;
    const m = menus.find((x) => x.slug === slug) ?? menus.find((x) => x.slug.toLowerCase() === slug.toLowerCase());
    if (!m) {
      const known = menus.map((x) => x.slug).join(', ') || 'none';
      throw new MenuOptionError(`--${option} "${slug.slice(0, 100)}": the file has no menu with that slug (its menus: ${known}).`);
    }
    return m;
  };
  const filled = menus.filter((m) => m.items.length > 0);
  let primary: { menu?: WpMenu; why: string };
  if (options.primary !== undefined) {
    const m = named(options.primary, 'menu-primary');
    primary = m ? { menu: m, why: 'chosen with --menu-primary' } : { why: 'left alone (--menu-primary none)' };
  } else {
    const byName = filled.find((m) => PRIMARY.test(words(m)));
    const first = filled.find((m) => !SOCIAL.test(words(m)) && !FOOTER.test(words(m)));
    primary = byName
      ? { menu: byName, why: 'its name says primary, main, header or top' }
      : first
        ? { menu: first, why: 'the first menu (none is named primary, main, header or top; social and footer menus are passed over)' }
        : { why: menus.length ? 'no menu fits (only empty, social or footer menus)' : 'the file has no menus' };
  }
  let footer: { menu?: WpMenu; why: string };
  if (options.footer !== undefined) {
    const m = named(options.footer, 'menu-footer');
    footer = m ? { menu: m, why: 'chosen with --menu-footer' } : { why: 'left alone (--menu-footer none)' };
  } else {
    const byName = filled.find((m) => m !== primary.menu && FOOTER.test(words(m)));
    footer = byName ? { menu: byName, why: 'its name says footer' } : { why: menus.length ? 'no menu is named footer' : 'the file has no menus' };
  }
  return { primary, footer };
}

interface BuildContext {
  db: Db;
  source: string;
  oldSite: OldSite;
  tree: CategoryTree;
  report: ImportReport;
}

/** A target resolved: what the item becomes, or why it is left out. */
type Resolved = { item: Omit<MenuItem, 'depth'>; note?: string } | { drop: string; heading?: true };

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A label: the text of the title, one line, at most MENU_LIMITS.label characters. */
export function menuLabelOf(raw: string): { label: string; cut: boolean } {
  const text = plainText(raw.replace(CONTROL, ' ')).replace(CONTROL, '').trim();
  if (text.length <= MENU_LIMITS.label) return { label: text, cut: false };
  return { label: `${text.slice(0, MENU_LIMITS.label - 1).trimEnd()}…`, cut: true };
}

const ID = /^[1-9]\d{0,17}$/;
const show = (s: string, n = 60): string => JSON.stringify(s.length > n ? `${s.slice(0, n)}…` : s);

/** The local path of a URL's path on this site, re-encoded as a link needs it. */
function sitePath(u: URL): string {
  return `${u.pathname}${u.search}`;
}

/** What a link to the old site's own `u` is here: an imported category, tag, page or post, or a path. */
async function localTarget(u: URL, ctx: BuildContext): Promise<{ item: Omit<MenuItem, 'depth' | 'label'>; name?: string; note?: string } | undefined> {
  const q = u.searchParams;
  const postId = q.get('p') ?? q.get('page_id');
  if (postId !== null || q.get('cat') !== null) {
    // WordPress' query links, as web/site/wp-links answers them.
    if (postId !== null) {
      const local = ID.test(postId) ? await lookup(ctx.db, ctx.source, 'post', postId) : undefined;
      const row = local !== undefined ? (await menuPostRows(ctx.db, [local]))[0] : undefined;
      if (!row) return undefined;
      if (row.type === 'page') return { item: { kind: 'page', ref: String(row.id) } };
      return row.status === 'published' ? { item: { kind: 'url', ref: postPath(row.slug) }, name: row.title } : undefined;
    }
    const cat = q.get('cat')!;
    const local = ID.test(cat) ? await lookup(ctx.db, ctx.source, 'category', cat) : undefined;
    return local !== undefined && ctx.tree.get(local) ? { item: { kind: 'category', ref: String(local) } } : undefined;
  }
  let p = u.pathname;
  try {
    p = decodeURI(p);
  } catch {
    // keep it encoded
  }
  if (p === '/' || p === '') return { item: { kind: 'url', ref: u.search ? sitePath(u) : '/' } };
  if (!p.endsWith('/') && !/\.[a-z0-9]{2,5}$/i.test(p)) p += '/';
  const redirect = p.length <= 1000 ? await findRedirect(ctx.db, p) : undefined;
  let target = redirect?.to_path ?? p;
  try {
    target = decodeURI(target);
  } catch {
    // keep it encoded
  }
  const segments = target.split('/').filter(Boolean);
  if (segments[0] === 'category' && segments.length > 1) {
    const c = ctx.tree.findByPath(segments.slice(1));
    if (c) return { item: { kind: 'category', ref: String(c.id) } };
  } else if (segments[0] === 'tag' && segments.length === 2) {
    const t = await findTagBySlug(ctx.db, segments[1]!.toLowerCase().slice(0, 200));
    if (t) return { item: { kind: 'tag', ref: String(t.id) } };
  } else if (segments.length === 1 && target.endsWith('/')) {
    const post = await publishedPostBySlug(ctx.db, segments[0]!.slice(0, 300));
    if (post)
      return post.type === 'page' ? { item: { kind: 'page', ref: String(post.id) } } : { item: { kind: 'url', ref: postPath(segments[0]!) }, name: post.title };
  }
  if (redirect) return { item: { kind: 'url', ref: redirect.to_path } };
  const ref = sitePath(u).endsWith('/') || u.search || /\.[a-z0-9]{2,5}$/i.test(u.pathname) ? sitePath(u) : `${u.pathname}/`;
  return { item: { kind: 'url', ref }, note: `nothing imported answers ${show(p)}: kept as a path of this site; check it` };
}

/** What one WordPress menu item becomes. */
async function resolve(wp: WpMenuItem, ctx: BuildContext): Promise<Resolved> {
  const { label } = menuLabelOf(wp.title);
  if (wp.type === 'taxonomy') {
    if (wp.object === 'category') {
      const local = ID.test(wp.objectId) ? await lookup(ctx.db, ctx.source, 'category', wp.objectId) : undefined;
      if (local === undefined || !ctx.tree.get(local)) return { drop: `its category (term ${show(wp.objectId, 20)}) was not imported` };
      return { item: { kind: 'category', ref: String(local), label } };
    }
    if (wp.object === 'post_tag') {
      const local = ID.test(wp.objectId) ? await lookup(ctx.db, ctx.source, 'tag', wp.objectId) : undefined;
      if (local === undefined || !(await findTagById(ctx.db, local))) return { drop: `its tag (term ${show(wp.objectId, 20)}) was not imported` };
      return { item: { kind: 'tag', ref: String(local), label } };
    }
    return { drop: `it lists the ${show(wp.object, 40)} taxonomy, which is not imported` };
  }
  if (wp.type === 'post_type') {
    if (wp.object !== 'page' && wp.object !== 'post') return { drop: `it links to a ${show(wp.object, 40)}, which is not imported` };
    const local = ID.test(wp.objectId) ? await lookup(ctx.db, ctx.source, 'post', wp.objectId) : undefined;
    const row = local !== undefined ? (await menuPostRows(ctx.db, [local]))[0] : undefined;
    if (!row) return { drop: `its ${wp.object} (${show(wp.objectId, 20)}) was not imported` };
    if (row.type === 'page') {
      const note = row.status === 'published' ? undefined : `the page is ${row.status}: the link shows once it is published`;
      return { item: { kind: 'page', ref: String(row.id), label }, ...(note ? { note } : {}) };
    }
    if (row.status !== 'published') return { drop: `its post is ${row.status} here, so it has no public address` };
    return { item: { kind: 'url', ref: postPath(row.slug), label: label || menuLabelOf(row.title).label || row.slug.slice(0, MENU_LIMITS.label) } };
  }
  if (wp.type === 'post_type_archive') return { drop: `it links to the archive of ${show(wp.object, 40)}, which Broadsheet does not have` };
  // custom (and anything unknown that carries an address)
  const raw = wp.url.trim();
  if (!raw || raw.startsWith('#')) return { drop: 'it links nowhere', heading: true };
  const u = ctx.oldSite.resolve(raw);
  if (!u) return { drop: `its address ${show(raw.replace(CONTROL, ''), 40)} is not an http(s) link or a path` };
  if (ctx.oldSite.isOld(u)) {
    const local = await localTarget(u, ctx);
    if (!local) return { drop: `its address ${show(raw, 60)} points at something that was not imported` };
    const name = label || (local.item.kind === 'url' ? menuLabelOf(local.name ?? '').label || local.item.ref.slice(0, MENU_LIMITS.label) : '');
    const checked = local.item.kind === 'url' ? checkMenuUrl(local.item.ref) : { url: local.item.ref };
    if (checked.error) return { drop: `its address ${show(raw, 60)} is too long or malformed` };
    return { item: { ...local.item, label: name }, ...(local.note ? { note: local.note } : {}) };
  }
  const checked = checkMenuUrl(raw);
  if (checked.error) return { drop: `its address ${show(raw, 60)} is too long, malformed or not http(s)` };
  return { item: { kind: 'url', ref: checked.url!, label: label || menuLabelOf(`${u.hostname}${u.pathname === '/' ? '' : u.pathname}`).label } };
}

/** One WordPress menu as the items of `location`, with a report line for everything changed or left out. */
export async function buildMenu(menu: WpMenu, location: MenuLocation, ctx: BuildContext): Promise<{ items: MenuItem[]; skipped: number }> {
  const where = `Menu ${menuLabel(menu)}`;
  const name = (wp: WpMenuItem): string => {
    const t = menuLabelOf(wp.title).label;
    return t ? show(t, 50) : `${wp.object || wp.type || 'item'} ${show(wp.objectId || wp.id, 20)}`;
  };
  const warn = (wp: WpMenuItem, what: string) => ctx.report.warn(`${where}, link ${name(wp)}: ${what}.`);
  let skipped = 0;

  // One node per WordPress id (a repeated id keeps its first item).
  const byId = new Map<string, WpMenuItem>();
  for (const wp of menu.items) {
    if (!wp.id || byId.has(wp.id)) {
      skipped++;
      warn(wp, wp.id ? 'the same item appears twice; the first is kept' : 'it has no id; left out');
      continue;
    }
    byId.set(wp.id, wp);
  }
  // Parents: a missing one puts the item at the top; a loop of parents is cut where it closes.
  const parentOf = new Map<string, string | undefined>();
  for (const wp of byId.values()) {
    const p = wp.parent && wp.parent !== '0' ? wp.parent : undefined;
    if (p !== undefined && !byId.has(p)) warn(wp, `its parent (item ${show(p, 20)}) is not in the menu; it is placed at the top level`);
    parentOf.set(wp.id, p !== undefined && byId.has(p) && p !== wp.id ? p : undefined);
    if (p === wp.id) warn(wp, 'it names itself as its parent; it is placed at the top level');
  }
  const settled = new Set<string>();
  for (const start of byId.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: string | undefined = start;
    while (at !== undefined && !settled.has(at) && !onPath.has(at)) {
      path.push(at);
      onPath.add(at);
      at = parentOf.get(at);
    }
    if (at !== undefined && onPath.has(at)) {
      // `at` closes a loop: it goes to the top level, which breaks the loop for all of it.
      warn(byId.get(at)!, 'its parents form a loop; it is placed at the top level');
      parentOf.set(at, undefined);
    }
    for (const id of path) settled.add(id);
  }
  const children = new Map<string | undefined, WpMenuItem[]>();
  for (const wp of byId.values()) {
    const p = parentOf.get(wp.id);
    children.set(p, [...(children.get(p) ?? []), wp]);
  }
  for (const list of children.values()) list.sort((a, b) => a.order - b.order || a.seq - b.seq);

  // Depth first in menu order; a left-out item's children take its place.
  const out: { item: MenuItem; level: number }[] = [];
  const headings: string[] = [];
  const visit = async (wp: WpMenuItem, level: number): Promise<void> => {
    const r = await resolve(wp, ctx);
    const kids = children.get(wp.id) ?? [];
    if ('drop' in r) {
      skipped++;
      if (r.heading) headings.push(name(wp));
      else warn(wp, `left out: ${r.drop}${kids.length ? `; its ${kids.length} nested link(s) move up a level` : ''}`);
    } else {
      if (r.note) warn(wp, r.note);
      if (menuLabelOf(wp.title).cut) warn(wp, `its label is longer than ${MENU_LIMITS.label} characters; it is cut`);
      out.push({ item: { ...r.item, depth: 0 }, level });
    }
    for (const k of kids) await visit(k, 'drop' in r ? level : level + 1);
  };
  for (const root of children.get(undefined) ?? []) await visit(root, 0);
  if (headings.length) {
    const some = headings.slice(0, 8).join(', ') + (headings.length > 8 ? `, and ${headings.length - 8} more` : '');
    ctx.report.warn(
      `${where}: ${headings.length} link(s) that lead nowhere ("#" or no address: WordPress' dropdown headings) are left out, and the links nested under them move up a level: ${some}.`,
    );
  }

  // Levels to depths: the primary menu keeps one, the footer none.
  let flattened = 0;
  const items: MenuItem[] = [];
  for (const [i, o] of out.entries()) {
    const want = o.level > 0 && i > 0 ? 1 : 0;
    const depth = location === 'primary' ? want : 0;
    if (o.level > depth) flattened++;
    items.push({ ...o.item, depth: depth as 0 | 1 });
  }
  if (flattened) {
    ctx.report.warn(
      location === 'primary'
        ? `${where}: ${flattened} link(s) nested more than one level deep now sit one level under their top-level link (the primary menu has one level of nesting).`
        : `${where}: ${flattened} nested link(s) now follow their parent at the top level (the footer menu is flat).`,
    );
  }
  if (items.length > MENU_LIMITS.items) {
    const over = items.length - MENU_LIMITS.items;
    skipped += over;
    ctx.report.warn(`${where}: a menu holds at most ${MENU_LIMITS.items} links; the last ${over} are left out.`);
    items.length = MENU_LIMITS.items;
  }
  return { items, skipped };
}

const OUTCOME: Record<MenuImportOutcome, string> = {
  created: 'set',
  updated: 'replaced the menu the last import set',
  unchanged: 'unchanged (already exactly this)',
  kept: 'NOT replaced: it was changed in Broadsheet since the last import (or built there before it); --replace-menus overwrites it',
};

/**
 * Builds the chosen menus and stores them (importMenus: one transaction with its audit rows), and
 * writes the "Menus" lines of the report. Returns the tags to purge.
 */
export async function importWordPressMenus(
  db: Db,
  menus: WpMenus,
  choice: Record<MenuLocation, { menu?: WpMenu; why: string }>,
  o: { source: string; oldSite: OldSite; report: ImportReport; now: Date; replace: boolean },
): Promise<string[]> {
  const { report } = o;
  const total = menus.itemCount + menus.ignored.tooMany + menus.ignored.unpublished + menus.ignored.noMenu;
  if (!menus.list.length && !total) return [];
  if (menus.ignored.unpublished) report.warn(`${menus.ignored.unpublished} menu item(s) that WordPress had not published (drafts) are left out.`);
  if (menus.ignored.noMenu) report.warn(`${menus.ignored.noMenu} menu item(s) belong to no menu; left out.`);
  if (menus.ignored.tooMany)
    report.warn(`The file holds more than ${MAX_ITEMS_KEPT.toLocaleString('en')} menu items; the rest (${menus.ignored.tooMany}) are left out.`);
  report.count('menu_item', 'skipped', menus.ignored.unpublished + menus.ignored.noMenu + menus.ignored.tooMany);

  const ctx: BuildContext = { db, source: o.source, oldSite: o.oldSite, tree: new CategoryTree(await allCategories(db)), report };
  const built: Partial<Record<MenuLocation, ImportedMenu>> = {};
  for (const location of ['primary', 'footer'] as const) {
    const menu = choice[location].menu;
    if (!menu) continue;
    const { items, skipped } = await buildMenu(menu, location, ctx);
    report.count('menu_item', 'skipped', skipped);
    built[location] = { items, from: `WordPress menu ${menuLabel(menu)}` };
  }
  let stored: Awaited<ReturnType<typeof importMenus>>;
  try {
    stored = await importMenus(db, { source: o.source, menus: built, replace: o.replace }, cliActor, o.now);
  } catch (err) {
    // Checked before anything is written: the menus stay as they were.
    if (!(err instanceof SiteError)) throw err;
    report.warn(`The menus were not imported: ${err.message}`);
    report.menus.push('none imported (see the warnings)');
    return [];
  }
  const { purge, outcome } = stored;

  const lines: string[] = [];
  for (const location of ['primary', 'footer'] as const) {
    const c = choice[location];
    const b = built[location];
    const result = outcome[location];
    if (!c.menu || !b || !result) {
      lines.push(`${location.padEnd(8)}← none: ${c.why}`);
      continue;
    }
    const n = b.items.length;
    report.count('menu_item', result === 'created' ? 'created' : result === 'updated' ? 'updated' : result === 'unchanged' ? 'matched' : 'skipped', n);
    lines.push(`${location.padEnd(8)}← ${menuLabel(c.menu)}, ${c.why}: ${n} link(s); ${OUTCOME[result]}`);
  }
  const used = new Set([choice.primary.menu, choice.footer.menu]);
  const rest = menus.list.filter((m) => !used.has(m));
  if (rest.length) {
    lines.push(`not imported: ${rest.map((m) => `${menuLabel(m)}, ${m.items.length ? `${m.items.length} item(s)` : 'empty'}`).join('; ')}`);
    report.count(
      'menu_item',
      'skipped',
      rest.reduce((n, m) => n + m.items.length, 0),
    );
  }
  lines.push('Choose with --menu-primary SLUG and --menu-footer SLUG (none: leave that menu as it is).');
  report.menus.push(...lines);
  return purge;
}
