/**
 * @module web/admin/articles/articles.routes
 * /admin/articles: list with filters, create, edit (optimistic concurrency on updated_at), the
 * status moves (submit for review, schedule, publish, unpublish, trash, restore) and the preview.
 * /admin/pages is the same editor registered a second time for static pages (`PAGE_KIND`): the
 * list is the page tree, the form has a parent page and an order instead of sections, tags and
 * bylines, and every route needs pages.manage.
 * The routes read the form, call the article-editing use cases (modules/article/
 * article-editing.service: roles checked there, one transaction each with its revision and audit
 * rows), purge what the use case names and queue the related-list refresh, all before answering.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { POST_FORMATS, type PostStatus, type PostType } from '../../../db/schema.js';
import type { Action } from '../../../modules/user/permissions.js';
import { ArticleError, slugify, STATUS_LABELS, validateArticle, type ArticleInput } from '../../../modules/article/article.js';
import { ArticleConflictError } from '../../../modules/article/article.service.js';
import {
  articleForEditing,
  articleHistory,
  clearMissingImagesOfArticle,
  editOptions,
  listArticlesForAdmin,
  listPagesForAdmin,
  loadPageTree,
  moveArticle,
  restoreRevision,
  saveArticle,
  SAVE_INTENTS,
  type AdminListFilter,
  type ArticleWrite,
  type SaveIntent,
} from '../../../modules/article/article-editing.service.js';
import type { ArticleDocument } from '../../../modules/article/document.js';
import { documentToText } from '../../../modules/article/document-text.js';
import type { SiteContext } from '../../site/site-context.js';
import { previewHtml } from '../../site/preview.routes.js';
import { sendHtml } from '../../html.js';
import { notFound } from '../../errors.js';
import { pageOf } from '../../../lib/ids.js';
import { editorScript } from '../shell/script-bundle.js';
import { signedIn } from '../shell/auth.js';
import type { Access } from '../shell/access.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { type Fields, fieldsOf, idOf, pathId } from '../shell/forms.js';
import { dateVM, localInputValue } from '../shell/presenters.js';
import { readLocalTime } from '../../../modules/site/site.js';
import { articleFormVM, articlesVM, pagesVM, parentOptions, peopleText, type FormState } from './articles.presenter.js';
import { parsePeopleLines, type PersonLine } from '../../../modules/person/person.js';
import { MAX_BYLINES } from './articles.view-models.js';
import { renderArticleForm, renderArticles, renderRevisions } from './articles.view.js';
import { renderPages } from './pages.view.js';
import { articleImages } from './article-images.js';
import { bodyOf } from './body-field.js';
import { EDIT_ARTICLE, EDIT_PAGE, editableOf, type Editable } from './editable.js';
import { autosaveContent, editorialFor, editorialRoutes } from './editorial/editorial.js';

export interface ArticleDeps {
  site: SiteContext;
  /** Queues a post's related-list refresh (jobs/related-refresh RelatedRefresher). */
  related?: { enqueue(postId: number): void };
}

const STATUSES: readonly PostStatus[] = ['draft', 'pending', 'scheduled', 'published', 'trash'];

/** What the editor works on: articles at /admin/articles, static pages at /admin/pages. */
export interface ContentKind {
  type: PostType;
  /** The path under /admin. */
  base: '/articles' | '/pages';
  noun: 'article' | 'page';
  /** The list, the new form and the trash buttons. */
  access: Action;
  /** A route on one of them. */
  edit: { config: { access: Access } };
}

export const ARTICLE_KIND: ContentKind = { type: 'post', base: '/articles', noun: 'article', access: 'post.create', edit: EDIT_ARTICLE };
export const PAGE_KIND: ContentKind = { type: 'page', base: '/pages', noun: 'page', access: 'pages.manage', edit: EDIT_PAGE };

/** A field that must be one string (or absent → ''); anything else is a 400 for that field. */
function one(f: Fields, name: string, max: number, errors: Record<string, string>, label: string, errKey = name): string {
  const v = f[name];
  if (v === undefined) return '';
  if (typeof v !== 'string') {
    errors[errKey] = `${label} was sent more than once or in an unexpected form.`;
    return '';
  }
  if (v.length > max) {
    errors[errKey] = `${label} is longer than ${max.toLocaleString('en')} characters.`;
    return '';
  }
  return v;
}

