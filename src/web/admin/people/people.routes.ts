/**
 * @module web/admin/people/people.routes
 * People in the news, for editors (people.manage) and, for adding one while writing, everyone
 * who writes.
 *   GET  /admin/people?q=&page=          everyone by name (the name however typed), 50 a page, the add form
 *   POST /admin/people                   adds a person (name, description) and opens their screen
 *   GET  /admin/people/lookup?q=         (post.create) JSON: up to 10 people whose name starts a word with q
 *   POST /admin/people/quick             (people.create) adds one from the article editor: JSON, or 303 to `next`
 *   GET  /admin/people/{id}              their fields, the articles naming them, merge and delete
 *   POST /admin/people/{id}              saves the fields (a new address keeps a 301 from the old)
 *   GET  /admin/people/{id}/merge?into=|intoId=   what a merge would do, to confirm
 *   POST /admin/people/{id}/merge        merges them into `into`; 303 to who stays
 *   GET  /admin/people/{id}/delete       what a deletion would do, to confirm
 *   POST /admin/people/{id}/delete       deletes them; 303 to the list
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PersonRow } from '../../../db/schema.js';
import { SLUG_PATTERN } from '../../../modules/article/article.js';
import { findMediaByIds } from '../../../modules/media/media.repository.js';
import { nameKey, parsePersonForm, PersonError, type PersonProfile } from '../../../modules/person/person.js';
import { articlesOfPerson, findPersonById, peopleForAdmin, peopleMatching, peopleSharingAWord } from '../../../modules/person/person.repository.js';
import { createPerson, deletePerson, mergePeople, personPath, savePerson } from '../../../modules/person/person.service.js';
import { findRedirect } from '../../../modules/redirect/redirect.repository.js';
import { can } from '../../../modules/user/permissions.js';
import { pageOf } from '../../../lib/ids.js';
import { badRequest, notFound } from '../../errors.js';
import { sendHtml } from '../../html.js';
import { actorOf, safeNext, signedIn } from '../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { fieldsOf, idOf, pathId } from '../shell/forms.js';
import { noticeLookup, thumbOf } from '../shell/presenters.js';
import { mediaScript } from '../shell/script-bundle.js';
import type { FormVM } from '../shell/view-models.js';
import { articlesLabel, mergeSideVM, personArticleVM, personItemVM, personOption, personValues, postedFields, slugOf } from './people.presenter.js';
import { renderDeleteConfirm, renderMergeConfirm, renderPeople, renderPersonEdit, renderQuickAdd } from './people.view.js';

export const PEOPLE_PER_PAGE = 50;
const LOOKUP_MAX = 10;
const ARTICLES_SHOWN = 100;
const MERGE_CANDIDATES = 30;
const PROFILE_FIELDS = ['name', 'description', 'photoId', 'links', 'note', 'slug'] as const;

const notice = noticeLookup({
  'person-added': 'Person added. Give them a photo and links if you have them; writers can now name them in articles.',
  'person-saved': 'Saved. Their page and the articles naming them show it now.',
  'person-deleted': 'Person deleted. The articles no longer link to them; quotations and captions keep their words.',
});

const query = (request: FastifyRequest) => request.query as Record<string, unknown>;

/** JSON with the admin's no-store policy (set by the admin plugin's onSend). */
const sendJson = (reply: FastifyReply, body: unknown, status = 200) => reply.code(status).type('application/json; charset=utf-8').send(body);

/** A form post from a browser without JavaScript (its Accept names HTML); fetch() asks for JSON or anything. */
const wantsHtml = (request: FastifyRequest): boolean => /\btext\/html\b/.test(request.headers.accept ?? '');

