/**
 * @module web/admin/articles-editorial
 * The newsroom tools around a saved article, under /admin/articles/:id/…: public corrections and
 * update notes, private preview links, translation links, the revision comparison and the
 * editor's autosave. Same role rules as the article form: whoever may edit the article may use
 * them, and changing what readers see of a published article needs the right to publish it.
 * Every write that changes a public page purges its cache tags before responding.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PostStatus } from '../../db/schema.js';
import type { ArticleDocument } from '../../modules/article/document.js';
import { tag } from '../../modules/content/cache-tags.js';
import { CORRECTION_MAX, CorrectionError, validateCorrection } from '../../modules/correction/correction.js';
import { correctionsForPost, deleteCorrection, findCorrection, insertCorrection, updateCorrection } from '../../modules/correction/correction.repository.js';
import { PREVIEW_DAYS } from '../../modules/preview/preview.js';
import { previewLinksForPost, revokePreviewLink } from '../../modules/preview/preview.repository.js';
import { createPreviewLink } from '../../modules/preview/preview.service.js';
import { compareVersions } from '../../modules/revision/revision-diff.js';
import { deleteAutosaves, findAutosave, findRevision, previousRevision } from '../../modules/revision/revision.repository.js';
import { recordAutosave } from '../../modules/revision/revision.service.js';
import { linkTranslation, translationCandidates, translationsFor, TranslationError, unlinkTranslation } from '../../modules/translation/translation.service.js';
import { canOn } from '../../modules/user/permissions.js';
import type { User } from '../../modules/user/user.js';
import { purgePosts } from '../cache.js';
import { HttpError, notFound } from '../errors.js';
import type { SiteContext } from '../site/site-context.js';
import { DocumentError, documentFromText, parseDocumentJson } from './articles-document.js';
import * as q from './articles-queries.js';
import type { EditorialVM } from './articles-view-models.js';
import { forbidden, signedIn } from './auth.js';
import { csrfFor, pageLayout, sendPage, type AdminContext } from './context.js';
import { fieldsOf } from './forms.js';
import { dateVM } from './presenters.js';
import { renderCompare, renderCorrectionForm, renderPreviewCreated, renderTranslations } from './views/editorial.js';

const ID = /^[1-9]\d{0,9}$/;
const optId = (raw: unknown): number | undefined => (typeof raw === 'string' && ID.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : undefined);
const KIND_LABELS = { correction: 'Correction', update: 'Update' } as const;
const hhmm = (iso: string): string => `${iso.slice(11, 16)} UTC`;

/** The article of `:id` and the signed-in user's rights on it; 404 / 403 otherwise. */
async function editable(c: AdminContext, request: FastifyRequest) {
  const { user } = signedIn(request);
  const id = optId((request.params as { id?: string }).id);
  if (id === undefined) throw notFound('There is no such article.');
  const found = await q.findArticle(c.db, id);
  if (!found) throw notFound('There is no such article.');
  const mine = await q.ownsArticle(c.db, id, user.id);
  if (!canOn(user.role, 'post.edit', { own: mine })) throw forbidden('post.edit.any', user);
  const mayPublish = canOn(user.role, 'post.publish', { own: mine });
  return { user, id, post: found.post, mine, mayPublish };
}

