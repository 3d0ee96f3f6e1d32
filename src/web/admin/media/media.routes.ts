/**
 * @module web/admin/media/media.routes
 * /admin/media: the media library (grid, search, pagination), uploads, one image's page (alt text,
 * caption, credit, where it is used, delete) and /admin/media.json for the editor's image picker.
 *
 * Uploads are multipart, parsed by @fastify/multipart registered in this scope only. Our own
 * preValidation hook checks the session and the role *before* reading the body, then reads the
 * parts into `request.body` so the admin's CSRF check (a preHandler) finds the `_csrf` form field
 * (or an `x-csrf-token` header, for the picker's fetch). Files over MEDIA_MAX_MB are refused with
 * 413 while streaming; the type comes from the bytes (modules/media). AVIF versions are made after
 * the response by a small in-process queue.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { MediaRow } from '../../../db/schema.js';
import { AvifQueue } from '../../../modules/media/avif-queue.js';
import type { MediaPlace } from '../../../modules/media/media-store.js';
import { derivativesOf, mediaUrl, validateFocalPoint, validateMediaTexts } from '../../../modules/media/media.js';
import { findMediaById, listMedia } from '../../../modules/media/media.repository.js';
import { auditUpload, deleteMediaAudited, editMediaTexts } from '../../../modules/media/media-audit.js';
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES, MediaError, removeMediaFiles, storeImage } from '../../../modules/media/media.service.js';
import type { ImageGate } from '../../../modules/media/image-gate.js';
import { isUsed, mediaUsage, rerenderPostsUsingMedia } from '../../../modules/media/media-usage.js';
import { can, canOn } from '../../../modules/user/permissions.js';
import type { User } from '../../../modules/user/user.js';
import { ownsArticle } from '../../../modules/article/article-admin.repository.js';
import type { MediaUsage } from '../../../modules/media/media-usage.js';
import { purgePosts } from '../../cache/index.js';
import { HttpError, notFound, toPublicError } from '../../errors.js';
import { actorOf, redirectToLogin, signedIn } from '../shell/auth.js';
import { enforceAccess } from '../shell/access.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { sendHtml } from '../../html.js';
import { fieldsOf, pathId } from '../shell/forms.js';
import { mediaScript } from '../shell/script-bundle.js';
import { filenameOf, mediaItemVM, mediaJson, previewOf, usesVM } from './media.presenter.js';
import type { MediaEditVM, MediaUseVM, UploadFormVM } from './media.view-models.js';
import { dateVM } from '../shell/presenters.js';
import { renderMediaEdit, renderMediaLibrary } from './media.view.js';
import { pageOf } from '../../../lib/ids.js';

export interface MediaDeps {
  /** DATA_DIR/media, served at /media/. */
  mediaRoot: MediaPlace;
  /** MEDIA_MAX_MB. */
  maxMb: number;
  /** Where the AVIF queue is listed for /metrics. */
  queues?: Record<string, { readonly pending: number }>;
  /** The decoding bound uploads run under (tests pass a small one; the process's by default). */
  imageGate?: ImageGate;
}

export const MEDIA_PER_PAGE = 24;

/** What the upload's parts become: the text fields, and the one file. */
interface UploadBody {
  _csrf?: string;
  fields: Record<string, unknown>;
  file?: { filename: string; bytes: Buffer };
}

const wantsJson = (request: FastifyRequest): boolean => (request.headers.accept ?? '').includes('application/json');

const idParam = (request: FastifyRequest): number => pathId(request, 'image');

const TYPE_LABELS: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'image/gif': 'GIF', 'image/avif': 'AVIF' };

/**
 * The articles using an image that this user may not change: editing an image's texts rewrites
 * every article that shows it, so an author may do so only when they may edit (or, published,
 * publish) each of those articles themselves.
 */
async function articlesBeyond(db: AdminContext['db'], usage: MediaUsage, user: User): Promise<MediaUsage['posts']> {
  const refused: MediaUsage['posts'] = [];
  for (const p of usage.posts) {
    const verb = p.status === 'published' || p.status === 'scheduled' ? 'post.publish' : 'post.edit';
    if (can(user.role, `${verb}.any`)) continue;
    if (!canOn(user.role, verb, { own: await ownsArticle(db, p.id, user.id) })) refused.push(p);
  }
  return refused;
}

/** Where an image is used, as this user may see it: other people's unpublished articles go untitled. */
async function usesFor(db: AdminContext['db'], usage: MediaUsage, user: User): Promise<MediaUseVM[]> {
  const uses = usesVM(usage);
  if (can(user.role, 'post.edit.any')) return uses;
  for (const [i, p] of usage.posts.entries()) {
    if (p.status !== 'published' && !(await ownsArticle(db, p.id, user.id)))
      uses[i] = { title: 'An unpublished article', status: uses[i]!.status, where: uses[i]!.where };
  }
  return uses;
}

