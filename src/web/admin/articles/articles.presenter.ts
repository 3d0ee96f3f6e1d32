/**
 * @module web/admin/articles/articles.presenter
 * Article list and form view-models from rows and the signed-in user. No I/O.
 */
import { directionOf, isLanguageTag } from '../../../lib/direction.js';
import type { PostStatus } from '../../../db/schema.js';
import { postPath } from '../../../modules/article/permalink.js';
import { can, canOn } from '../../../modules/user/permissions.js';
import type { User } from '../../../modules/user/user.js';
import { STATUS_LABELS } from '../../../modules/article/article.js';
import {
  ADMIN_PER_PAGE,
  type AdminListFilter,
  type AdminListRow,
  type EditableArticle,
  type EditOptions,
} from '../../../modules/article/article-editing.service.js';
import type { AuthorRow } from '../../../db/schema.js';
import { MAX_BYLINES, type ArticleFormVM, type ArticlesVM, type IntentVM, type Option, type PagesVM } from './articles.view-models.js';
import type { PageTree } from '../../../modules/article/page-tree.js';
import { dateVM, zoneHint } from '../shell/presenters.js';
import type { AdminLayoutVM } from '../shell/view-models.js';

/** The form as shown: field values and the multi-valued choices. */
export interface FormState {
  values: Record<string, string>;
  categoryIds: string[];
  authorIds: string[];
}

const authorOptions = (o: EditOptions): Option[] => o.authors.map((a) => ({ value: String(a.id), label: a.name }));
const categoryOptions = (o: EditOptions): Option[] => o.categories.map((c) => ({ value: String(c.id), label: c.name }));

export function articlesVM(
  layout: AdminLayoutVM,
  user: User,
  list: { rows: AdminListRow[]; total: number; authors: Map<number, AuthorRow[]>; missingImages?: Map<number, number> },
  options: EditOptions,
  _filter: AdminListFilter,
  raw: ArticlesVM['filters'],
  page: number,
): ArticlesVM {
  const totalPages = Math.max(1, Math.ceil(list.total / ADMIN_PER_PAGE));
  const qs = (p: number): string => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(raw)) if (v) params.set(k, v);
    if (p > 1) params.set('page', String(p));
    const s = params.toString();
    return s ? `/admin/articles?${s}` : '/admin/articles';
  };
  const any = { value: '', label: 'Any' };
  return {
    layout,
    filters: raw,
    statusOptions: [{ value: '', label: 'Any but trash' }, ...(Object.keys(STATUS_LABELS) as PostStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }))],
    authorOptions: [any, ...authorOptions(options)],
    categoryOptions: [any, ...categoryOptions(options)],
    languageOptions: [any, ...options.languages.map((l) => ({ value: l, label: l }))],
    rows: list.rows.map((r) => ({
      id: r.id,
      title: r.title,
      editUrl: `/admin/articles/${r.id}`,
      ...(r.status === 'published' ? { publicUrl: postPath(r.slug) } : { previewUrl: `/admin/articles/${r.id}/preview` }),
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      authors: (list.authors.get(r.id) ?? []).map((a) => a.name).join(', ') || '—',
      language: r.language,
      updated: dateVM(r.updated_at, layout.timeZone),
      ...(r.published_at ? { published: dateVM(r.published_at, layout.timeZone) } : {}),
      ...(list.missingImages?.get(r.id) ? { missingImages: list.missingImages.get(r.id)! } : {}),
    })),
    total: list.total,
    page,
    totalPages,
    ...(page > 1 ? { prevUrl: qs(page - 1) } : {}),
    ...(page < totalPages ? { nextUrl: qs(page + 1) } : {}),
    canCreate: can(user.role, 'post.create'),
  };
}

interface FormInput {
  layout: AdminLayoutVM;
  csrf: string;
  user: User;
  options: EditOptions;
  editorScript: string;
  id?: number;
  state: FormState;
  errors: Record<string, string>;
  problem?: string;
  status?: PostStatus;
  publicSlug?: string;
  own: boolean;
  altWarnings?: string[];
  missingImages?: ArticleFormVM['missingImages'];
  featured?: ArticleFormVM['featured'];
  figureImages?: ArticleFormVM['figureImages'];
  editorial?: ArticleFormVM['editorial'];
  kind?: 'article' | 'page';
  /** Pages: the parent choices. */
  parents?: Option[];
  /** Pages: the public path (nested under its parents). */
  publicPath?: string | undefined;
}

/**
 * The parent choices of page `id` (undefined: a new page): no parent, then every page depth-first,
 * indented by its depth, without the page itself and the pages under it (they cannot be its parent).
 */
export function parentOptions(tree: PageTree, id: number | undefined): Option[] {
  const below = new Set(id !== undefined ? [id, ...tree.descendantIds(id)] : []);
  return [
    { value: '', label: 'None (a top-level page)' },
    ...tree
      .ordered()
      .filter(({ page }) => !below.has(page.id) && page.status !== 'trash')
      .map(({ page, depth }) => ({ value: String(page.id), label: `${'— '.repeat(depth)}${page.title} (${tree.pathOf(page.id) ?? ''})` })),
  ];
}