function many(f: Fields, name: string, max: number): string[] | undefined {
  const v = f[name];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  if (list.length > max || !list.every((x) => typeof x === 'string' && x.length <= 20)) return undefined;
  return list as string[];
}

interface Parsed {
  input: Omit<ArticleInput, 'tagIds'>;
  tagNames: string[];
  /** Absent when the form had no people fields (a page, an older form): the people stay as they are. */
  people?: { subject: PersonLine[]; quoted: PersonLine[] };
  intent: SaveIntent;
  publishAt?: string;
  updatedAt: string;
  /** The form as posted, to refill it. */
  state: FormState;
  errors: Record<string, string>;
}

/** Reads and checks the posted form; field errors instead of exceptions. No I/O. */
function parseForm(raw: unknown, kind: ContentKind, timeZone: string): Parsed {
  const f = fieldsOf(raw);
  const errors: Record<string, string> = {};
  const isPage = kind.type === 'page';
  const title = one(f, 'title', 500, errors, isPage ? 'The title' : 'The headline');
  let slug = one(f, 'slug', 190, errors, 'The slug').trim();
  const excerpt = one(f, 'excerpt', 2000, errors, 'The standfirst');
  const format = one(f, 'body_format', 10, errors, 'The body format', 'body');
  const bodyJson = one(f, 'body_json', 1_000_000, errors, 'The body', 'body');
  const bodyText = one(f, 'body_text', 500_000, errors, 'The body', 'body');
  const language = one(f, 'language', 35, errors, 'The language').trim() || 'en';
  const primaryRaw = one(f, 'primary_category', 12, errors, 'The primary section');
  const tagsRaw = one(f, 'tags', 2000, errors, 'The tags');
  const hasPeople = !isPage && (f.people_about !== undefined || f.people_quoted !== undefined);
  const aboutRaw = one(f, 'people_about', 10_000, errors, 'The people it is about', 'people_about');
  const quotedRaw = one(f, 'people_quoted', 10_000, errors, 'The people it quotes', 'people_quoted');
  const mediaRaw = one(f, 'featured_media_id', 12, errors, 'The featured image').trim();
  const seoTitle = one(f, 'seo_title', 200, errors, 'The SEO title');
  const seoDescription = one(f, 'seo_description', 500, errors, 'The SEO description');
  const commentStatus = one(f, 'comment_status', 10, errors, 'Comments') || (isPage ? 'closed' : 'open');
  const postFormat = isPage ? '' : one(f, 'post_format', 20, errors, 'The format');
  const parentRaw = isPage ? one(f, 'parent_id', 12, errors, 'The parent page').trim() : '';
  const orderRaw = isPage ? one(f, 'menu_order', 12, errors, 'The order').trim() : '';
  const intentRaw = one(f, 'intent', 20, errors, 'The action', 'title') || 'save';
  const publishAtRaw = one(f, 'publish_at', 40, errors, 'The publication time');
  const updatedAt = one(f, 'updated_at', 40, errors, 'The version', 'title');
  const categories = many(f, 'category', 50);
  const authors = many(f, 'author', MAX_BYLINES);
  if (!categories) errors.categories = 'The sections could not be read.';
  if (!authors) errors.authors = 'The authors could not be read.';

  if (!title.trim() && errors.title === undefined) errors.title = isPage ? 'Enter a title.' : 'Enter a headline.';
  const parentId = parentRaw ? idOf(parentRaw) : null;
  if (parentId === undefined) errors.parent_id = 'Choose the parent page from the list.';
  const menuOrder = orderRaw === '' ? 0 : /^-?\d{1,6}$/.test(orderRaw) ? Number(orderRaw) : undefined;
  if (menuOrder === undefined && errors.menu_order === undefined)
    errors.menu_order = 'The order is a whole number between -999999 and 999999, such as 0 or 10.';
  if (!slug) slug = slugify(title);
  const read = bodyOf(format, bodyJson, bodyText);
  const body: ArticleDocument = read.body ?? { type: 'doc', content: [] };
  if (read.error !== undefined) errors.body = read.error;
  const categoryIds: number[] = [];
  for (const c of categories ?? []) {
    const id = idOf(c);
    if (id === undefined) errors.categories = 'Choose sections from the list.';
    else categoryIds.push(id);
  }
  const authorIds: number[] = [];
  for (const a of authors ?? []) {
    if (a === '') continue;
    const id = idOf(a);
    if (id === undefined) errors.authors = 'Choose authors from the list.';
    else authorIds.push(id);
  }
  const primary = primaryRaw ? idOf(primaryRaw) : null;
  if (primary === undefined) errors.primary_category = 'Choose the primary section from the list.';
  const media = mediaRaw ? idOf(mediaRaw) : null;
  if (media === undefined) errors.featured_media_id = 'The featured image is the number of an image in the media library.';
  if (commentStatus !== 'open' && commentStatus !== 'closed') errors.comment_status = 'Comments are open or closed.';
  const knownFormat = POST_FORMATS.find((x) => x === postFormat);
  if (postFormat !== '' && !knownFormat) errors.post_format = 'Choose a format from the list.';
  if (!(SAVE_INTENTS as readonly string[]).includes(intentRaw)) errors.title ??= 'Choose one of the buttons to save.';
  const intent = intentRaw as SaveIntent;
  const tagNames = tagsRaw
    .split(',')
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  if (tagNames.length > 30) errors.tags = 'Use at most 30 tags.';
  else if (tagNames.some((t) => t.length > 100 || !slugify(t))) errors.tags = 'Each tag is at most 100 characters and has a letter or digit.';
  const about = parsePeopleLines(aboutRaw, 'About');
  const quoted = parsePeopleLines(quotedRaw, 'Quoted');
  if (about.error) errors.people_about ??= about.error;
  if (quoted.error) errors.people_quoted ??= quoted.error;
  let publishAt: string | undefined;
  if (intent === 'schedule') {
    const read = readLocalTime(publishAtRaw, timeZone, 'the publication date and time');
    if ('error' in read) errors.publish_at = read.error;
    else publishAt = read.instant.toISOString();
  }
  const input: Omit<ArticleInput, 'tagIds'> = {
    type: kind.type,
    slug,
    title,
    excerpt,
    body,
    language,
    categoryIds,
    primaryCategoryId: primary ?? null,
    authorIds,
    featuredMediaId: media ?? null,
    commentStatus: commentStatus === 'closed' ? 'closed' : 'open',
    ...(knownFormat ? { format: knownFormat } : {}),
    seoTitle,
    seoDescription,
    ...(isPage ? { parentId: parentId ?? null, menuOrder: menuOrder ?? 0 } : {}),
  };
  if (errors.slug === undefined && errors.title === undefined) {
    try {
      validateArticle({ ...input, title: title || 'x' });
    } catch (err) {
      if (!(err instanceof ArticleError)) throw err;
      const m = err.message;
      if (m.includes('slug')) errors.slug = m;
      else if (m.includes('language')) errors.language = m;
      else errors.title = m;
    }
  }
  const state: FormState = {
    values: {
      title: title.slice(0, 500),
      slug: f.slug === undefined || typeof f.slug !== 'string' ? '' : f.slug.slice(0, 190),
      excerpt,
      body_text: bodyText,
      // Without JavaScript the textarea is the body: the document read from it (what the editor would show), or nothing when it could not be read.
      body_json: format === 'json' ? bodyJson : errors.body === undefined ? JSON.stringify(body) : '',
      language,
      primary_category: primaryRaw,
      tags: tagsRaw,
      people_about: aboutRaw,
      people_quoted: quotedRaw,
      featured_media_id: mediaRaw,
      seo_title: seoTitle,
      seo_description: seoDescription,
      comment_status: commentStatus,
      post_format: postFormat,
      publish_at: publishAtRaw,
      updated_at: updatedAt,
      parent_id: parentRaw,
      menu_order: orderRaw,
    },
    categoryIds: categoryIds.map(String),
    authorIds: authorIds.map(String),
  };
  return {
    input,
    tagNames,
    ...(hasPeople ? { people: { subject: about.lines, quoted: quoted.lines } } : {}),
    intent,
    ...(publishAt ? { publishAt } : {}),
    updatedAt,
    state,
    errors,
  };
}

