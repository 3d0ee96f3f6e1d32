/**
 * @module web/admin/taxonomy/taxonomy.presenter
 * Category and tag view-models from the tree and rows. No I/O.
 */
import type { TagRow } from '../../../db/schema.js';
import { categoryPath, tagPath } from '../../../modules/article/permalink.js';
import { parseNames, type CategoryTree } from '../../../modules/taxonomy/taxonomy.js';
import { languageName, UI_LANGUAGES } from '../../site/i18n.js';
import type { TagListRow } from '../../../modules/taxonomy/taxonomy.repository.js';
import type { CategoriesVM, CategoryEditVM, CategoryNodeVM, OptionVM, TagEditVM, TagsVM } from './taxonomy.view-models.js';
import type { AdminLayoutVM, FormVM } from '../shell/view-models.js';
import { noticeLookup } from '../shell/presenters.js';

/** Notices after a redirect, by key (the query never carries free text). */
export const TAXONOMY_NOTICES = {
  'category-created': 'Category added.',
  'category-updated': 'Category saved. Its old address now redirects to the new one.',
  'category-moved': 'Category moved. Old addresses redirect to the new ones.',
  'category-reordered': 'Order changed.',
  'category-deleted': 'Category deleted. Its articles and sub-categories moved to the category you chose.',
  'tag-updated': 'Tag saved.',
  'tag-merged': 'Tags merged.',
  'tag-deleted': 'Tag deleted.',
} as const;

export type TaxonomyNotice = keyof typeof TAXONOMY_NOTICES;

export const taxonomyNotice = noticeLookup(TAXONOMY_NOTICES);

/** The tree as indented options, depth first, leaving out `exclude` (a subtree). */
export function treeOptions(tree: CategoryTree, exclude: Set<number> = new Set()): OptionVM[] {
  const out: OptionVM[] = [];
  const walk = (id: number, depth: number, seen: Set<number>) => {
    if (seen.has(id) || exclude.has(id)) return;
    seen.add(id);
    const c = tree.get(id)!;
    out.push({ value: String(id), label: `${'— '.repeat(depth)}${c.name}` });
    for (const ch of tree.childrenOf(id)) walk(ch.id, depth + 1, seen);
  };
  const seen = new Set<number>();
  for (const r of tree.roots()) walk(r.id, 0, seen);
  return out;
}

export const TOP_LEVEL: OptionVM = { value: '', label: '(top level)' };

export function categoriesVM(
  layout: AdminLayoutVM,
  csrf: string,
  tree: CategoryTree,
  counts: Map<number, number>,
  create: FormVM,
  problem?: string,
): CategoriesVM {
  let total = 0;
  const node = (id: number, i: number, n: number, seen: Set<number>): CategoryNodeVM | undefined => {
    if (seen.has(id)) return undefined;
    seen.add(id);
    total++;
    const c = tree.get(id)!;
    const kids = tree.childrenOf(id);
    return {
      id,
      name: c.name,
      slug: c.slug,
      url: categoryPath(tree.pathOf(id)),
      editUrl: `/admin/categories/${id}`,
      articles: counts.get(id) ?? 0,
      canUp: i > 0,
      canDown: i < n - 1,
      children: kids.map((k, j) => node(k.id, j, kids.length, seen)).filter((x): x is CategoryNodeVM => x !== undefined),
    };
  };
  const seen = new Set<number>();
  const roots = tree.roots();
  const nodes = roots.map((r, i) => node(r.id, i, roots.length, seen)).filter((x): x is CategoryNodeVM => x !== undefined);
  return { layout, csrf, tree: nodes, total, parentOptions: [TOP_LEVEL, ...treeOptions(tree)], create, ...(problem !== undefined ? { problem } : {}) };
}

export function categoryEditVM(
  layout: AdminLayoutVM,
  csrf: string,
  tree: CategoryTree,
  id: number,
  articles: number,
  rename: FormVM,
  problem?: CategoryEditVM['problem'],
): CategoryEditVM {
  const c = tree.get(id)!;
  const subtree = new Set(tree.subtreeIds(id));
  const outside = treeOptions(tree, subtree);
  return {
    layout,
    csrf,
    id,
    name: c.name,
    url: categoryPath(tree.pathOf(id)),
    articles,
    children: tree.childrenOf(id).length,
    rename: {
      values: { name: c.name, slug: c.slug, description: c.description, ...namesValues(c.names), ...rename.values },
      errors: rename.errors,
    },
    languages: NAME_LANGUAGES,
    parentOptions: [TOP_LEVEL, ...outside],
    parent: c.parent_id !== null && tree.get(c.parent_id) ? String(c.parent_id) : '',
    receiverOptions: outside,
    ...(problem ? { problem } : {}),
  };
}

export function tagsVM(
  layout: AdminLayoutVM,
  csrf: string,
  list: { rows: TagListRow[]; total: number },
  q: string,
  page: number,
  perPage: number,
  into: string,
  problem?: string,
): TagsVM {
  const totalPages = Math.max(1, Math.ceil(list.total / perPage));
  const url = (p: number): string => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (p > 1) params.set('page', String(p));
    const s = params.toString();
    return s ? `/admin/tags?${s}` : '/admin/tags';
  };
  return {
    layout,
    csrf,
    q,
    total: list.total,
    page,
    totalPages,
    into,
    rows: list.rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, url: tagPath(r.slug), editUrl: `/admin/tags/${r.id}`, articles: r.articles })),
    ...(page > 1 ? { prevUrl: url(page - 1) } : {}),
    ...(page < totalPages ? { nextUrl: url(page + 1) } : {}),
    ...(problem !== undefined ? { problem } : {}),
  };
}

/** The languages a section or tag may be named in (one field each: name-fa…). */
export const NAME_LANGUAGES: OptionVM[] = UI_LANGUAGES.map((l) => ({ value: l, label: `${languageName(l)} (${l})` }));

/** The `names` column as the form's fields. */
const namesValues = (raw: string): Record<string, string> => Object.fromEntries(Object.entries(parseNames(raw)).map(([lang, name]) => [`name-${lang}`, name]));

export function tagEditVM(layout: AdminLayoutVM, csrf: string, t: TagRow, articles: number, form: FormVM, problem?: string): TagEditVM {
  return {
    layout,
    csrf,
    id: t.id,
    name: t.name,
    url: tagPath(t.slug),
    articles,
    form: { values: { name: t.name, slug: t.slug, description: t.description, ...namesValues(t.names), ...form.values }, errors: form.errors },
    languages: NAME_LANGUAGES,
    ...(problem !== undefined ? { problem } : {}),
  };
}
