/**
 * @module modules/article/page-tree
 * Static pages nest under a parent page: `/about/team/` is the page "team" under "about". The tree
 * is built from every page's id, slug and parent (pages are few; one query reads them all), and
 * answers a page's public path, its ancestors for the breadcrumb, its descendants (which a parent
 * may not be chosen from) and the depth-first order the admin lists them in. No I/O.
 */
import type { PostStatus } from '../../db/schema.js';

/** How deep pages nest: `/a/b/c/d/` (the public router has a route for each depth). */
export const MAX_PAGE_DEPTH = 4;

/**
 * First path segments the site's own routes own (`/tag/…/`, `/feed/…/`): a page under a page with
 * one of these slugs would never be reached, so such a page takes no children.
 */
export const RESERVED_ROOTS: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'assets',
  'author',
  'brand',
  'category',
  'comments',
  'corrections',
  'feed',
  'healthz',
  'readyz',
  'media',
  'metrics',
  'page',
  'preview',
  'search',
  'tag',
]);

/** What the tree needs of a page. */
export interface PageNode {
  id: number;
  slug: string;
  title: string;
  parent_id: number | null;
  status: PostStatus;
  menu_order: number;
  updated_at: string;
}

/** The public path of a page from its slugs, root first: `/about/team/`. */
export const pagePath = (slugs: readonly string[]): string => `/${slugs.map(encodeURIComponent).join('/')}/`;

export class PageTree {
  private readonly byId: Map<number, PageNode>;
  private readonly children = new Map<number | null, PageNode[]>();

  constructor(rows: readonly PageNode[]) {
    this.byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) {
      // A parent that is not a page (any more) makes a top-level page.
      const parent = r.parent_id !== null && this.byId.has(r.parent_id) ? r.parent_id : null;
      const list = this.children.get(parent) ?? [];
      list.push(r);
      this.children.set(parent, list);
    }
    for (const list of this.children.values()) list.sort((a, b) => a.menu_order - b.menu_order || a.title.localeCompare(b.title) || a.id - b.id);
  }

  get(id: number): PageNode | undefined {
    return this.byId.get(id);
  }

  /**
   * The pages above `id`, root first (not `id` itself). A cycle stored by other means (an import,
   * a hand edit) stops at the page met twice instead of looping.
   */
  ancestors(id: number): PageNode[] {
    const out: PageNode[] = [];
    const seen = new Set([id]);
    let parent = this.byId.get(id)?.parent_id ?? null;
    while (parent !== null && !seen.has(parent)) {
      const p = this.byId.get(parent);
      if (!p) break;
      seen.add(parent);
      out.unshift(p);
      parent = p.parent_id;
    }
    return out;
  }

  /** The public path of page `id` (its ancestors' slugs, then its own). */
  pathOf(id: number): string | undefined {
    const page = this.byId.get(id);
    return page ? pagePath([...this.ancestors(id).map((a) => a.slug), page.slug]) : undefined;
  }

  /** Every page under `id`, at any depth. */
  descendantIds(id: number): number[] {
    const out: number[] = [];
    const walk = (at: number) => {
      for (const c of this.children.get(at) ?? []) {
        if (out.includes(c.id) || c.id === id) continue;
        out.push(c.id);
        walk(c.id);
      }
    };
    walk(id);
    return out;
  }

  /** How many levels the pages under `id` reach below it (0: none). */
  heightBelow(id: number): number {
    let h = 0;
    const walk = (at: number, d: number, seen: Set<number>) => {
      for (const c of this.children.get(at) ?? []) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        h = Math.max(h, d);
        walk(c.id, d + 1, seen);
      }
    };
    walk(id, 1, new Set([id]));
    return h;
  }

  /** Every page depth-first (parents before their children, siblings in order), with its depth (0: top level). */
  ordered(): { page: PageNode; depth: number }[] {
    const out: { page: PageNode; depth: number }[] = [];
    const seen = new Set<number>();
    const walk = (at: number | null, depth: number) => {
      for (const c of this.children.get(at) ?? []) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        out.push({ page: c, depth });
        walk(c.id, depth + 1);
      }
    };
    walk(null, 0);
    // Pages caught in a stored cycle have no way down from the top: listed last, at the top level.
    for (const r of this.byId.values()) if (!seen.has(r.id)) out.push({ page: r, depth: 0 });
    return out;
  }

  /**
   * Why `parentId` cannot be the parent of page `id` (undefined when it can): not a page, the page
   * itself, one of its descendants, or too deep. `id` undefined: a new page.
   */
  parentProblem(id: number | undefined, parentId: number): string | undefined {
    const parent = this.byId.get(parentId);
    if (!parent) return 'The parent page does not exist (any more); choose another.';
    if (id !== undefined && parentId === id) return 'A page cannot be its own parent.';
    if (id !== undefined && this.ancestors(parentId).some((a) => a.id === id))
      return `“${parent.title.slice(0, 100)}” is under this page, so it cannot also be its parent.`;
    const root = this.ancestors(parentId)[0] ?? parent;
    if (RESERVED_ROOTS.has(root.slug)) return `Pages under “/${root.slug}/” cannot be reached (the site uses that address); choose another parent.`;
    const depth = this.ancestors(parentId).length + 2 + (id !== undefined ? this.heightBelow(id) : 0);
    if (depth > MAX_PAGE_DEPTH) return `Pages nest at most ${MAX_PAGE_DEPTH} levels deep; choose a parent higher up.`;
    return undefined;
  }
}