export async function mediaRoutes(app: FastifyInstance, c: AdminContext, deps: MediaDeps): Promise<void> {
  const db = c.db;
  const maxBytes = Math.floor(deps.maxMb * 1024 * 1024);
  const limits = `${ACCEPTED_TYPES}, up to ${deps.maxMb.toLocaleString('en')} MB`;
  const tooLarge = (): HttpError =>
    new HttpError(
      'MEDIA_TOO_LARGE',
      `The file is larger than ${deps.maxMb.toLocaleString('en')} MB, the most this site accepts. Make it smaller and try again.`,
    );

  /** Purges the pages that show the image, after its row changed. */
  const refreshPages = async (mediaId: number): Promise<void> => {
    const ids = await rerenderPostsUsingMedia(db, mediaId);
    if (ids.length) await purgePosts(app.pageCache, db, ids);
  };
  const avif = new AvifQueue(db, deps.mediaRoot, {
    onDone: refreshPages,
    onError: (err, mediaId) => app.log.error({ err, mediaId }, 'AVIF derivatives failed'),
  });
  app.addHook('onClose', async () => avif.idle());
  if (deps.queues) deps.queues.avif = avif;

  await mediaScript.route(app);

  const uploadVM = (values: Record<string, string> = {}, errors: Record<string, string> = {}): UploadFormVM => ({
    limits,
    accept: ACCEPT_ATTRIBUTE,
    values,
    errors,
  });

  const renderLibrary = async (
    request: FastifyRequest,
    reply: FastifyReply,
    upload?: { values: Record<string, string>; errors: Record<string, string> },
    code = 200,
  ) => {
    const { user } = signedIn(request);
    const query = request.query as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
    const page = pageOf(query.page) ?? 1;
    const { rows, total } = await listMedia(db, { ...(q ? { q } : {}), limit: MEDIA_PER_PAGE, offset: (page - 1) * MEDIA_PER_PAGE });
    const totalPages = Math.max(1, Math.ceil(total / MEDIA_PER_PAGE));
    const url = (p: number) => {
      const s = new URLSearchParams();
      if (q) s.set('q', q);
      if (p > 1) s.set('page', String(p));
      const qs = s.toString();
      return qs ? `/admin/media?${qs}` : '/admin/media';
    };
    const csrf = csrfFor(reply);
    const notice = query.notice === 'deleted' ? 'Image deleted.' : undefined;
    return sendHtml(
      reply,
      renderMediaLibrary({
        layout: pageLayout(c, request, csrf, 'Media library', notice),
        csrf,
        q,
        total,
        page,
        totalPages,
        items: rows.map(mediaItemVM),
        ...(page > 1 ? { prevUrl: url(page - 1) } : {}),
        ...(page < totalPages ? { nextUrl: url(page + 1) } : {}),
        ...(can(user.role, 'media.upload') ? { upload: uploadVM(upload?.values, upload?.errors) } : {}),
        script: mediaScript.url,
      }),
      code,
    );
  };

  const renderEdit = async (
    request: FastifyRequest,
    reply: FastifyReply,
    row: MediaRow,
    o: { values?: MediaEditVM['values']; errors?: Record<string, string>; notice?: string } = {},
    code = 200,
  ) => {
    const { user } = signedIn(request);
    const usage = await mediaUsage(db, row.id);
    const used = isUsed(usage);
    const mayDelete = can(user.role, 'media.delete');
    const csrf = csrfFor(reply);
    const ds = derivativesOf(row);
    const avifPending = row.mime !== 'image/avif' && row.mime !== 'image/gif' && !ds.some((d) => d.format === 'avif') && ds.some((d) => d.format === 'webp');
    // Images stored before AVIF existed (imports, demo content) get theirs once someone looks.
    if (avifPending) avif.enqueue(row.id);
    return sendHtml(
      reply,
      renderMediaEdit({
        layout: pageLayout(c, request, csrf, `Image: ${filenameOf(row)}`.slice(0, 200), o.notice),
        csrf,
        item: mediaItemVM(row),
        preview: previewOf(row),
        originalUrl: mediaUrl(row.path),
        type: TYPE_LABELS[row.mime] ?? row.mime,
        uploaded: dateVM(row.created_at, c.site.dates.timeZone),
        values: o.values ?? {
          alt: row.alt,
          caption: row.caption,
          credit: row.credit,
          focal_x: row.focal_x == null ? '' : String(row.focal_x),
          focal_y: row.focal_y == null ? '' : String(row.focal_y),
        },
        errors: o.errors ?? {},
        script: mediaScript.url,
        canEdit: can(user.role, 'media.upload'),
        action: `/admin/media/${row.id}`,
        uses: await usesFor(db, usage, user),
        ...(mayDelete && !used ? { deleteUrl: `/admin/media/${row.id}/delete` } : {}),
        ...(mayDelete && used ? { deleteBlocked: 'It cannot be deleted while it is used. Remove it from the articles and authors above first.' } : {}),
        avifPending,
      }),
      code,
    );
  };

  // GET /admin/media?q=&page=
  app.get('/media', { config: { access: 'media.library' } }, async (request, reply) => renderLibrary(request, reply));

  // GET /admin/media.json?q=&page=: the picker's search, same auth as the library.
  app.get('/media.json', { config: { access: 'media.library' } }, async (request, reply) => {
    const { user } = signedIn(request);
    const query = request.query as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
    const page = pageOf(query.page) ?? 1;
    const { rows, total } = await listMedia(db, { ...(q ? { q } : {}), limit: MEDIA_PER_PAGE, offset: (page - 1) * MEDIA_PER_PAGE });
    return reply.type('application/json; charset=utf-8').send({
      items: rows.map(mediaJson),
      total,
      page,
      totalPages: Math.max(1, Math.ceil(total / MEDIA_PER_PAGE)),
      canUpload: can(user.role, 'media.upload'),
    });
  });

  // GET /admin/media/:id
  app.get('/media/:id', { config: { access: 'media.library' } }, async (request, reply) => {
    const row = await findMediaById(db, idParam(request));
    if (!row) throw notFound('There is no such image.');
    const query = request.query as Record<string, unknown>;
    const notice = query.uploaded !== undefined ? 'Uploaded.' : query.saved !== undefined ? 'Saved.' : undefined;
    return renderEdit(request, reply, row, notice ? { notice } : {});
  });

  // POST /admin/media/:id: alt text, caption and credit.
  app.post('/media/:id', { config: { access: 'media.upload' } }, async (request, reply) => {
    const row = await findMediaById(db, idParam(request));
    if (!row) throw notFound('There is no such image.');
    const f = fieldsOf(request.body);
    const { texts, errors } = validateMediaTexts({ alt: f.alt ?? '', caption: f.caption ?? '', credit: f.credit ?? '' });
    // The focal point's fields are on the form of this page only; a post without them keeps it.
    const hasFocus = f.focal_x !== undefined || f.focal_y !== undefined;
    const focal = validateFocalPoint(f.focal_x, f.focal_y);
    const allErrors: Record<string, string> = { ...errors, ...(focal.error ? { focal_x: focal.error } : {}) };
    if (Object.keys(allErrors).length) {
      const echo = (v: unknown, max = 2000) => (typeof v === 'string' ? v.slice(0, max) : '');
      return renderEdit(
        request,
        reply,
        row,
        {
          values: { alt: echo(f.alt), caption: echo(f.caption), credit: echo(f.credit), focal_x: echo(f.focal_x, 5), focal_y: echo(f.focal_y, 5) },
          errors: allErrors,
        },
        400,
      );
    }
    const { user } = signedIn(request);
    const usage = await mediaUsage(db, row.id);
    const refused = await articlesBeyond(db, usage, user);
    if (refused.length > 0 || (usage.authors.length > 0 && !can(user.role, 'post.edit.any'))) {
      throw new HttpError('FORBIDDEN', 'This image is shown in articles or profiles your role may not change, so its texts were not changed. Ask an editor.');
    }
    if (!(await editMediaTexts(db, row, texts, actorOf(request), c.now(), hasFocus ? focal.focus : undefined))) throw notFound('There is no such image.');
    await refreshPages(row.id);
    return reply.redirect(`/admin/media/${row.id}?saved=1`, 303);
  });

  // POST /admin/media/:id/delete: refused (409) while an article or author uses the image.
  app.post('/media/:id/delete', { config: { access: 'media.delete' } }, async (request, reply) => {
    const row = await findMediaById(db, idParam(request));
    if (!row) throw notFound('There is no such image.');
    const usage = await mediaUsage(db, row.id);
    if (isUsed(usage)) {
      const names = [
        ...usage.posts.map((p) => `“${p.title}”`),
        ...usage.authors.map((a) => `${a.name}'s profile`),
        ...usage.site.map((s) => `the site's ${s}`),
      ];
      const list = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
      throw new MediaError('MEDIA_IN_USE', `This image is used by ${list}, so it was not deleted. Remove it from there first.`);
    }
    // The row first: if that fails, the files are still there for it. Files without a row are
    // unreachable, so a failed file removal is only logged.
    if (await deleteMediaAudited(db, row, actorOf(request), c.now())) {
      await removeMediaFiles(deps.mediaRoot, row).catch((err: unknown) => request.log.warn({ err, mediaId: row.id }, 'media files not removed'));
    }
    return reply.redirect('/admin/media?notice=deleted', 303);
  });

  // POST /admin/media: the upload (multipart), in a scope of its own with the multipart parser.
  await app.register(async (scope) => {
    // Before the body is read: signed in, the access the route declares (checked again by the
    // plugin before the handler), and a plausible size.
    scope.addHook('preValidation', async (request, reply) => {
      if (!request.adminAuth) return redirectToLogin(request, reply);
      await enforceAccess(c, request);
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > maxBytes + 64 * 1024) throw tooLarge();
      if (!request.isMultipart()) throw new HttpError('MEDIA_INVALID', 'Choose an image file to upload (the form must be sent as multipart/form-data).');
      const body: UploadBody = { fields: {} };
      try {
        for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 8 * 1024, parts: 12 } })) {
          if (part.type === 'file') {
            const bytes = await part.toBuffer();
            if (part.fieldname === 'file' && !body.file) body.file = { filename: part.filename ?? '', bytes };
          } else if (part.valueTruncated) {
            throw new HttpError('MEDIA_INVALID', `The field ${part.fieldname.slice(0, 40)} is too long.`);
          } else if (part.fieldname === '_csrf') {
            body._csrf = typeof part.value === 'string' ? part.value : '';
          } else {
            // A field sent twice becomes an array, which the validators refuse.
            const prev = body.fields[part.fieldname];
            body.fields[part.fieldname] = prev === undefined ? part.value : [prev, part.value];
          }
        }
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        if (code === 'FST_FILES_LIMIT') throw new HttpError('MEDIA_INVALID', 'Upload one file at a time.');
        if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new HttpError('MEDIA_INVALID', 'The upload has more fields than the form sends.');
        throw err;
      }
      request.body = body;
    });
    await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1 } });
    // Picker requests (Accept: application/json) get errors as JSON; pages get the admin's error page.
    scope.setErrorHandler((err, request, reply) => {
      if (!wantsJson(request)) throw err;
      const e = err as { code?: unknown };
      const csrf = e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET';
      const pub = csrf ? { status: 403, code: 'CSRF', message: 'The form has expired; reload the page and try again.', internal: false } : toPublicError(err);
      if (pub.internal) request.log.error({ err }, 'upload failed');
      return reply
        .code(pub.status)
        .type('application/json; charset=utf-8')
        .send({ error: { code: pub.code, message: pub.message } });
    });

    scope.post('/media', { config: { access: 'media.upload' } }, async (request, reply) => {
      const body = request.body as UploadBody;
      const values = Object.fromEntries(
        ['alt', 'caption', 'credit'].map((k) => [k, typeof body.fields[k] === 'string' ? (body.fields[k] as string).slice(0, 2000) : '']),
      );
      const checked = validateMediaTexts({ alt: body.fields.alt ?? '', caption: body.fields.caption ?? '', credit: body.fields.credit ?? '' });
      const texts = checked.texts;
      const errors: Record<string, string> = { ...checked.errors };
      if (!body.file || (body.file.bytes.length === 0 && body.file.filename === '')) errors.file = 'Choose an image file to upload.';
      const failed = (status: number, fieldErrors: Record<string, string>, retryAfter?: number) => {
        if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
        if (wantsJson(request)) {
          const message = Object.values(fieldErrors).join(' ');
          return reply
            .code(status)
            .type('application/json; charset=utf-8')
            .send({ error: { code: status === 415 ? 'MEDIA_UNSUPPORTED_TYPE' : status === 503 ? 'MEDIA_BUSY' : 'MEDIA_INVALID', message } });
        }
        return renderLibrary(request, reply, { values, errors: fieldErrors }, status);
      };
      if (Object.keys(errors).length || !body.file) return failed(400, errors);
      let id: number;
      try {
        id = await storeImage(db, deps.mediaRoot, {
          fileName: body.file.filename,
          bytes: body.file.bytes,
          ...texts,
          unique: true,
          now: c.now(),
          bounded: true,
          ...(deps.imageGate ? { gate: deps.imageGate } : {}),
        });
      } catch (err) {
        if (!(err instanceof MediaError)) throw err;
        const pub = toPublicError(err);
        return failed(pub.status, { file: err.message }, pub.retryAfter);
      }
      avif.enqueue(id);
      const row = await findMediaById(db, id);
      if (row) await auditUpload(db, row, actorOf(request), c.now());
      if (wantsJson(request)) {
        return reply
          .code(201)
          .type('application/json; charset=utf-8')
          .send({ item: row ? mediaJson(row) : { id } });
      }
      return reply.redirect(`/admin/media/${id}?uploaded=1`, 303);
    });
  });
}