/** Back to the edit page after a write, saying how many images on another site it took out. */
const savedUrl = (kind: ContentKind, id: number, w: ArticleWrite): string =>
  `/admin${kind.base}/${id}?saved=1${w.removedImages?.length ? `&removed=${w.removedImages.length}` : ''}`;

function savedNotice(q: Record<string, unknown>): string | undefined {
  if (typeof q.saved !== 'string') return undefined;
  const n = Number(q.removed);
  if (!Number.isInteger(n) || n < 1 || n > 1000) return 'Saved.';
  return `Saved. ${n === 1 ? 'An image on another site was' : `${n} images on other sites were`} taken out of the text: readers would not see ${n === 1 ? 'it' : 'them'}. See “Images to upload” below.`;
}

/** /admin/articles, with the editorial panels' routes. */
export async function articlesRoutes(app: FastifyInstance, c: AdminContext, deps: ArticleDeps): Promise<void> {
  await editorRoutes(app, c, deps, ARTICLE_KIND);
  await editorialRoutes(app, c, { site: deps.site });
}

/** /admin/pages: the same editor for static pages. */
export async function pagesRoutes(app: FastifyInstance, c: AdminContext, deps: ArticleDeps): Promise<void> {
  await editorRoutes(app, c, deps, PAGE_KIND);
}

