/**
 * @module modules/taxonomy/taxonomy
 * The category tree in memory: paths, ancestors and descendants, built from one query's rows.
 */
import type { CategoryRow } from '../../db/schema.js';
import { localText, parseNames } from '../../lib/local-names.js';

export { parseNames };

/**
 * A section's or tag's name for a page in `lang`: its name in that language (or its base
 * language: "fa" for "fa-IR") where one is given, else its name.
 */
export const localName = (row: { name: string; names?: string }, lang: string): string => localText(row.names, lang) ?? row.name;

export class CategoryTree {
  private readonly byId = new Map<number, CategoryRow>();
  private readonly children = new Map<number | null, CategoryRow[]>();

  constructor(rows: CategoryRow[]) {
    for (const r of rows) this.byId.set(r.id, r);
    for (const r of rows) {
      // A parent that no longer exists makes the category a root rather than an orphan.
      const parent = r.parent_id !== null && this.byId.has(r.parent_id) ? r.parent_id : null;
      const list = this.children.get(parent) ?? [];
      list.push(r);
      this.children.set(parent, list);
    }
    for (const list of this.children.values()) list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  }

  get(id: number | null | undefined): CategoryRow | undefined {
    return id == null ? undefined : this.byId.get(id);
  }

  roots(): CategoryRow[] {
    return this.children.get(null) ?? [];
  }

  childrenOf(id: number): CategoryRow[] {
    return this.children.get(id) ?? [];
  }

  /** Root first, the category itself last. Stops on cycles. */
  ancestry(id: number): CategoryRow[] {
    const chain: CategoryRow[] = [];
    const seen = new Set<number>();
    let cur = this.byId.get(id);
    while (cur && !seen.has(cur.id)) {
      seen.add(cur.id);
      chain.unshift(cur);
      cur = cur.parent_id === null ? undefined : this.byId.get(cur.parent_id);
    }
    return chain;
  }

  /** The category and all categories below it. */
  subtreeIds(id: number): number[] {
    const out: number[] = [];
    const stack = [id];
    const seen = new Set<number>();
    while (stack.length) {
      const cur = stack.pop()!;
      if (seen.has(cur)) continue;
      seen.add(cur);
      out.push(cur);
      for (const c of this.childrenOf(cur)) stack.push(c.id);
    }
    return out;
  }

  /** URL path segments: ['world', 'europe']. */
  pathOf(id: number): string[] {
    return this.ancestry(id).map((c) => c.slug);
  }

  /** Resolves '/category/world/europe/' segments; every parent must match. */
  findByPath(segments: string[]): CategoryRow | undefined {
    const last = segments.at(-1);
    if (!last) return undefined;
    for (const c of this.byId.values()) {
      if (c.slug !== last) continue;
      const path = this.pathOf(c.id);
      if (path.length === segments.length && path.every((s, i) => s === segments[i])) return c;
    }
    return undefined;
  }

  /** Finds a category by its own slug alone (for redirects from partial paths). */
  findBySlug(slug: string): CategoryRow | undefined {
    for (const c of this.byId.values()) if (c.slug === slug) return c;
    return undefined;
  }
}
