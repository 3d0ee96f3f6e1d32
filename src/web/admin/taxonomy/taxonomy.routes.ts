/**
 * @module web/admin/taxonomy/taxonomy.routes
 * /admin/categories and /admin/tags (editors and owners: `taxonomy.manage`). Every write goes
 * through modules/taxonomy (one transaction with its audit entry), then purges the cache tags it
 * returns before answering 303. A refused change re-renders its form with the reason (4xx).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findTagById, categoryArticleCounts, listTags, postIdsWithTags } from '../../../modules/taxonomy/taxonomy.repository.js';
import {
  createCategory,
  deleteCategory,
  moveCategory,
  renameCategory,
  reorderCategory,
  type TaxonomyChange,
} from '../../../modules/taxonomy/category.service.js';
import { deleteTag, mergeTagsInto, MERGE_MAX, renameTag } from '../../../modules/taxonomy/tag.service.js';
import { loadCategoryTree, TaxonomyError } from '../../../modules/taxonomy/taxonomy.service.js';
import { badRequest, notFound, statusOf as statusOfCode } from '../../errors.js';
import { tagNamesLike } from '../../../modules/taxonomy/tag.repository.js';
import { actorOf } from '../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { sendHtml } from '../../html.js';
import { echo, type Fields, fieldsOf, idOf } from '../shell/forms.js';
import { categoriesVM, categoryEditVM, tagEditVM, tagsVM, taxonomyNotice, type TaxonomyNotice } from './taxonomy.presenter.js';
import type { CategoryEditVM } from './taxonomy.view-models.js';
import { renderCategories, renderCategoryEdit, renderTagEdit, renderTags } from './taxonomy.view.js';
import { pageOf } from '../../../lib/ids.js';
import { UI_LANGUAGES } from '../../site/i18n.js';

const TAGS_PER_PAGE = 50;

const asId = idOf;

function pathId(request: FastifyRequest, what: string): number {
  const id = asId((request.params as { id?: string }).id);
  if (id === undefined) throw notFound(`There is no such ${what}.`);
  return id;
}

/** The status a refused form is shown again with (the one table: web/errors). */
const statusOf = (err: TaxonomyError): number => statusOfCode(err.code);