async function editorRoutes(app: FastifyInstance, c: AdminContext, deps: ArticleDeps, kind: ContentKind): Promise<void> {
  const db = c.db;
  const isPage = kind.type === 'page';
  const base = kind.base;
  const idParam = (request: FastifyRequest): number => pathId(request, kind.noun);
  const editorOf = (request: FastifyRequest) => ({ user: signedIn(request).user, ip: request.ip });

  /** After a committed write, before the answer: purge what it named, queue the related list. */
  const afterWrite = async (w: ArticleWrite): Promise<void> => {
    await app.pageCache.purge(w.purge);
    deps.related?.enqueue(w.id);
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: {
      id?: number;
      state: FormState;
      errors: Record<string, string>;
      problem?: string;
      status?: PostStatus;
      publicSlug?: string;
      own: boolean;
      restoring?: { at: string };
    },
    code = 200,
  ) => {
    const { user } = signedIn(request);
    const csrf = csrfFor(reply);
    const [options, pages] = await Promise.all([editOptions(db), isPage ? loadPageTree(db) : undefined]);
    const editorial =
      o.id !== undefined && !isPage
        ? await editorialFor(c, {
            id: o.id,
            user,
            status: o.status ?? 'draft',
            mine: o.own,
            updatedAt: o.state.values.updated_at ?? '',
            ...(o.restoring ? { restoring: o.restoring } : {}),
            livePage: pageOf((request.query as Record<string, unknown>).live) ?? 1,
          })
        : undefined;
    const title = `${o.id === undefined ? 'New' : 'Edit'} ${kind.noun}`;
    const layout = pageLayout(c, request, csrf, title, savedNotice(request.query as Record<string, unknown>), { siteTypefaces: true });
    const images = await articleImages(db, o.state.values.body_json ?? '', o.state.values.featured_media_id ?? '', o.id);
    return sendHtml(
      reply,
      renderArticleForm(
        articleFormVM({
          layout,
          csrf,
          user,
          options,
          editorScript: editorScript.url,
          kind: kind.noun,
          ...o,
          ...images,
          ...(editorial ? { editorial } : {}),
          ...(pages ? { parents: parentOptions(pages, o.id), publicPath: o.id !== undefined ? pages.pathOf(o.id) : undefined } : {}),
        }),
      ),
      code,
    );
  };

  const stateOf = (a: Editable['found']): FormState => {
    const body = JSON.parse(a.post.body_doc) as ArticleDocument;
    const p = a.post;
    return {
      values: {
        title: p.title,
        slug: p.slug,
        excerpt: p.excerpt,
        body_text: documentToText(body),
        body_json: p.body_doc,
        language: p.language,
        primary_category: p.primary_category_id !== null ? String(p.primary_category_id) : '',
        tags: a.tags.map((t) => t.name).join(', '),
        people_about: peopleText(a.people, 'subject'),
        people_quoted: peopleText(a.people, 'quoted'),
        featured_media_id: p.featured_media_id !== null ? String(p.featured_media_id) : '',
        seo_title: p.seo_title,
        seo_description: p.seo_description,
        comment_status: p.comment_status,
        post_format: p.format,
        publish_at: p.published_at ? localInputValue(p.published_at, c.site.dates.timeZone) : '',
        updated_at: p.updated_at,
        parent_id: p.parent_id !== null ? String(p.parent_id) : '',
        menu_order: String(p.menu_order),
      },
      categoryIds: a.categoryIds.map(String),
      authorIds: a.authorIds.map(String),
    };
  };

  const CONFLICT = `Someone else saved this ${kind.noun} after you opened it, so your changes were not saved. Your version is below: copy what you need, then open the ${kind.noun} again to see theirs.`;

  /**
   * Runs a save; a refusal the editor can fix comes back as the form with its messages (400 for
   * fields, 409 for a conflict or a slug taken at the same moment), anything else is thrown.
   */
  const trySave = async (
    run: () => Promise<ArticleWrite>,
    form: (errors: Record<string, string>, problem?: string) => Parameters<typeof renderForm>[2],
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    try {
      return await run();
    } catch (err) {
      if (err instanceof ArticleConflictError) return renderForm(request, reply, form({}, CONFLICT), 409);
      if (err instanceof ArticleError && err.code === 'ARTICLE_SLUG_TAKEN') return renderForm(request, reply, form({ slug: err.message }), 409);
      if (err instanceof ArticleError && err.code === 'ARTICLE_INVALID' && err.fields) return renderForm(request, reply, form({ ...err.fields }), 400);
      throw err;
    }
  };

  // GET /admin/pages?status=: every page, parents before their children.
  if (isPage)
    app.get(base, { config: { access: kind.access } }, async (request, reply) => {
      const { user } = signedIn(request);
      const query = request.query as Record<string, unknown>;
      const raw = typeof query.status === 'string' ? query.status : '';
      const status = (STATUSES as readonly string[]).includes(raw) ? (raw as PostStatus) : undefined;
      const list = await listPagesForAdmin(db, user, status);
      const csrf = csrfFor(reply);
      const layout = pageLayout(c, request, csrf, 'Pages', query.notice === 'trashed' ? 'Moved to the trash.' : undefined);
      return sendHtml(reply, renderPages(pagesVM(layout, list, status ?? '')));
    });

  // GET /admin/articles?status=&author=&category=&language=&q=&page=
  if (!isPage)
    app.get('/articles', { config: { access: 'post.create' } }, async (request, reply) => {
      const { user } = signedIn(request);
      const query = request.query as Record<string, unknown>;
      const s = (k: string) => (typeof query[k] === 'string' ? (query[k] as string).slice(0, 200) : '');
      const status = (STATUSES as readonly string[]).includes(s('status')) ? (s('status') as PostStatus) : undefined;
      const filter: AdminListFilter = {
        ...(status ? { status } : {}),
        ...(idOf(s('author')) !== undefined ? { authorId: idOf(s('author'))! } : {}),
        ...(idOf(s('category')) !== undefined ? { categoryId: idOf(s('category'))! } : {}),
        ...(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(s('language')) ? { language: s('language') } : {}),
        ...(s('q').trim() ? { q: s('q').trim() } : {}),
      };
      const page = pageOf(s('page')) ?? 1;
      const [list, options] = await Promise.all([listArticlesForAdmin(db, user, filter, page), editOptions(db)]);
      const csrf = csrfFor(reply);
      const layout = pageLayout(
        c,
        request,
        csrf,
        'Articles',
        typeof query.notice === 'string' && query.notice === 'trashed' ? 'Moved to the trash.' : undefined,
      );
      return sendHtml(
        reply,
        renderArticles(
          articlesVM(
            layout,
            user,
            list,
            options,
            filter,
            { status: s('status'), author: s('author'), category: s('category'), language: s('language'), q: s('q') },
            page,
          ),
        ),
      );
    });

  // GET /admin/articles/new, /admin/pages/new (?parent=ID: under that page)
  app.get(`${base}/new`, { config: { access: kind.access } }, async (request, reply) => {
    const parent = isPage ? idOf((request.query as Record<string, unknown>).parent) : undefined;
    const values: Record<string, string> = isPage ? { comment_status: 'closed', ...(parent !== undefined ? { parent_id: String(parent) } : {}) } : {};
    return renderForm(request, reply, { state: { values, categoryIds: [], authorIds: [] }, errors: {}, status: 'draft', own: true });
  });

  // POST /admin/articles, /admin/pages: create.
  app.post(base, { config: { access: kind.access } }, async (request, reply) => {
    const p = parseForm(request.body, kind, c.site.dates.timeZone);
    const form = (errors: Record<string, string>, problem?: string) => ({
      state: p.state,
      errors,
      status: 'draft' as const,
      own: true,
      ...(problem ? { problem } : {}),
    });
    if (Object.keys(p.errors).length) return renderForm(request, reply, form(p.errors), 400);
    const saved = await trySave(
      () =>
        saveArticle(
          db,
          {
            input: p.input,
            tagNames: p.tagNames,
            ...(p.people ? { people: p.people } : {}),
            intent: p.intent,
            ...(p.publishAt ? { publishAt: p.publishAt } : {}),
          },
          editorOf(request),
          c.now(),
        ),
      form,
      request,
      reply,
    );
    if (!('purge' in saved)) return saved;
    await afterWrite(saved);
    return reply.redirect(savedUrl(kind, saved.id, saved), 303);
  });

  // POST /admin/articles/draft, /admin/pages/draft: the new form as autosave sends it (editor/autosave.ts)
  // at the first pause once it has a headline. The draft is created as "Save draft" would create it;
  // the answer (JSON) is where the page goes on: its edit address, autosave address and version.
  app.post(`${base}/draft`, { config: { access: kind.access } }, async (request, reply) => {
    const p = parseForm(request.body, kind, c.site.dates.timeZone);
    if (p.intent !== 'save') p.errors.title ??= 'A draft is created with “Save draft”.';
    if (Object.keys(p.errors).length) throw new ArticleError('ARTICLE_INVALID', 'The draft could not be created.', p.errors);
    const saved = await saveArticle(
      db,
      { input: p.input, tagNames: p.tagNames, ...(p.people ? { people: p.people } : {}), intent: 'save' },
      editorOf(request),
      c.now(),
    );
    await afterWrite(saved);
    const { article } = await articleForEditing(db, signedIn(request).user, saved.id, kind.type);
    const edit = `/admin${base}/${saved.id}`;
    return reply.code(201).send({
      id: saved.id,
      editUrl: edit,
      ...(isPage ? {} : { autosaveUrl: `${edit}/autosave` }),
      updatedAt: article.post.updated_at,
      savedAt: c.now().toISOString(),
    });
  });

  // GET /admin/articles/:id, /admin/pages/:id
  app.get(`${base}/:id`, kind.edit, async (request, reply) => {
    const { user, id, found, mine } = editableOf(request);
    const state = stateOf(found);
    // ?autosave=1: the form filled with the user's autosave (saved only when they save it).
    const auto = !isPage && (request.query as Record<string, unknown>).autosave === '1' ? await autosaveContent(c, id, user.id) : undefined;
    if (auto) {
      const body = JSON.parse(auto.bodyDoc) as ArticleDocument;
      Object.assign(state.values, { title: auto.title, excerpt: auto.excerpt, body_json: auto.bodyDoc, body_text: documentToText(body) });
    }
    return renderForm(request, reply, {
      id,
      state,
      errors: {},
      status: found.post.status,
      publicSlug: found.post.slug,
      own: mine,
      ...(auto ? { restoring: { at: auto.at } } : {}),
    });
  });

  // POST /admin/articles/:id, /admin/pages/:id: save (with intent=save|submit|schedule|publish|unpublish).
  app.post(`${base}/:id`, kind.edit, async (request, reply) => {
    const { id, found, mine } = editableOf(request);
    const p = parseForm(request.body, kind, c.site.dates.timeZone);
    const form = (errors: Record<string, string>, problem?: string) => ({
      id,
      state: p.state,
      errors,
      status: found.post.status,
      publicSlug: found.post.slug,
      own: mine,
      ...(problem ? { problem } : {}),
    });
    if (!p.updatedAt) p.errors.title ??= `The form is missing the version it was loaded at; reload the ${kind.noun} and try again.`;
    if (Object.keys(p.errors).length) return renderForm(request, reply, form(p.errors), 400);
    const saved = await trySave(
      () =>
        saveArticle(
          db,
          {
            id,
            input: p.input,
            tagNames: p.tagNames,
            ...(p.people ? { people: p.people } : {}),
            intent: p.intent,
            expectedUpdatedAt: p.updatedAt,
            ...(p.publishAt ? { publishAt: p.publishAt } : {}),
          },
          editorOf(request),
          c.now(),
        ),
      form,
      request,
      reply,
    );
    if (!('purge' in saved)) return saved;
    await afterWrite(saved);
    return reply.redirect(savedUrl(kind, id, saved), 303);
  });

  // POST /admin/articles/:id/missing-images/clear: the list of images to upload is done with.
  if (!isPage)
    app.post('/articles/:id/missing-images/clear', EDIT_ARTICLE, async (request, reply) => {
      const { id } = editableOf(request);
      await clearMissingImagesOfArticle(db, id, editorOf(request), c.now());
      return reply.redirect(`/admin/articles/${id}`, 303);
    });

  const move = (path: string, to: 'trash' | 'restore', notice: string) => {
    app.post(path, { config: { access: kind.access } }, async (request, reply) => {
      await afterWrite(await moveArticle(db, idParam(request), to, editorOf(request), c.now(), kind.type));
      return reply.redirect(notice, 303);
    });
  };
  // POST /admin/articles/:id/trash, /admin/pages/:id/trash
  move(`${base}/:id/trash`, 'trash', `/admin${base}?notice=trashed`);
  // POST /admin/articles/:id/restore, /admin/pages/:id/restore: back as a draft.
  move(`${base}/:id/restore`, 'restore', `/admin${base}?status=draft`);

  // GET /admin/articles/:id/revisions, /admin/pages/:id/revisions
  app.get(`${base}/:id/revisions`, kind.edit, async (request, reply) => {
    const { id, found } = editableOf(request);
    const rows = await articleHistory(db, id);
    const csrf = csrfFor(reply);
    const layout = pageLayout(c, request, csrf, `Revisions: ${found.post.title}`.slice(0, 200));
    return sendHtml(
      reply,
      renderRevisions({
        layout,
        csrf,
        editUrl: `/admin${base}/${id}`,
        noun: kind.noun,
        revisions: rows.map((r, i) => ({
          id: r.id,
          at: dateVM(r.created_at, c.site.dates.timeZone),
          who: r.user_label || '—',
          statusLabel: STATUS_LABELS[r.status],
          title: r.title,
          current: i === 0,
          restoreUrl: `/admin${base}/${id}/revisions/${r.id}/restore`,
          // Comparing is one of the articles' editorial panels (editorial/compare.routes).
          ...(isPage ? {} : { compareCurrentUrl: `/admin/articles/${id}/revisions/${r.id}/compare?with=current` }),
          ...(i < rows.length - 1 && !isPage ? { comparePreviousUrl: `/admin/articles/${id}/revisions/${r.id}/compare?with=previous` } : {}),
        })),
      }),
    );
  });

  // POST /admin/articles/:id/revisions/:rid/restore (and pages): the content comes back; the status stays.
  app.post(`${base}/:id/revisions/:rid/restore`, kind.edit, async (request, reply) => {
    const { id } = editableOf(request);
    const rid = idOf((request.params as { rid?: string }).rid);
    if (rid === undefined) throw notFound(`There is no such revision of this ${kind.noun}.`);
    const restored = await restoreRevision(db, id, rid, editorOf(request), c.now(), kind.type);
    await afterWrite(restored);
    return reply.redirect(savedUrl(kind, id, restored), 303);
  });

  // GET /admin/articles/:id/preview, /admin/pages/:id/preview: the real template, any status; never cached.
  app.get(`${base}/:id/preview`, kind.edit, async (request, reply) => {
    const { id } = editableOf(request);
    const html = await previewHtml(db, deps.site, id, { trash: true });
    if (html === undefined) throw notFound(`There is no such ${kind.noun}.`);
    return sendHtml(reply, html);
  });
}