/** The pages list: the tree, parents first, with each page's public path and parent. */
export function pagesVM(layout: AdminLayoutVM, list: { tree: PageTree; rows: ReturnType<PageTree['ordered']> }, status: string): PagesVM {
  return {
    layout,
    status,
    statusOptions: [{ value: '', label: 'Any but trash' }, ...(Object.keys(STATUS_LABELS) as PostStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }))],
    rows: list.rows.map(({ page, depth }) => {
      const path = list.tree.pathOf(page.id) ?? '';
      const parent = page.parent_id !== null ? list.tree.get(page.parent_id) : undefined;
      return {
        id: page.id,
        title: page.title,
        depth,
        path,
        editUrl: `/admin/pages/${page.id}`,
        ...(page.status === 'published' ? { publicUrl: path } : { previewUrl: `/admin/pages/${page.id}/preview` }),
        status: page.status,
        statusLabel: STATUS_LABELS[page.status],
        parent: parent ? parent.title : '—',
        order: page.menu_order,
        updated: dateVM(page.updated_at, layout.timeZone),
        addChildUrl: `/admin/pages/new?parent=${page.id}`,
      };
    }),
  };
}

/** An article's language as its fields' `lang` and `dir` (a Persian article is edited right to left; mixed text dir=auto). */
function textDirection(language: string | undefined): { textLang: string | undefined; textDir: 'rtl' | 'auto' } {
  const lang = language && isLanguageTag(language) ? language : undefined;
  return { textLang: lang, textDir: lang && directionOf(lang) === 'rtl' ? 'rtl' : 'auto' };
}

export function articleFormVM(i: FormInput): ArticleFormVM {
  const status = i.status ?? 'draft';
  const kind = i.kind ?? 'article';
  const base = kind === 'page' ? '/admin/pages' : '/admin/articles';
  const mayPublish = canOn(i.user.role, 'post.publish', { own: i.own });
  const mayDelete = canOn(i.user.role, 'post.delete', { own: i.own });
  const live = status === 'published' || status === 'scheduled';
  const intents: IntentVM[] = [];
  if (!live || mayPublish) intents.push({ intent: 'save', label: live ? 'Save changes' : 'Save draft', primary: !mayPublish });
  if (!live && status !== 'pending') intents.push({ intent: 'submit', label: 'Submit for review' });
  if (mayPublish) {
    if (status !== 'published') intents.push({ intent: 'publish', label: 'Publish now', primary: true });
    // A live article is not scheduled again (it would go dark until then): unpublish it first.
    if (status !== 'published') intents.push({ intent: 'schedule', label: status === 'scheduled' ? 'Reschedule' : 'Schedule' });
    if (live) intents.push({ intent: 'unpublish', label: 'Unpublish (back to draft)' });
  }
  return {
    layout: i.layout,
    csrf: i.csrf,
    ...(i.id !== undefined ? { id: i.id } : {}),
    kind,
    action: i.id !== undefined ? `${base}/${i.id}` : base,
    ...(i.id === undefined ? { draftUrl: `${base}/draft` } : {}),
    values: i.state.values,
    categoryIds: i.state.categoryIds,
    authorIds: i.state.authorIds,
    authorSlots: [...i.state.authorIds, '', ''].slice(0, Math.min(MAX_BYLINES, Math.max(3, i.state.authorIds.length + 1))),
    errors: i.errors,
    ...(i.problem !== undefined ? { problem: i.problem } : {}),
    status,
    statusLabel: STATUS_LABELS[status],
    intents,
    zoneHint: zoneHint(i.layout.timeZone),
    timeZone: i.layout.timeZone,
    ...textDirection(i.state.values.language),
    authorOptions: authorOptions(i.options),
    categoryOptions: categoryOptions(i.options),
    ...(i.id !== undefined ? { previewUrl: `${base}/${i.id}/preview`, revisionsUrl: `${base}/${i.id}/revisions` } : {}),
    ...(status === 'published' && i.publicSlug ? { publicUrl: i.publicPath ?? postPath(i.publicSlug) } : {}),
    ...(i.id !== undefined && mayDelete && status !== 'trash' ? { trashUrl: `${base}/${i.id}/trash` } : {}),
    ...(i.id !== undefined && mayDelete && status === 'trash' ? { restoreUrl: `${base}/${i.id}/restore` } : {}),
    ...(i.parents ? { parentOptions: i.parents } : {}),
    editorScript: i.editorScript,
    altWarnings: i.altWarnings ?? [],
    ...(i.missingImages ? { missingImages: i.missingImages } : {}),
    ...(i.featured ? { featured: i.featured } : {}),
    figureImages: i.figureImages ?? {},
    canUpload: can(i.user.role, 'media.upload'),
    ...(i.editorial ? { editorial: i.editorial } : {}),
  };
}

/** An article's chosen people of one role as the form's lines ("Maria Lind"); those only cited in the body are linked by it. */
export const peopleText = (people: EditableArticle['people'], role: 'subject' | 'quoted'): string =>
  people
    .filter((p) => p.picked && p.role === role)
    .map((p) => p.person.name)
    .join('\n');
