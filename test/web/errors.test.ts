/**
 * The error catalogue: every code has one status (web/errors ERROR_STATUS, typed over every
 * module's code union) and one line in docs/errors.md; domain errors become their status with
 * their message, anything else a 500 that leaks nothing; error pages carry their code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ArticleError } from '../../src/modules/article/article.js';
import { ArticleConflictError } from '../../src/modules/article/article.service.js';
import { DocumentError } from '../../src/modules/article/document-input.js';
import { CorrectionError } from '../../src/modules/correction/correction.js';
import { TranslationError } from '../../src/modules/translation/translation.service.js';
import { UserError } from '../../src/modules/user/user.js';
import { ERROR_STATUS, HttpError, toPublicError } from '../../src/web/errors.js';
import { adminApp, signedIn } from '../helpers/admin.js';
import { freshDb, type TestDb } from '../helpers/db.js';

const DOC = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/errors.md'), 'utf8');

describe('error catalogue', () => {
  it('gives every code a 4xx or 5xx status, and docs/errors.md a line with the same status', () => {
    const documented = new Map([...DOC.matchAll(/^\| `([A-Z_0-9]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]));
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
      expect(documented.get(code), `${code} in docs/errors.md`).toBe(status);
    }
    expect(
      [...documented.keys()].filter((c) => !(c in ERROR_STATUS)),
      'documented codes the table lacks',
    ).toEqual([]);
  });

  it('turns domain errors into their status and message, and anything else into a 500 that says nothing', () => {
    expect(toPublicError(new ArticleConflictError('Changed by someone else.'))).toEqual({
      status: 409,
      code: 'ARTICLE_CONFLICT',
      message: 'Changed by someone else.',
      internal: false,
    });
    expect(toPublicError(new TranslationError('TRANSLATION_INVALID', 'Same language.')).status).toBe(400);
    expect(toPublicError(new CorrectionError('CORRECTION_INVALID', 'body', 'Write the note.')).status).toBe(400);
    expect(toPublicError(new DocumentError('Line 3: no image.')).code).toBe('ARTICLE_BODY_INVALID');
    expect(toPublicError(new UserError('USER_INVALID', 'Check the form.', { email: 'Enter an email address.' })).message).toBe('Enter an email address.');
    expect(toPublicError(new ArticleError('ARTICLE_INVALID', 'x', { slug: 'The slug "a" is already in use.' }))).toMatchObject({
      status: 400,
      message: 'The slug "a" is already in use.',
    });
    expect(new HttpError('MEDIA_UNSUPPORTED_TYPE', 'No.').statusCode).toBe(415);
    const secret = Object.assign(new Error('SELECT * FROM users WHERE password_hash = …'), { statusCode: 500 });
    expect(toPublicError(secret)).toEqual({ status: 500, code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.', internal: true });
    expect(toPublicError(new Error('boom')).internal).toBe(true);
    // A framework 4xx keeps its status under a code of ours.
    expect(toPublicError(Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' })).code).toBe(
      'TOO_LARGE',
    );
  });
});

describe('error pages carry their code', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await freshDb('sqlite');
    app = await adminApp(t);
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('on the site, in the API and in the admin', async () => {
    const page = await app.inject({ method: 'GET', url: '/no-such-article/' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('data-error-code="NOT_FOUND"');
    const api = await app.inject({ method: 'GET', url: '/api/v1/posts/no-such-post' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: expect.stringMatching(/NOT_FOUND$/) } });
    const contributor = await signedIn(app, t, 'contributor');
    const users = await contributor.get('/admin/users');
    expect(users.statusCode).toBe(403);
    expect(users.body).toContain('data-error-code="FORBIDDEN"');
    const article = await contributor.get('/admin/articles/999999');
    expect(article.statusCode).toBe(404);
    expect(article.body).toContain('data-error-code="ARTICLE_NOT_FOUND"');
  });
});
