/**
 * @module web/admin/authors/authors.routes
 * Author profiles.
 *   GET  /admin/account              (signed in) your own profile and account
 *   POST /admin/account              saves your profile (made now if you have never written)
 *   POST /admin/account/password     changes your password (the current one first); other sessions end
 *   GET  /admin/authors              (authors.manage) every author, with and without a login
 *   POST /admin/authors              adds a guest author
 *   GET  /admin/authors/{id}         one author's profile
 *   POST /admin/authors/{id}         saves it
 *   POST /admin/authors/{id}/delete  deletes a guest author without articles
 * Authors and contributors reach only their own profile: /admin/account finds it by their user id.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthorRow } from '../../../db/schema.js';
import { AuthorError, parseProfileForm } from '../../../modules/author/author.js';
import { articleCountOfAuthor, authorsForAdmin, findAuthorById, findAuthorOfUser, loginOfAuthor } from '../../../modules/author/author.repository.js';
import { createGuestAuthor, deleteGuestAuthor, saveAuthorProfile, saveOwnProfile } from '../../../modules/author/author.service.js';
import { findMediaByIds } from '../../../modules/media/media.repository.js';
import { can, ROLE_LABELS } from '../../../modules/user/permissions.js';
import type { FieldErrors } from '../../../modules/user/user.js';
import { changeOwnPassword } from '../../../modules/user/user.service.js';
import { notFound } from '../../errors.js';
import { sendHtml } from '../../html.js';
import { actorOf, signedIn } from '../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { fieldsOf, pathId } from '../shell/forms.js';
import { noticeLookup } from '../shell/presenters.js';
import { mediaScript } from '../shell/script-bundle.js';
import type { FormVM } from '../shell/view-models.js';
import { authorItemVM, loginLabel, postedProfile, profileFormVM, profileValues, TITLE_LANGUAGES } from './authors.presenter.js';
import { renderAccount, renderAuthorEdit, renderAuthors } from './authors.view.js';

const notice = noticeLookup({
  saved: 'Profile saved. Your bylines and author page show it now.',
  'password-changed': 'Password changed. Every other device where you were logged in has been logged out.',
  'author-saved': 'Profile saved. The bylines and author page show it now.',
  'author-added': 'Guest author added: give them a bio and a photo, then choose them as an author in the article form.',
  'author-deleted': 'Guest author deleted.',
});

const noticeOf = (request: FastifyRequest) => notice((request.query as Record<string, unknown>).notice);

/** The photo named by the form, if it is in the library. */
async function photoOf(c: AdminContext, values: Record<string, string>) {
  const id = Number(values.photoId);
  if (!Number.isInteger(id) || id <= 0) return undefined;
  return (await findMediaByIds(c.db, [id])).get(id);
}