/** What the panels under the edit form show, for this user and article. */
export async function editorialFor(c: AdminContext, o: { id: number; user: User; status: PostStatus; mine: boolean; updatedAt: string; restoring?: { at: string } }): Promise<EditorialVM> {
  const { db } = c;
  const now = c.now();
  const base = `/admin/articles/${o.id}`;
  const [notes, links, translations, autosave] = await Promise.all([
    o.status === 'published' ? correctionsForPost(db, o.id) : Promise.resolve([]),
    o.status !== 'published' ? previewLinksForPost(db, o.id) : Promise.resolve([]),
    translationsFor(db, o.id),
    findAutosave(db, o.id, o.user.id),
  ]);
  const stateOf = (l: (typeof links)[number]) => (l.revoked_at !== null ? 'revoked' : Date.parse(l.expires_at) <= now.getTime() ? 'expired' : 'active') as 'active' | 'expired' | 'revoked';
  return {
    id: o.id,
    ...(o.status === 'published' ? {
      corrections: {
        addUrl: `${base}/corrections`,
        canAdd: canOn(o.user.role, 'post.publish', { own: o.mine }),
        notes: notes.slice().reverse().map((n) => ({
          id: n.id, kindLabel: KIND_LABELS[n.kind], at: dateVM(n.created_at), text: n.body,
          editUrl: `${base}/corrections/${n.id}`, deleteUrl: `${base}/corrections/${n.id}/delete`,
        })),
      },
    } : {}),
    ...(o.status !== 'published' ? {
      preview: {
        createUrl: `${base}/preview-links`,
        days: [...PREVIEW_DAYS],
        links: links.map((l) => {
          const state = stateOf(l);
          return {
            id: l.id, created: dateVM(l.created_at), expires: dateVM(l.expires_at), state,
            stateLabel: state === 'active' ? 'Active' : state === 'expired' ? 'Expired' : 'Revoked',
            ...(state === 'active' ? { revokeUrl: `${base}/preview-links/${l.id}/revoke` } : {}),
          };
        }),
      },
    } : {}),
    translations: {
      manageUrl: `${base}/translations`,
      linked: translations.map((t) => ({ id: t.id, title: t.title, language: t.language, editUrl: `/admin/articles/${t.id}` })),
    },
    autosaveUrl: `${base}/autosave`,
    ...(autosave && !o.restoring && Date.parse(autosave.created_at) > Date.parse(o.updatedAt) ? {
      autosave: { at: dateVM(autosave.created_at), time: hhmm(autosave.created_at), restoreUrl: `${base}?autosave=1`, dismissUrl: `${base}/autosave/dismiss` },
    } : {}),
    ...(o.restoring ? { restoring: { at: dateVM(o.restoring.at), time: hhmm(o.restoring.at) } } : {}),
  };
}