/** A form field that must be one string when present. */
function single(f: Fields, name: string, label: string): string | undefined {
  const v = f[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new TaxonomyError('CATEGORY_INVALID', `${label} was sent more than once or in an unexpected form.`);
  return v;
}

/** The name-fa… fields as names per language (none posted: they stay as they are). */
function namesOf(f: Fields): { names?: Record<string, unknown> } {
  const names: Record<string, unknown> = {};
  for (const l of UI_LANGUAGES) if (f[`name-${l}`] !== undefined) names[l] = f[`name-${l}`];
  return Object.keys(names).length ? { names } : {};
}

/** The name-fa… fields to show again after a refusal. */
const namesEcho = (f: Fields): Record<string, string> => Object.fromEntries(UI_LANGUAGES.map((l) => [`name-${l}`, echo(f[`name-${l}`], 200)]));

/** The parent field: '' is the top level; anything else must be an id. */
function parentField(f: Fields): number | null {
  const raw = single(f, 'parent', 'The parent') ?? '';
  if (raw === '') return null;
  const id = asId(raw);
  if (id === undefined) throw new TaxonomyError('CATEGORY_INVALID', 'Choose the parent from the list.');
  return id;
}

const queryOf = (request: FastifyRequest): Record<string, unknown> => request.query as Record<string, unknown>;

export async function taxonomyRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const db = c.db;

  const done = (reply: FastifyReply, change: TaxonomyChange, to: string, notice: TaxonomyNotice): FastifyReply => {
    app.pageCache.purge(change.purge);
    const [path, hash] = to.split('#');
    return reply.redirect(`${path}?notice=${notice}${hash ? `#${hash}` : ''}`, 303);
  };

  // ——— Categories ———

  const categoriesPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, problem?: string, status = 200) => {
    const csrf = csrfFor(reply);
    const [tree, counts] = await Promise.all([loadCategoryTree(db), categoryArticleCounts(db)]);
    const layout = pageLayout(c, request, csrf, 'Categories', taxonomyNotice(queryOf(request).notice));
    return sendHtml(reply, renderCategories(categoriesVM(layout, csrf, tree, counts, { values, errors: {} }, problem)), status);
  };

  const categoryPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    values: Record<string, string> = {},
    problem?: CategoryEditVM['problem'],
    status = 200,
  ) => {
    const [tree, counts] = await Promise.all([loadCategoryTree(db), categoryArticleCounts(db)]);
    const cat = tree.get(id);
    if (!cat) throw notFound('There is no such category (it may have been deleted).');
    const csrf = csrfFor(reply);
    const layout = pageLayout(c, request, csrf, `Category: ${cat.name}`, taxonomyNotice(queryOf(request).notice));
    return sendHtml(reply, renderCategoryEdit(categoryEditVM(layout, csrf, tree, id, counts.get(id) ?? 0, { values, errors: {} }, problem)), status);
  };

  // GET /admin/categories
  app.get('/categories', { config: { access: 'taxonomy.manage' } }, async (request, reply) => categoriesPage(request, reply));

  // POST /admin/categories: add (name, slug, parent, description).
  app.post('/categories', { config: { access: 'taxonomy.manage' } }, async (request, reply) => {
    const f = fieldsOf(request.body);
    try {
      const change = await createCategory(
        db,
        {
          name: single(f, 'name', 'The name'),
          slug: single(f, 'slug', 'The slug'),
          parentId: parentField(f),
          description: single(f, 'description', 'The description'),
        },
        actorOf(request),
        c.now(),
      );
      return done(reply, change, `/admin/categories#cat-${change.id}`, 'category-created');
    } catch (err) {
      if (!(err instanceof TaxonomyError)) throw err;
      const values = { name: echo(f.name), slug: echo(f.slug), parent: echo(f.parent, 12), description: echo(f.description, 2000) };
      return categoriesPage(request, reply, values, err.message, statusOf(err));
    }
  });

  // GET /admin/categories/:id
  app.get('/categories/:id', { config: { access: 'taxonomy.manage' } }, async (request, reply) => categoryPage(request, reply, pathId(request, 'category')));

  /** Runs a category write; a refusal re-renders the category's page with the reason. */
  const categoryWrite = (
    path: string,
    form: 'rename' | 'move' | 'delete' | 'list',
    run: (request: FastifyRequest, id: number, f: Fields) => Promise<TaxonomyChange>,
    after: (id: number, change: TaxonomyChange) => [string, TaxonomyNotice],
  ) => {
    app.post(path, { config: { access: 'taxonomy.manage' } }, async (request, reply) => {
      const id = pathId(request, 'category');
      const f = fieldsOf(request.body);
      try {
        const change = await run(request, id, f);
        const [to, notice] = after(id, change);
        return done(reply, change, to, notice);
      } catch (err) {
        if (!(err instanceof TaxonomyError)) throw err;
        if (err.code === 'CATEGORY_NOT_FOUND' || form === 'list') throw err;
        const values: Record<string, string> =
          form === 'rename' ? { name: echo(f.name), slug: echo(f.slug), description: echo(f.description, 2000), ...namesEcho(f) } : {};
        return categoryPage(request, reply, id, values, { form, message: err.message }, statusOf(err));
      }
    });
  };

  // POST /admin/categories/:id: rename, change slug or description (old URLs 301).
  categoryWrite(
    '/categories/:id',
    'rename',
    (request, id, f) =>
      renameCategory(
        db,
        id,
        {
          name: single(f, 'name', 'The name') ?? '',
          slug: single(f, 'slug', 'The slug') ?? '',
          description: single(f, 'description', 'The description') ?? '',
          ...namesOf(f),
        },
        actorOf(request),
        c.now(),
      ),
    (id) => [`/admin/categories/${id}`, 'category-updated'],
  );

  // POST /admin/categories/:id/move  (parent='' for the top level)
  categoryWrite(
    '/categories/:id/move',
    'move',
    (request, id, f) => moveCategory(db, id, parentField(f), actorOf(request), c.now()),
    (id) => [`/admin/categories/${id}`, 'category-moved'],
  );

  // POST /admin/categories/:id/up and /down: one step among its siblings.
  for (const dir of ['up', 'down'] as const) {
    categoryWrite(
      `/categories/:id/${dir}`,
      'list',
      (request, id) => reorderCategory(db, id, dir, actorOf(request), c.now()),
      (id) => [`/admin/categories#cat-${id}`, 'category-reordered'],
    );
  }

  // POST /admin/categories/:id/delete  (receiver=<id>: takes its articles and sub-categories)
  categoryWrite(
    '/categories/:id/delete',
    'delete',
    (request, id, f) => {
      const receiver = asId(single(f, 'receiver', 'The receiving category'));
      if (receiver === undefined) throw new TaxonomyError('CATEGORY_INVALID', 'Choose the category that receives its articles.');
      return deleteCategory(db, id, receiver, actorOf(request), c.now());
    },
    () => ['/admin/categories', 'category-deleted'],
  );

  // ——— Tags ———

  const tagsPage = async (request: FastifyRequest, reply: FastifyReply, into = '', problem?: string, status = 200) => {
    const query = queryOf(request);
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
    const page = pageOf(query.page) ?? 1;
    const list = await listTags(db, q, page, TAGS_PER_PAGE);
    if (page > 1 && list.rows.length === 0) throw notFound('There is no such page of tags.');
    const csrf = csrfFor(reply);
    const layout = pageLayout(c, request, csrf, 'Tags', taxonomyNotice(query.notice));
    return sendHtml(reply, renderTags(tagsVM(layout, csrf, list, q, page, TAGS_PER_PAGE, into, problem)), status);
  };

  const tagPage = async (request: FastifyRequest, reply: FastifyReply, id: number, values: Record<string, string> = {}, problem?: string, status = 200) => {
    const t = await findTagById(db, id);
    if (!t) throw notFound('There is no such tag (it may have been merged or deleted).');
    const articles = (await postIdsWithTags(db, [id])).length;
    const csrf = csrfFor(reply);
    const layout = pageLayout(c, request, csrf, `Tag: ${t.name}`, taxonomyNotice(queryOf(request).notice));
    return sendHtml(reply, renderTagEdit(tagEditVM(layout, csrf, t, articles, { values, errors: {} }, problem)), status);
  };

  // GET /admin/tags?q=&page=
  app.get('/tags', { config: { access: 'taxonomy.manage' } }, async (request, reply) => tagsPage(request, reply));

  // GET /admin/tags/suggest?q=har: existing tags for the article form's tag field (whoever writes articles).
  app.get('/tags/suggest', { config: { access: 'post.create' } }, async (request, reply) => {
    const q = queryOf(request).q;
    const text = typeof q === 'string' ? q.trim() : '';
    if (text.length < 1 || text.length > 100) throw badRequest('q must be 1 to 100 characters of a tag name.');
    return reply.send({ names: await tagNamesLike(db, text, 10) });
  });

  // POST /admin/tags/merge  (ids=<id>… into=<slug or name>)
  app.post('/tags/merge', { config: { access: 'taxonomy.manage' } }, async (request, reply) => {
    const f = fieldsOf(request.body);
    try {
      const raw = f.ids === undefined ? [] : Array.isArray(f.ids) ? f.ids : [f.ids];
      if (raw.length > MERGE_MAX + 1) throw new TaxonomyError('TAG_INVALID', `At most ${MERGE_MAX} tags can be merged at once.`);
      const ids = raw.map(asId);
      if (ids.some((x) => x === undefined)) throw new TaxonomyError('TAG_INVALID', 'Tick the tags to merge in the list.');
      const change = await mergeTagsInto(db, ids as number[], typeof f.into === 'string' ? f.into : '', actorOf(request), c.now());
      return done(reply, change, `/admin/tags/${change.id}`, 'tag-merged');
    } catch (err) {
      if (!(err instanceof TaxonomyError)) throw err;
      return tagsPage(request, reply, echo(f.into, 200), err.message, statusOf(err));
    }
  });

  // GET /admin/tags/:id
  app.get('/tags/:id', { config: { access: 'taxonomy.manage' } }, async (request, reply) => tagPage(request, reply, pathId(request, 'tag')));

  // POST /admin/tags/:id: rename or change slug (old URL 301).
  app.post('/tags/:id', { config: { access: 'taxonomy.manage' } }, async (request, reply) => {
    const id = pathId(request, 'tag');
    const f = fieldsOf(request.body);
    try {
      const name = single(f, 'name', 'The name');
      const slug = single(f, 'slug', 'The slug');
      const description = single(f, 'description', 'The description');
      const change = await renameTag(
        db,
        id,
        { name: name ?? '', slug: slug ?? '', ...(description !== undefined ? { description } : {}), ...namesOf(f) },
        actorOf(request),
        c.now(),
      );
      return done(reply, change, `/admin/tags/${id}`, 'tag-updated');
    } catch (err) {
      if (!(err instanceof TaxonomyError)) throw err;
      if (err.code === 'TAG_NOT_FOUND') throw err;
      return tagPage(
        request,
        reply,
        id,
        { name: echo(f.name), slug: echo(f.slug), description: echo(f.description, 2000), ...namesEcho(f) },
        err.message,
        statusOf(err),
      );
    }
  });

  // POST /admin/tags/:id/delete: articles lose it; its URL answers 404.
  app.post('/tags/:id/delete', { config: { access: 'taxonomy.manage' } }, async (request, reply) => {
    const id = pathId(request, 'tag');
    return done(reply, await deleteTag(db, id, actorOf(request), c.now()), '/admin/tags', 'tag-deleted');
  });
}