export async function authorsRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const canUpload = (request: FastifyRequest) => can(signedIn(request).user.role, 'media.upload');

  const accountPage = async (request: FastifyRequest, reply: FastifyReply, form?: FormVM, status = 200, passwordErrors: FieldErrors = {}) => {
    const { user } = signedIn(request);
    const csrf = csrfFor(reply);
    const own = await findAuthorOfUser(c.db, user.id);
    const values = form?.values ?? (own ? profileValues(own) : { name: user.name });
    return sendHtml(
      reply,
      renderAccount({
        layout: pageLayout(c, request, csrf, 'Your profile', noticeOf(request)),
        csrf,
        profile: profileFormVM(
          {
            action: '/admin/account',
            values,
            errors: form?.errors ?? {},
            photo: await photoOf(c, values),
            canUpload: canUpload(request),
            slug: own?.slug,
            siteLanguage: c.site.siteLanguage,
          },
          'Save your profile',
        ),
        account: { name: user.name, email: user.email, roleLabel: ROLE_LABELS[user.role] },
        password: { errors: passwordErrors as Record<string, string> },
        canManageAuthors: can(user.role, 'authors.manage'),
        script: mediaScript.url,
      }),
      status,
    );
  };

  app.get('/account', { config: { access: 'signed-in' } }, async (request, reply) => accountPage(request, reply));

  app.post('/account', { config: { access: 'signed-in' } }, async (request, reply) => {
    const { user } = signedIn(request);
    const values = postedProfile(fieldsOf(request.body));
    const { profile, errors } = parseProfileForm(values, TITLE_LANGUAGES);
    if (!profile) return accountPage(request, reply, { values, errors }, 400);
    try {
      const { purge } = await saveOwnProfile(c.db, user, profile, actorOf(request), c.now());
      if (purge.length) app.pageCache.purge(purge);
    } catch (err) {
      if (err instanceof AuthorError && err.code === 'AUTHOR_INVALID') return accountPage(request, reply, { values, errors: { ...err.fields } }, 400);
      throw err;
    }
    return reply.redirect('/admin/account?notice=saved', 303);
  });

  app.post('/account/password', { config: { access: 'signed-in' } }, async (request, reply) => {
    const auth = signedIn(request);
    const f = fieldsOf(request.body);
    const result = await changeOwnPassword(
      c.db,
      auth.user,
      { current: f.current, password: f.password, confirm: f.confirm },
      { ip: request.ip, sessionId: auth.sessionId },
      c.auth(),
    );
    if (result.ok) return reply.redirect('/admin/account?notice=password-changed', 303);
    if (result.retryMinutes !== undefined) reply.header('retry-after', String(result.retryMinutes * 60));
    return accountPage(request, reply, undefined, result.retryMinutes !== undefined ? 429 : 400, result.errors);
  });

  const listPage = async (request: FastifyRequest, reply: FastifyReply, create: FormVM = { values: {}, errors: {} }, status = 200) => {
    const csrf = csrfFor(reply);
    const rows = await authorsForAdmin(c.db);
    const media = await findMediaByIds(
      c.db,
      rows.map((r) => r.avatar_media_id).filter((x): x is number => x !== null),
    );
    return sendHtml(
      reply,
      renderAuthors({ layout: pageLayout(c, request, csrf, 'Authors', noticeOf(request)), csrf, authors: rows.map((r) => authorItemVM(r, media)), create }),
      status,
    );
  };

  app.get('/authors', { config: { access: 'authors.manage' } }, async (request, reply) => listPage(request, reply));

  app.post('/authors', { config: { access: 'authors.manage' } }, async (request, reply) => {
    const posted = postedProfile(fieldsOf(request.body));
    const values = { name: posted.name!, title: posted.title! };
    const { profile, errors } = parseProfileForm(values, TITLE_LANGUAGES);
    if (!profile) return listPage(request, reply, { values, errors }, 400);
    const { id, purge } = await createGuestAuthor(c.db, profile, actorOf(request), c.now());
    if (purge.length) app.pageCache.purge(purge);
    return reply.redirect(`/admin/authors/${id}?notice=author-added`, 303);
  });

  const editPage = async (request: FastifyRequest, reply: FastifyReply, row: AuthorRow, form?: FormVM, status = 200) => {
    const csrf = csrfFor(reply);
    const values = form?.values ?? profileValues(row);
    const [articles, account] = await Promise.all([articleCountOfAuthor(c.db, row.id), loginOfAuthor(c.db, row)]);
    const login = account ? loginLabel(account.email, account.role) : undefined;
    return sendHtml(
      reply,
      renderAuthorEdit({
        layout: pageLayout(c, request, csrf, `Author: ${row.name}`, noticeOf(request)),
        csrf,
        profile: profileFormVM(
          {
            action: `/admin/authors/${row.id}`,
            values,
            errors: form?.errors ?? {},
            photo: await photoOf(c, values),
            canUpload: canUpload(request),
            slug: row.slug,
            siteLanguage: c.site.siteLanguage,
          },
          'Save the profile',
        ),
        ...(login ? { login: `Writes with a login: ${login}.` } : {}),
        articles,
        articlesUrl: `/admin/articles?author=${row.id}`,
        delete:
          row.user_id !== null
            ? { reason: 'This profile belongs to a user account, so it cannot be deleted on its own; an owner can disable the account at Users.' }
            : articles > 0
              ? {
                  reason: `${row.name} is on the byline of ${articles} article${articles === 1 ? '' : 's'} (drafts and the trash included): give them another author first.`,
                }
              : { url: `/admin/authors/${row.id}/delete` },
        script: mediaScript.url,
      }),
      status,
    );
  };

  const authorOf = async (request: FastifyRequest): Promise<AuthorRow> => {
    const row = await findAuthorById(c.db, pathId(request, 'author'));
    if (!row) throw notFound('There is no such author; they may have been deleted.');
    return row;
  };

  app.get('/authors/:id', { config: { access: 'authors.manage' } }, async (request, reply) => editPage(request, reply, await authorOf(request)));

  app.post('/authors/:id', { config: { access: 'authors.manage' } }, async (request, reply) => {
    const row = await authorOf(request);
    const values = postedProfile(fieldsOf(request.body));
    const { profile, errors } = parseProfileForm(values, TITLE_LANGUAGES);
    if (!profile) return editPage(request, reply, row, { values, errors }, 400);
    try {
      const { purge } = await saveAuthorProfile(c.db, row.id, profile, actorOf(request), c.now());
      if (purge.length) app.pageCache.purge(purge);
    } catch (err) {
      if (err instanceof AuthorError && err.code === 'AUTHOR_INVALID') return editPage(request, reply, row, { values, errors: { ...err.fields } }, 400);
      throw err;
    }
    return reply.redirect(`/admin/authors/${row.id}?notice=author-saved`, 303);
  });

  app.post('/authors/:id/delete', { config: { access: 'authors.manage' } }, async (request, reply) => {
    const row = await authorOf(request);
    const { purge } = await deleteGuestAuthor(c.db, row.id, actorOf(request), c.now());
    if (purge.length) app.pageCache.purge(purge);
    return reply.redirect('/admin/authors?notice=author-deleted', 303);
  });
}