export async function editorialRoutes(app: FastifyInstance, c: AdminContext, deps: { site: SiteContext }): Promise<void> {
  const db = c.db;
  const purge = (ids: number[], extra: string[] = []) => purgePosts(app.pageCache, db, ids, extra);

  // ---- Corrections ----------------------------------------------------------------------------

  const mayCorrect = async (request: FastifyRequest) => {
    const e = await editable(c, request);
    if (!e.mayPublish) throw forbidden(e.mine ? 'post.publish.own' : 'post.publish.any', e.user);
    if (e.post.status !== 'published') throw new HttpError(409, 'ARTICLE_NOT_PUBLISHED', 'Corrections and updates are for published articles; edit the draft instead.');
    return e;
  };

  const correctionForm = (request: FastifyRequest, reply: FastifyReply, o: { id: number; title: string; action: string; values: { kind: string; body: string }; errors: Record<string, string> }, code = 200) => {
    const csrf = csrfFor(reply);
    const heading = o.action.endsWith('/corrections') ? 'Add a correction or update' : 'Edit a correction or update';
    return sendPage(reply, renderCorrectionForm({
      layout: pageLayout(c, request, csrf, heading), csrf, action: o.action, articleTitle: o.title, editUrl: `/admin/articles/${o.id}`,
      values: o.values, errors: o.errors, maxLength: CORRECTION_MAX,
    }), code);
  };

  /** Field errors for a posted note, or its checked value. */
  const readNote = (body: unknown) => {
    const f = fieldsOf(body);
    const values = { kind: typeof f.kind === 'string' ? f.kind.slice(0, 20) : '', body: typeof f.body === 'string' ? f.body.slice(0, CORRECTION_MAX * 2) : '' };
    try {
      return { values, input: validateCorrection(f.kind, f.body), errors: {} as Record<string, string> };
    } catch (err) {
      if (!(err instanceof CorrectionError)) throw err;
      return { values, input: undefined, errors: { [err.field]: err.message } };
    }
  };

  // POST /admin/articles/:id/corrections: add a note (published articles; publishers only).
  app.post('/articles/:id/corrections', async (request, reply) => {
    const { id, post, user } = await mayCorrect(request);
    const note = readNote(request.body);
    if (!note.input) return correctionForm(request, reply, { id, title: post.title, action: `/admin/articles/${id}/corrections`, values: note.values, errors: note.errors }, 400);
    await insertCorrection(db, id, note.input, user.id, c.now());
    await purge([id], [tag.corrections]);
    return reply.redirect(`/admin/articles/${id}?saved=1#corrections`, 303);
  });

  const noteOf = async (request: FastifyRequest, id: number) => {
    const cid = optId((request.params as { cid?: string }).cid);
    const note = cid !== undefined ? await findCorrection(db, id, cid) : undefined;
    if (!note) throw notFound('There is no such correction on this article.');
    return note;
  };

  // GET /admin/articles/:id/corrections/:cid: the edit form of one note.
  app.get('/articles/:id/corrections/:cid', async (request, reply) => {
    const { id, post } = await mayCorrect(request);
    const note = await noteOf(request, id);
    return correctionForm(request, reply, { id, title: post.title, action: `/admin/articles/${id}/corrections/${note.id}`, values: { kind: note.kind, body: note.body }, errors: {} });
  });

  // POST /admin/articles/:id/corrections/:cid: change its kind or text (it keeps its time).
  app.post('/articles/:id/corrections/:cid', async (request, reply) => {
    const { id, post } = await mayCorrect(request);
    const existing = await noteOf(request, id);
    const note = readNote(request.body);
    if (!note.input) return correctionForm(request, reply, { id, title: post.title, action: `/admin/articles/${id}/corrections/${existing.id}`, values: note.values, errors: note.errors }, 400);
    await updateCorrection(db, id, existing.id, note.input, c.now());
    await purge([id], [tag.corrections]);
    return reply.redirect(`/admin/articles/${id}?saved=1#corrections`, 303);
  });

  // POST /admin/articles/:id/corrections/:cid/delete
  app.post('/articles/:id/corrections/:cid/delete', async (request, reply) => {
    const { id } = await mayCorrect(request);
    const note = await noteOf(request, id);
    await deleteCorrection(db, id, note.id);
    await purge([id], [tag.corrections]);
    return reply.redirect(`/admin/articles/${id}?saved=1#corrections`, 303);
  });

  // ---- Preview links --------------------------------------------------------------------------

  // POST /admin/articles/:id/preview-links (days=1|7): a new link, shown once.
  app.post('/articles/:id/preview-links', async (request, reply) => {
    const { id, post, user } = await editable(c, request);
    if (post.status === 'published') throw new HttpError(409, 'ARTICLE_PUBLISHED', 'The article is published: share its public address instead.');
    if (post.status === 'trash') throw new HttpError(409, 'ARTICLE_TRASHED', 'The article is in the trash; restore it first.');
    const raw = fieldsOf(request.body).days;
    const days = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!PREVIEW_DAYS.includes(days)) throw new HttpError(400, 'PREVIEW_INVALID', `Choose how long the link works: ${PREVIEW_DAYS.join(' or ')} days.`);
    const link = await createPreviewLink(db, id, days, user.id, c.now());
    const csrf = csrfFor(reply);
    return sendPage(reply, renderPreviewCreated({
      layout: pageLayout(c, request, csrf, 'Preview link created'),
      url: `${deps.site.siteUrl}/preview/${link.token}/`, expires: dateVM(link.expiresAt.toISOString()), editUrl: `/admin/articles/${id}`,
    }), 201);
  });

  // POST /admin/articles/:id/preview-links/:lid/revoke
  app.post('/articles/:id/preview-links/:lid/revoke', async (request, reply) => {
    const { id } = await editable(c, request);
    const lid = optId((request.params as { lid?: string }).lid);
    if (lid === undefined || !(await revokePreviewLink(db, id, lid, c.now()))) throw notFound('There is no such active preview link for this article.');
    return reply.redirect(`/admin/articles/${id}?saved=1#preview-links`, 303);
  });

  // ---- Translations ---------------------------------------------------------------------------

  const translationsPage = async (request: FastifyRequest, reply: FastifyReply, e: Awaited<ReturnType<typeof editable>>, o: { q: string; target: string; errors: Record<string, string> }, code = 200) => {
    const csrf = csrfFor(reply);
    const base = `/admin/articles/${e.id}`;
    const [linked, results] = await Promise.all([translationsFor(db, e.id), o.q.trim() ? translationCandidates(db, e.id, o.q) : Promise.resolve([])]);
    return sendPage(reply, renderTranslations({
      layout: pageLayout(c, request, csrf, `Translations: ${e.post.title}`.slice(0, 200)), csrf, editUrl: base, title: e.post.title, language: e.post.language,
      linked: linked.map((t) => ({ id: t.id, title: t.title, language: t.language, editUrl: `/admin/articles/${t.id}`, unlinkUrl: `${base}/translations/unlink` })),
      linkUrl: `${base}/translations`, searchUrl: `${base}/translations`, q: o.q, target: o.target,
      results: results.map((r) => ({ id: r.id, title: r.title, language: r.language, status: r.status })), errors: o.errors,
    }), code);
  };

  // GET /admin/articles/:id/translations?q=: the linked versions, and a search to link more.
  app.get('/articles/:id/translations', async (request, reply) => {
    const e = await editable(c, request);
    const raw = (request.query as Record<string, unknown>).q;
    return translationsPage(request, reply, e, { q: typeof raw === 'string' ? raw.slice(0, 200) : '', target: '', errors: {} });
  });

  /** The other article: must exist and be editable by this user too (its page changes as well). */
  const otherArticle = async (user: User, raw: unknown): Promise<number | { error: string }> => {
    const target = optId(typeof raw === 'string' ? raw.trim() : raw);
    if (target === undefined) return { error: 'Enter the number (ID) of the other article, or pick it from the search.' };
    const found = await q.findArticle(db, target);
    if (!found) return { error: `There is no article ${target}.` };
    const mine = await q.ownsArticle(db, target, user.id);
    if (!canOn(user.role, 'post.edit', { own: mine })) return { error: `Your role does not allow you to edit article ${target}, so you cannot link it.` };
    if ((found.post.status === 'published' || found.post.status === 'scheduled') && !canOn(user.role, 'post.publish', { own: mine })) {
      return { error: `Article ${target} is published; your role does not allow you to change it.` };
    }
    return target;
  };

  const linkMove = (path: string, act: typeof linkTranslation) => {
    app.post(path, async (request, reply) => {
      const e = await editable(c, request);
      if ((e.post.status === 'published' || e.post.status === 'scheduled') && !e.mayPublish) throw forbidden(e.mine ? 'post.publish.own' : 'post.publish.any', e.user);
      const raw = fieldsOf(request.body).target;
      const shown = typeof raw === 'string' ? raw.slice(0, 20) : '';
      const target = await otherArticle(e.user, raw);
      if (typeof target !== 'number') return translationsPage(request, reply, e, { q: '', target: shown, errors: { target: target.error } }, 400);
      let ids: number[];
      try {
        ids = await act(db, e.id, target);
      } catch (err) {
        if (!(err instanceof TranslationError)) throw err;
        return translationsPage(request, reply, e, { q: '', target: shown, errors: { target: err.message } }, err.code === 'TRANSLATION_NOT_FOUND' ? 404 : 400);
      }
      await purge(ids);
      return reply.redirect(`/admin/articles/${e.id}/translations`, 303);
    });
  };
  // POST /admin/articles/:id/translations (target=ID): link.
  linkMove('/articles/:id/translations', linkTranslation);
  // POST /admin/articles/:id/translations/unlink (target=ID)
  linkMove('/articles/:id/translations/unlink', unlinkTranslation);

  // ---- Revision comparison --------------------------------------------------------------------

  // GET /admin/articles/:id/revisions/:rid/compare?with=current|previous
  app.get('/articles/:id/revisions/:rid/compare', async (request, reply) => {
    const { id, post } = await editable(c, request);
    const rid = optId((request.params as { rid?: string }).rid);
    const rev = rid !== undefined ? await findRevision(db, id, rid) : undefined;
    if (!rev) throw notFound('There is no such revision of this article.');
    const withRaw = (request.query as Record<string, unknown>).with;
    const mode = withRaw === 'previous' ? 'previous' : 'current';
    const docOf = (json: string) => JSON.parse(json) as ArticleDocument;
    const revLabel = (at: string) => `Revision of ${dateVM(at).label}`;
    let fields;
    let oldLabel: string;
    let newLabel: string;
    if (mode === 'previous') {
      const prev = await previousRevision(db, id, rev.id);
      if (!prev) throw notFound('This is the first revision; there is nothing before it to compare with.');
      fields = compareVersions({ title: prev.title, excerpt: prev.excerpt, body: docOf(prev.body_doc) }, { title: rev.title, excerpt: rev.excerpt, body: docOf(rev.body_doc) });
      oldLabel = revLabel(prev.created_at);
      newLabel = revLabel(rev.created_at);
    } else {
      fields = compareVersions({ title: rev.title, excerpt: rev.excerpt, body: docOf(rev.body_doc) }, { title: post.title, excerpt: post.excerpt, body: docOf(post.body_doc) });
      oldLabel = revLabel(rev.created_at);
      newLabel = 'Current version';
    }
    const LABELS = { title: 'Headline', excerpt: 'Standfirst', body: 'Body' } as const;
    const csrf = csrfFor(reply);
    const base = `/admin/articles/${id}/revisions/${rev.id}/compare`;
    return sendPage(reply, renderCompare({
      layout: pageLayout(c, request, csrf, `Compare: ${post.title}`.slice(0, 200)), revisionsUrl: `/admin/articles/${id}/revisions`, oldLabel, newLabel,
      fields: fields.map((f) => ({ label: LABELS[f.field], changed: f.changed, old: f.old, new: f.new })),
      switchUrl: mode === 'current' ? `${base}?with=previous` : `${base}?with=current`,
      switchLabel: mode === 'current' ? 'Compare with the save before it instead' : 'Compare with the current version instead',
    }));
  });

  // ---- Autosave -------------------------------------------------------------------------------

  // POST /admin/articles/:id/autosave (JSON { title, excerpt, body_json, updated_at }; CSRF token
  // in the csrf-token header). Keeps the user's unsaved content as an autosave revision; the
  // article itself never changes here, whatever its status. 409 when someone saved meanwhile.
  app.post('/articles/:id/autosave', async (request, reply) => {
    const fail = (code: number, err: string, message: string) => reply.code(code).send({ error: { code: err, message } });
    const e = await editable(c, request);
    if ((e.post.status === 'published' || e.post.status === 'scheduled') && !e.mayPublish) return fail(403, 'FORBIDDEN', 'Your role does not allow you to change this article.');
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'BAD_REQUEST', 'Send the autosave as a JSON object.');
    const f = body as Record<string, unknown>;
    const str = (k: string, max: number): string | undefined => (typeof f[k] === 'string' && (f[k] as string).length <= max ? (f[k] as string) : undefined);
    const title = str('title', 500);
    const excerpt = str('excerpt', 2000);
    const bodyJson = str('body_json', 1_000_000);
    const updatedAt = str('updated_at', 40);
    if (title === undefined || excerpt === undefined || bodyJson === undefined || updatedAt === undefined) {
      return fail(400, 'BAD_REQUEST', 'The autosave needs title, excerpt, body_json and updated_at as strings within their length limits.');
    }
    const bodyText = str('body_text', 500_000) ?? '';
    let doc: ArticleDocument;
    try {
      // The rich editor sends its document; without it, the plain textarea's paragraphs.
      doc = bodyJson ? parseDocumentJson(bodyJson) : documentFromText(bodyText);
    } catch (err) {
      if (!(err instanceof DocumentError)) throw err;
      return fail(400, 'BAD_REQUEST', err.message);
    }
    if (updatedAt !== e.post.updated_at) {
      return fail(409, 'ARTICLE_CONFLICT', 'Someone else saved this article after you opened it. Your changes are not saved: copy what you need, then reload the article.');
    }
    const now = c.now();
    await recordAutosave(db, e.id, { id: e.user.id, label: e.user.name }, { title, excerpt, body: doc }, now);
    return reply.send({ ok: true, savedAt: now.toISOString() });
  });

  // POST /admin/articles/:id/autosave/dismiss: forget the user's autosave.
  app.post('/articles/:id/autosave/dismiss', async (request, reply) => {
    const { id, user } = await editable(c, request);
    await deleteAutosaves(db, id, user.id);
    return reply.redirect(`/admin/articles/${id}`, 303);
  });
}

/** The user's autosave to load into the form instead of the saved content (?autosave=1). */
export async function autosaveContent(c: AdminContext, id: number, userId: number): Promise<{ title: string; excerpt: string; bodyDoc: string; at: string } | undefined> {
  const a = await findAutosave(c.db, id, userId);
  return a ? { title: a.title, excerpt: a.excerpt, bodyDoc: a.body_doc, at: a.created_at } : undefined;
}