export async function peopleRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const canUpload = (request: FastifyRequest) => can(signedIn(request).user.role, 'media.upload');

  const personOf = async (request: FastifyRequest): Promise<PersonRow> => {
    const row = await findPersonById(c.db, pathId(request, 'person'));
    if (!row) throw notFound('There is no such person; they may have been deleted or merged into another.');
    return row;
  };

  // GET /admin/people?q=&page=
  const listPage = async (request: FastifyRequest, reply: FastifyReply, create: FormVM = { values: {}, errors: {} }, status = 200) => {
    const qs = query(request);
    const q = typeof qs.q === 'string' ? qs.q.trim().slice(0, 200) : '';
    const page = qs.page === undefined ? 1 : pageOf(qs.page);
    if (page === undefined) throw badRequest('The page parameter must be a whole number from 1.');
    const key = nameKey(q);
    // A search of only punctuation matches nobody (rather than everybody).
    const { rows, total } =
      q && !key
        ? { rows: [], total: 0 }
        : await peopleForAdmin(c.db, { ...(key ? { q: key } : {}), limit: PEOPLE_PER_PAGE, offset: (page - 1) * PEOPLE_PER_PAGE });
    const totalPages = Math.max(1, Math.ceil(total / PEOPLE_PER_PAGE));
    if (page > totalPages) throw notFound('There is no such page of the list of people.');
    const media = await findMediaByIds(
      c.db,
      rows.map((r) => r.photo_media_id).filter((x): x is number => x !== null),
    );
    const url = (n: number) =>
      `/admin/people?${new URLSearchParams({ ...(q ? { q } : {}), ...(n > 1 ? { page: String(n) } : {}) }).toString()}`.replace(/\?$/, '');
    const csrf = csrfFor(reply);
    const count = `${total.toLocaleString('en')} ${total === 1 ? 'person' : 'people'}`;
    return sendHtml(
      reply,
      renderPeople({
        layout: pageLayout(c, request, csrf, page > 1 ? `People – page ${page}` : 'People', notice(qs.notice)),
        csrf,
        q,
        caption: q ? `${count} ${total === 1 ? 'matches' : 'match'} “${q}”` : count,
        people: rows.map((r) => personItemVM(r, media)),
        page,
        totalPages,
        ...(page > 1 ? { prevUrl: url(page - 1) } : {}),
        ...(page < totalPages ? { nextUrl: url(page + 1) } : {}),
        create,
      }),
      status,
    );
  };

  app.get('/people', { config: { access: 'people.manage' } }, async (request, reply) => listPage(request, reply));

  /** Name and description as posted, checked; the other fields start empty. */
  const parseAdd = (body: unknown): { profile?: PersonProfile; values: Record<string, string>; errors: Record<string, string> } => {
    const posted = postedFields(fieldsOf(body), ['name', 'description']);
    const { profile, errors } = parsePersonForm({ name: posted.raw.name, description: posted.raw.description });
    const all = { ...errors, ...posted.errors };
    return { ...(profile && !Object.keys(all).length ? { profile } : {}), values: posted.values, errors: all };
  };

  // POST /admin/people  (name, description)
  app.post('/people', { config: { access: 'people.manage' } }, async (request, reply) => {
    const { profile, values, errors } = parseAdd(request.body);
    if (!profile) return listPage(request, reply, { values, errors }, 400);
    const { id, purge } = await createPerson(c.db, profile, actorOf(request), c.now());
    if (purge.length) app.pageCache.purge(purge);
    return reply.redirect(`/admin/people/${id}?notice=person-added`, 303);
  });

  // GET /admin/people/lookup?q=  → [{ id, name, description, slug, thumb? }]
  app.get('/people/lookup', { config: { access: 'post.create' } }, async (request, reply) => {
    const q = query(request).q;
    const key = typeof q === 'string' ? nameKey(q.slice(0, 200)) : '';
    const rows = await peopleMatching(c.db, key, LOOKUP_MAX);
    const media = await findMediaByIds(
      c.db,
      rows.map((r) => r.photo_media_id).filter((x): x is number => x !== null),
    );
    return sendJson(
      reply,
      rows.map((r) => {
        const photo = r.photo_media_id !== null ? media.get(r.photo_media_id) : undefined;
        return { id: r.id, name: r.name, description: r.description, slug: r.slug, ...(photo ? { thumb: thumbOf(photo).src } : {}) };
      }),
    );
  });

  // POST /admin/people/quick  (name, description[, next]): JSON 201 / 400, or, from a form, 303 to next
  app.post('/people/quick', { config: { access: 'people.create' } }, async (request, reply) => {
    const html = wantsHtml(request);
    const rawNext = fieldsOf(request.body).next;
    const next = safeNext(rawNext);
    const { profile, values, errors } = parseAdd(request.body);
    if (!profile) {
      const message = 'The person was not added: check the name and description.';
      if (!html) return sendJson(reply, { error: message, fields: errors }, 400);
      const csrf = csrfFor(reply);
      return sendHtml(
        reply,
        renderQuickAdd({
          layout: pageLayout(c, request, csrf, 'Add a person'),
          csrf,
          form: { values, errors },
          ...(next !== undefined ? { next } : {}),
          backUrl: next ?? '/admin',
        }),
        400,
      );
    }
    const created = await createPerson(c.db, profile, actorOf(request), c.now());
    if (created.purge.length) app.pageCache.purge(created.purge);
    if (html) {
      // Back to where the writer was, told which person was added (so a form without JavaScript can name them).
      const target = next ?? (can(signedIn(request).user.role, 'people.manage') ? `/admin/people/${created.id}` : '/admin/articles');
      return reply.redirect(`${target}${target.includes('?') ? '&' : '?'}addedPerson=${created.id}`, 303);
    }
    return sendJson(reply, { id: created.id, name: profile.name, description: profile.description, slug: created.slug }, 201);
  });

  const editPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    row: PersonRow,
    o: { form?: FormVM; merge?: FormVM; status?: number; notice?: string } = {},
  ) => {
    const csrf = csrfFor(reply);
    const values = o.form?.values ?? personValues(row);
    const photoId = Number(values.photoId);
    const [articles, candidates, photos] = await Promise.all([
      articlesOfPerson(c.db, row.id, ARTICLES_SHOWN),
      peopleSharingAWord(c.db, row.name_key, row.id, MERGE_CANDIDATES),
      Number.isInteger(photoId) && photoId > 0 ? findMediaByIds(c.db, [photoId]) : Promise.resolve(new Map()),
    ]);
    const photo = photos.get(photoId);
    const siteUrl = c.site.siteUrl.replace(/\/+$/, '');
    return sendHtml(
      reply,
      renderPersonEdit({
        layout: pageLayout(c, request, csrf, `Person: ${row.name}`, o.notice ?? notice(query(request).notice)),
        csrf,
        id: row.id,
        name: row.name,
        action: `/admin/people/${row.id}`,
        form: { values, errors: o.form?.errors ?? {} },
        ...(photo ? { photo: { thumb: thumbOf(photo), alt: photo.alt, editUrl: `/admin/media/${photo.id}` } } : {}),
        canUpload: canUpload(request),
        pageUrl: personPath(row.slug),
        slug: row.slug,
        addressPrefix: `${siteUrl}/people/`,
        articles: articles.rows.map(personArticleVM),
        articleTotal: articles.total,
        merge: {
          action: `/admin/people/${row.id}/merge`,
          candidates: candidates.map(personOption),
          values: o.merge?.values ?? {},
          errors: o.merge?.errors ?? {},
        },
        deleteUrl: `/admin/people/${row.id}/delete`,
        script: mediaScript.url,
      }),
      o.status ?? 200,
    );
  };

  // GET /admin/people/{id}
  app.get('/people/:id', { config: { access: 'people.manage' } }, async (request, reply) => {
    const row = await personOf(request);
    const qs = query(request);
    // After a merge: what moved, from the redirect it left (the query carries no free text).
    if (qs.notice === 'merged' && typeof qs.from === 'string' && SLUG_PATTERN.test(qs.from) && typeof qs.moved === 'string' && /^\d{1,7}$/.test(qs.moved)) {
      const left = await findRedirect(c.db, personPath(qs.from));
      if (left?.to_path === personPath(row.slug)) {
        const moved = Number(qs.moved);
        return editPage(request, reply, row, {
          notice: `Merged: ${articlesLabel(moved)} moved here from ${personPath(qs.from)}, which now redirects to ${row.name}’s page.`,
        });
      }
    }
    return editPage(request, reply, row);
  });

  // POST /admin/people/{id}
  app.post('/people/:id', { config: { access: 'people.manage' } }, async (request, reply) => {
    const row = await personOf(request);
    const posted = postedFields(fieldsOf(request.body), PROFILE_FIELDS);
    const { profile, errors } = parsePersonForm(posted.raw);
    const all: Record<string, string> = { ...errors };
    const slug = slugOf(posted.raw.slug ?? '', all);
    Object.assign(all, posted.errors);
    if (!profile || Object.keys(all).length) return editPage(request, reply, row, { form: { values: posted.values, errors: all }, status: 400 });
    try {
      const { purge } = await savePerson(c.db, row.id, { ...profile, ...(slug !== undefined ? { slug } : {}) }, actorOf(request), c.now());
      if (purge.length) app.pageCache.purge(purge);
    } catch (err) {
      if (err instanceof PersonError && err.code === 'PERSON_INVALID')
        return editPage(request, reply, row, { form: { values: posted.values, errors: { ...err.fields } }, status: 400 });
      throw err;
    }
    return reply.redirect(`/admin/people/${row.id}?notice=person-saved`, 303);
  });

  // GET /admin/people/{id}/merge?into=&intoId=
  app.get('/people/:id/merge', { config: { access: 'people.manage' } }, async (request, reply) => {
    const row = await personOf(request);
    const qs = query(request);
    const values = { into: typeof qs.into === 'string' ? qs.into.slice(0, 20) : '', intoId: typeof qs.intoId === 'string' ? qs.intoId.slice(0, 20) : '' };
    const refuse = (field: 'into' | 'intoId', message: string, status = 400) =>
      editPage(request, reply, row, { merge: { values, errors: { [field]: message } }, status });
    const typed = values.intoId.trim();
    const chosen = values.into.trim();
    if (typeof qs.into !== 'string' && qs.into !== undefined) return refuse('into', 'Choose one person who stays.');
    if (typeof qs.intoId !== 'string' && qs.intoId !== undefined) return refuse('intoId', 'Enter one number.');
    if (typed && chosen && typed !== chosen) return refuse('intoId', 'You chose one person in the list and typed the number of another: keep only one.');
    const field = typed ? 'intoId' : 'into';
    if (!typed && !chosen) return refuse(field, 'Choose the person who stays, or enter their number.');
    const intoId = idOf(typed || chosen);
    if (intoId === undefined) return refuse(field, 'Enter the number of a person (the No. column of the list of people).');
    if (intoId === row.id) return refuse(field, `That is ${row.name}: choose another person to merge them into.`);
    const into = await findPersonById(c.db, intoId);
    if (!into) return refuse(field, `There is no person ${intoId}; they may have been deleted or merged already.`, 404);
    const [fromArticles, intoArticles] = await Promise.all([articlesOfPerson(c.db, row.id, 0), articlesOfPerson(c.db, into.id, 0)]);
    const csrf = csrfFor(reply);
    return sendHtml(
      reply,
      renderMergeConfirm({
        layout: pageLayout(c, request, csrf, `Merge ${row.name} into ${into.name}?`),
        csrf,
        from: mergeSideVM(row, fromArticles.total),
        into: mergeSideVM(into, intoArticles.total),
        action: `/admin/people/${row.id}/merge`,
        cancelUrl: `/admin/people/${row.id}`,
      }),
    );
  });

  // POST /admin/people/{id}/merge  (into)
  app.post('/people/:id/merge', { config: { access: 'people.manage' } }, async (request, reply) => {
    const fromId = pathId(request, 'person');
    const intoId = idOf(fieldsOf(request.body).into);
    if (intoId === undefined) throw new PersonError('PERSON_MERGE_INVALID', 'Choose the person who stays on the person’s screen, then confirm the merge.');
    const { purge, from, moved } = await mergePeople(c.db, fromId, intoId, actorOf(request), c.now());
    if (purge.length) app.pageCache.purge(purge);
    return reply.redirect(`/admin/people/${intoId}?${new URLSearchParams({ notice: 'merged', from: from.slug, moved: String(moved) }).toString()}`, 303);
  });

  // GET /admin/people/{id}/delete
  app.get('/people/:id/delete', { config: { access: 'people.manage' } }, async (request, reply) => {
    const row = await personOf(request);
    const { total } = await articlesOfPerson(c.db, row.id, 0);
    const csrf = csrfFor(reply);
    return sendHtml(
      reply,
      renderDeleteConfirm({
        layout: pageLayout(c, request, csrf, `Delete ${row.name}?`),
        csrf,
        name: row.name,
        path: personPath(row.slug),
        articles: total,
        action: `/admin/people/${row.id}/delete`,
        cancelUrl: `/admin/people/${row.id}`,
      }),
    );
  });

  // POST /admin/people/{id}/delete
  app.post('/people/:id/delete', { config: { access: 'people.manage' } }, async (request, reply) => {
    const { purge } = await deletePerson(c.db, pathId(request, 'person'), actorOf(request), c.now());
    if (purge.length) app.pageCache.purge(purge);
    return reply.redirect('/admin/people?notice=person-deleted', 303);
  });
}
