/**
 * The newsroom tools on /admin/articles/:id: corrections and update notes (admin, article page,
 * JSON-LD, /corrections/, cache purge), translation links, the revision comparison and autosave.
 * Role boundaries, CSRF and hostile input for each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../../../src/modules/article/article.service.js';
import { doc, p } from '../../../../../src/modules/article/document.js';
import { recordRevision } from '../../../../../src/modules/revision/revision.service.js';
import { insertCorrection } from '../../../../../src/modules/correction/correction.repository.js';
import { DIALECTS, freshDb, type TestDb } from '../../../../helpers/db.js';
import { adminApp, signedIn, type Who } from '../../../../helpers/admin.js';
import { Agent } from '../../../../helpers/agent.js';
import { Clock } from '../../../../helpers/clock.js';
import { csrfOf } from '../../../../helpers/form.js';

let n = 0;
const form = (extra: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  title: `Harbour story ${++n}`,
  excerpt: 'The standfirst.',
  body_text: 'First paragraph.\n\nSecond paragraph.',
  language: 'en',
  comment_status: 'open',
  ...extra,
});

for (const dialect of DIALECTS) {
  describe(`editorial tools (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    const clock = new Clock(new Date('2026-11-29T09:00:00Z').getTime());
    let guestAuthor: number;
    let othersPublished: number;
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock, env: { PAGE_CACHE_MB: '16' } });
      const db = t.handle.db;
      guestAuthor = (
        await db
          .insertInto('authors')
          .values({ slug: 'guest', name: 'Guest Writer', role_title: '', bio: '', avatar_media_id: null, user_id: null, created_at: clock.now().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      othersPublished = await createArticle(
        db,
        {
          status: 'published',
          publishedAt: clock.now().toISOString(),
          slug: 'bridge-story',
          title: 'The bridge reopens',
          excerpt: 'Forty metres of steel.',
          body: doc(p('The bridge is 40 metres long.')),
          authorIds: [guestAuthor],
        },
        clock.now(),
      );
      await recordRevision(db, othersPublished, { id: null, label: 'test' }, clock.now());
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const agentFor = (who: Who): Promise<Agent> => signedIn(app, t, who);
    const idFrom = (location: string | undefined) => Number(/\/admin\/articles\/(\d+)/.exec(location ?? '')![1]);
    const row = (id: number) => t.handle.db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    async function ownArticle(a: Agent, extra: Record<string, string> = {}): Promise<number> {
      const res = await a.post('/admin/articles', form(extra));
      expect(res.statusCode, res.body).toBe(303);
      return idFrom(res.headers.location);
    }
    const corrections = () => t.handle.db.selectFrom('corrections').selectAll().orderBy('id').execute();

    describe('corrections and updates', () => {
      it('an editor adds a correction: it shows at the end of the article, in JSON-LD and on /corrections/, and the cached pages are purged', async () => {
        const reader = () => app.inject({ url: '/bridge-story/' });
        const list = () => app.inject({ url: '/corrections/' });
        expect((await reader()).headers['x-cache']).toBe('MISS');
        expect((await reader()).headers['x-cache']).toBe('HIT');
        await list();
        expect((await list()).headers['x-cache']).toBe('HIT');
        expect((await list()).body).toContain('No corrections or updates yet.');

        const a = await agentFor('editor');
        const edit = await a.get(`/admin/articles/${othersPublished}`);
        expect(edit.body).toContain('Corrections and updates');
        const res = await a.post(`/admin/articles/${othersPublished}/corrections`, {
          kind: 'correction',
          body: 'An earlier version said the bridge is 40 metres long. It is 14 metres.',
        });
        expect(res.statusCode, res.body).toBe(303);

        const page = await reader();
        expect(page.headers['x-cache']).toBe('MISS');
        expect(page.body).toMatch(
          /Correction, <time datetime="2026-11-29T09:00:00.000Z">November 29, 2026<\/time>:<\/strong> An earlier version said the bridge is 40 metres long\. It is 14 metres\./,
        );
        const ld = [...page.body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
        const article = ld.find((x) => x['@type'] === 'NewsArticle')!;
        expect(article.correction).toEqual([
          {
            '@type': 'CorrectionComment',
            text: 'An earlier version said the bridge is 40 metres long. It is 14 metres.',
            datePublished: '2026-11-29T09:00:00.000Z',
          },
        ]);

        const listed = await list();
        expect(listed.headers['x-cache']).toBe('MISS');
        expect(listed.body).toContain('<h1 class="archive__heading">Corrections and updates</h1>');
        expect(listed.body).toContain('href="/bridge-story/#correction-');
        expect(listed.body).toContain('It is 14 metres.');
        expect(listed.body).toContain('<a href="/corrections/">Corrections and updates</a>');
      });

      it('lists notes newest first, and an update note is shown but not in JSON-LD as a correction', async () => {
        const a = await agentFor('owner');
        clock.advance(3_600_000);
        expect((await a.post(`/admin/articles/${othersPublished}/corrections`, { kind: 'update', body: 'The council has since replied.' })).statusCode).toBe(
          303,
        );
        const listed = (await app.inject('/corrections/')).body;
        expect(listed.indexOf('The council has since replied.')).toBeLessThan(listed.indexOf('It is 14 metres.'));
        const page = (await app.inject('/bridge-story/')).body;
        expect(page).toContain('Update, <time');
        expect(page.indexOf('It is 14 metres.')).toBeLessThan(page.indexOf('The council has since replied.'));
        expect(page).not.toMatch(/"CorrectionComment","text":"The council/);
      });

      it('editors edit and delete a note; each purges the article page', async () => {
        const a = await agentFor('editor');
        const [first] = await corrections();
        await app.inject('/bridge-story/');
        const form = await a.get(`/admin/articles/${othersPublished}/corrections/${first!.id}`);
        expect(form.statusCode).toBe(200);
        expect(form.body).toContain('It is 14 metres.');
        expect(
          (await a.post(`/admin/articles/${othersPublished}/corrections/${first!.id}`, { kind: 'correction', body: 'The bridge is 14 metres long, not 40.' }))
            .statusCode,
        ).toBe(303);
        const page = await app.inject('/bridge-story/');
        expect(page.headers['x-cache']).toBe('MISS');
        expect(page.body).toContain('The bridge is 14 metres long, not 40.');
        expect(page.body).toContain('November 29, 2026');
        const extra = await a.post(`/admin/articles/${othersPublished}/corrections`, { kind: 'correction', body: 'To be deleted.' });
        expect(extra.statusCode).toBe(303);
        const last = (await corrections()).at(-1)!;
        expect((await a.post(`/admin/articles/${othersPublished}/corrections/${last.id}/delete`)).statusCode).toBe(303);
        expect((await app.inject('/bridge-story/')).body).not.toContain('To be deleted.');
        expect((await a.post(`/admin/articles/${othersPublished}/corrections/${last.id}/delete`)).statusCode).toBe(404);
      });

      it('role boundaries: contributors and authors cannot add notes to others’ articles; an author can on their own', async () => {
        const before = await corrections();
        for (const who of ['contributor', 'author'] as const) {
          const a = await agentFor(who);
          const res = await a.post(`/admin/articles/${othersPublished}/corrections`, { kind: 'correction', body: 'Sneaky.' });
          expect(res.statusCode, who).toBe(403);
          expect(res.body).toContain('does not allow you');
        }
        const anon = new Agent(app);
        expect((await anon.postRaw(`/admin/articles/${othersPublished}/corrections`, { kind: 'correction', body: 'x' })).statusCode).toBe(303);
        expect(await corrections()).toEqual(before);
        // A contributor's own published article (published by an editor) is still not theirs to correct.
        const author = await agentFor('author');
        const own = await ownArticle(author, { intent: 'publish' });
        expect((await author.post(`/admin/articles/${own}/corrections`, { kind: 'update', body: 'Mine to update.' })).statusCode).toBe(303);
        // Drafts get no notes: they are edited instead.
        const draft = await ownArticle(author);
        const res = await author.post(`/admin/articles/${draft}/corrections`, { kind: 'update', body: 'Too early.' });
        expect(res.statusCode).toBe(409);
        expect(res.body).toContain('for published articles');
      });

      it('refuses missing or forged CSRF tokens and hostile input with a 4xx and a message, storing nothing', async () => {
        const a = await agentFor('editor');
        const before = await corrections();
        for (const token of [undefined, 'forged', '']) {
          const res = await a.postRaw(`/admin/articles/${othersPublished}/corrections`, {
            kind: 'correction',
            body: 'No token.',
            ...(token !== undefined ? { _csrf: token } : {}),
          });
          expect(res.statusCode).toBe(403);
        }
        const bad: [Record<string, string | string[]>, string][] = [
          [{ kind: 'retraction', body: 'x' }, 'correction or an update'],
          [{ kind: ['correction', 'update'], body: 'x' }, 'correction or an update'],
          [{ kind: 'correction', body: '' }, 'Write the text'],
          [{ kind: 'correction', body: '   \n  ' }, 'Write the text'],
          [{ kind: 'correction', body: 'x'.repeat(2001) }, 'longer than 2,000'],
          [{ kind: 'correction', body: 'x'.repeat(100_000) }, 'longer than 2,000'],
          [{ kind: 'correction', body: ['a', 'b'] }, 'unexpected form'],
          [{ kind: 'correction', body: 'bell \u0007 here' }, 'control characters'],
        ];
        for (const [fields, message] of bad) {
          const res = await a.post(`/admin/articles/${othersPublished}/corrections`, fields);
          expect(res.statusCode, JSON.stringify(fields).slice(0, 60)).toBe(400);
          expect(res.body).toContain(message);
        }
        for (const url of [
          `/admin/articles/${othersPublished}/corrections/abc`,
          `/admin/articles/${othersPublished}/corrections/1%20OR%201=1`,
          '/admin/articles/99999/corrections',
        ]) {
          const res = await a.post(url, { kind: 'correction', body: 'x' });
          expect(res.statusCode, url).toBe(404);
        }
        expect(await corrections()).toEqual(before);
      });

      it('stores script tags and SQL metacharacters as text and shows them escaped everywhere', async () => {
        const a = await agentFor('editor');
        const hostile = `<script>alert("x")</script> '; DROP TABLE corrections; -- <img src=x onerror=alert(1)>`;
        expect((await a.post(`/admin/articles/${othersPublished}/corrections`, { kind: 'correction', body: hostile })).statusCode).toBe(303);
        for (const url of ['/bridge-story/', '/corrections/', `/admin/articles/${othersPublished}`]) {
          const body = url.startsWith('/admin') ? (await a.get(url)).body : (await app.inject(url)).body;
          expect(body, url).not.toContain('<script>alert');
          expect(body, url).not.toContain('<img src=x');
          expect(body, url).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
        }
        const ld = (await app.inject('/bridge-story/')).body;
        expect(ld).toContain('\\u003cscript>alert');
        expect((await corrections()).length).toBeGreaterThan(1);
      });

      it('paginates /corrections/ and 404s past the end', async () => {
        expect((await app.inject('/corrections/page/2/')).statusCode).toBe(404);
        expect((await app.inject('/corrections/page/abc/')).statusCode).toBe(404);
        const existing = (await corrections()).length;
        for (let i = existing; i <= 30; i++)
          await insertCorrection(t.handle.db, othersPublished, { kind: 'update', body: `Bulk note ${i}` }, null, clock.now());
        await app.pageCache.purge(['corrections']);
        const page1 = await app.inject('/corrections/');
        expect(page1.body).toContain('href="/corrections/page/2/"');
        const page2 = await app.inject('/corrections/page/2/');
        expect(page2.statusCode).toBe(200);
        expect(page2.body).toContain('rel="prev"');
        expect((await app.inject('/corrections/page/3/')).statusCode).toBe(404);
      });

      it('unpublishing an article takes its notes off the cached /corrections/ page', async () => {
        const a = await agentFor('editor');
        const id = await ownArticle(a, { intent: 'publish' });
        expect((await a.post(`/admin/articles/${id}/corrections`, { kind: 'correction', body: 'Note on a soon-unpublished story.' })).statusCode).toBe(303);
        expect((await app.inject('/corrections/')).body).toContain('Note on a soon-unpublished story.');
        expect((await app.inject('/corrections/')).headers['x-cache']).toBe('HIT');
        expect((await a.post(`/admin/articles/${id}`, form({ intent: 'unpublish', updated_at: (await row(id)).updated_at }))).statusCode).toBe(303);
        const after = await app.inject('/corrections/');
        expect(after.headers['x-cache']).toBe('MISS');
        expect(after.body).not.toContain('Note on a soon-unpublished story.');
      });
    });

    describe('translation links', () => {
      it('links by ID, validates, shows hreflang alternates on both pages, unlinks; purges both', async () => {
        const a = await agentFor('editor');
        const db = t.handle.db;
        const fa = await createArticle(
          db,
          {
            status: 'published',
            publishedAt: clock.now().toISOString(),
            slug: 'bridge-fa',
            title: 'پل بازگشایی شد',
            body: doc(p('پل')),
            language: 'fa',
            authorIds: [guestAuthor],
          },
          clock.now(),
        );
        const en2 = await createArticle(
          db,
          {
            status: 'published',
            publishedAt: clock.now().toISOString(),
            slug: 'bridge-en-2',
            title: 'Another English bridge',
            body: doc(p('x')),
            language: 'en',
            authorIds: [guestAuthor],
          },
          clock.now(),
        );
        await app.inject('/bridge-fa/');
        expect((await app.inject('/bridge-fa/')).headers['x-cache']).toBe('HIT');

        const page = await a.get(`/admin/articles/${othersPublished}/translations?q=${encodeURIComponent('پل')}`);
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('پل بازگشایی شد');
        for (const q of ["%' OR 1=1 --", '_', '<script>alert(1)</script>', 'x'.repeat(5000)]) {
          const res = await a.get(`/admin/articles/${othersPublished}/translations?q=${encodeURIComponent(q)}`);
          expect(res.statusCode, q.slice(0, 20)).toBe(200);
          expect(res.body).not.toContain('<script>alert');
          expect(res.body).not.toContain('Another English bridge');
        }

        const bad: [string, string, number][] = [
          [String(othersPublished), 'cannot be a translation of itself', 400],
          [String(en2), 'same language', 400],
          ['999999', 'There is no article 999999', 400],
          ['1 OR 1=1', 'Enter the number', 400],
          ['<script>', 'Enter the number', 400],
        ];
        for (const [target, message, code] of bad) {
          const res = await a.post(`/admin/articles/${othersPublished}/translations`, { target });
          expect(res.statusCode, target).toBe(code);
          expect(res.body).toContain(message);
          expect(res.body).not.toContain('<script>"');
        }
        expect((await row(othersPublished)).translation_group).toBeNull();

        expect((await a.post(`/admin/articles/${othersPublished}/translations`, { target: String(fa) })).statusCode).toBe(303);
        const g = (await row(othersPublished)).translation_group;
        expect(g).not.toBeNull();
        expect((await row(fa)).translation_group).toBe(g);
        const faPage = await app.inject('/bridge-fa/');
        expect(faPage.headers['x-cache']).toBe('MISS');
        expect(faPage.body).toContain('hreflang="en" href="https://news.example/bridge-story/"');
        expect((await app.inject('/bridge-story/')).body).toContain('hreflang="fa" href="https://news.example/bridge-fa/"');
        expect((await a.get(`/admin/articles/${othersPublished}`)).body).toContain('پل بازگشایی شد');
        // Already linked; a second English version clashes with the group.
        expect((await a.post(`/admin/articles/${fa}/translations`, { target: String(othersPublished) })).body).toContain('already linked');
        expect((await a.post(`/admin/articles/${fa}/translations`, { target: String(en2) })).body).toContain('already a en version');

        // A contributor may not link someone else's published article.
        const c = await agentFor('contributor');
        const mine = await ownArticle(c, { language: 'sq' });
        const refused = await c.post(`/admin/articles/${mine}/translations`, { target: String(othersPublished) });
        expect(refused.statusCode).toBe(400);
        expect(refused.body).toContain('does not allow you');
        expect((await c.post(`/admin/articles/${othersPublished}/translations`, { target: String(mine) })).statusCode).toBe(403);
        // …nor find other people's drafts by headline in its search.
        await createArticle(
          db,
          { status: 'draft', slug: 'bridge-secret-draft', title: 'Bridge secret draft', body: doc(p('x')), language: 'de', authorIds: [guestAuthor] },
          clock.now(),
        );
        const found = await c.get(`/admin/articles/${mine}/translations?q=bridge`);
        expect(found.statusCode).toBe(200);
        expect(found.body).not.toContain('Bridge secret draft');
        expect(found.body).toContain('Another English bridge');
        expect((await a.get(`/admin/articles/${othersPublished}/translations?q=bridge`)).body).toContain('Bridge secret draft');

        expect((await a.post(`/admin/articles/${othersPublished}/translations/unlink`, { target: String(fa) })).statusCode).toBe(303);
        expect((await row(othersPublished)).translation_group).toBeNull();
        expect((await row(fa)).translation_group).toBeNull();
        expect((await app.inject('/bridge-fa/')).body).not.toContain('hreflang="en"');
        expect((await a.post(`/admin/articles/${othersPublished}/translations/unlink`, { target: String(fa) })).statusCode).toBe(404);
      });
    });

    describe('revision comparison', () => {
      it('shows a word-level two-column diff with the current version and the previous save', async () => {
        const a = await agentFor('editor');
        const id = await ownArticle(a, {
          title: 'The mayor opens the bridge',
          excerpt: 'A short standfirst.',
          body_text: 'The bridge is long.\n\nIt cost money.',
        });
        const u = (await row(id)).updated_at;
        expect(
          (
            await a.post(
              `/admin/articles/${id}`,
              form({
                title: 'The mayor closes the bridge',
                excerpt: 'A short standfirst.',
                body_text: 'The bridge is short.\n\nIt cost money.',
                updated_at: u,
              }),
            )
          ).statusCode,
        ).toBe(303);
        const revs = await t.handle.db.selectFrom('revisions').select('id').where('post_id', '=', id).orderBy('id').execute();
        expect(revs.length).toBe(2);
        const list = await a.get(`/admin/articles/${id}/revisions`);
        expect(list.body).toContain(`/admin/articles/${id}/revisions/${revs[0]!.id}/compare?with=current`);
        expect(list.body).toContain(`/admin/articles/${id}/revisions/${revs[1]!.id}/compare?with=previous`);

        const res = await a.get(`/admin/articles/${id}/revisions/${revs[0]!.id}/compare?with=current`);
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain('<del><span class="visually-hidden">[removed: </span>opens<span class="visually-hidden">]</span></del>');
        expect(res.body).toContain('<ins><span class="visually-hidden">[added: </span>closes<span class="visually-hidden">]</span></ins>');
        expect(res.body).toContain('<del><span class="visually-hidden">[removed: </span>long<span class="visually-hidden">]</span></del>');
        expect(res.body).toContain('<ins><span class="visually-hidden">[added: </span>short<span class="visually-hidden">]</span></ins>');
        expect(res.body).toContain('Standfirst<span class="muted"> (unchanged)</span>');
        expect(res.body).toContain('Current version');
        expect(res.body).not.toMatch(/ style=/);
        const prev = await a.get(`/admin/articles/${id}/revisions/${revs[1]!.id}/compare?with=previous`);
        expect(prev.body).toContain('[added: </span>closes');
        expect((await a.get(`/admin/articles/${id}/revisions/${revs[0]!.id}/compare?with=previous`)).statusCode).toBe(404);
        expect((await a.get(`/admin/articles/${id}/revisions/99999/compare`)).statusCode).toBe(404);
        // Someone who may not edit the article may not read its history either.
        const c = await agentFor('contributor');
        expect((await c.get(`/admin/articles/${id}/revisions/${revs[0]!.id}/compare`)).statusCode).toBe(403);
      });

      it('escapes markup in the compared text', async () => {
        const a = await agentFor('editor');
        const id = await ownArticle(a, { title: 'Plain', body_text: 'Nothing.' });
        const u = (await row(id)).updated_at;
        await a.post(`/admin/articles/${id}`, form({ title: 'Plain <script>alert(1)</script>', body_text: 'Nothing <b>bold</b>.', updated_at: u }));
        const rev = await t.handle.db.selectFrom('revisions').select('id').where('post_id', '=', id).orderBy('id').executeTakeFirstOrThrow();
        const res = await a.get(`/admin/articles/${id}/revisions/${rev.id}/compare?with=current`);
        expect(res.body).not.toContain('<script>alert');
        expect(res.body).toContain('&lt;script>');
      });
    });

    describe('autosave', () => {
      /** POSTs JSON with the session cookie and a CSRF token in the header. */
      async function autosave(a: Agent, id: number, body: unknown, token?: string) {
        const csrf = token ?? csrfOf((await a.get('/admin')).body);
        return app.inject({
          method: 'POST',
          url: `/admin/articles/${id}/autosave`,
          payload: JSON.stringify(body),
          headers: { 'content-type': 'application/json', 'csrf-token': csrf, cookie: a.cookie },
        });
      }
      const bodyJson = (text: string) => JSON.stringify(doc(p(text)));

      it('on a published article stores an autosave revision only: readers and the article row do not change', async () => {
        const a = await agentFor('editor');
        const before = await row(othersPublished);
        await app.inject('/bridge-story/');
        clock.advance(60_000);
        const res = await autosave(a, othersPublished, {
          title: 'Autosaved headline',
          excerpt: 'x',
          body_json: bodyJson('Half-written sentence'),
          updated_at: before.updated_at,
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({ ok: true, savedAt: clock.now().toISOString() });
        expect(await row(othersPublished)).toEqual(before);
        const page = await app.inject('/bridge-story/');
        expect(page.headers['x-cache']).toBe('HIT');
        expect(page.body).not.toContain('Autosaved headline');
        const autos = await t.handle.db.selectFrom('revisions').selectAll().where('post_id', '=', othersPublished).where('kind', '=', 'autosave').execute();
        expect(autos).toHaveLength(1);
        expect(autos[0]!.title).toBe('Autosaved headline');
        // A second autosave replaces the first; the revisions list never shows autosaves.
        await autosave(a, othersPublished, { title: 'Autosaved again', excerpt: 'x', body_json: bodyJson('More'), updated_at: before.updated_at });
        expect(
          await t.handle.db.selectFrom('revisions').select('id').where('post_id', '=', othersPublished).where('kind', '=', 'autosave').execute(),
        ).toHaveLength(1);
        expect((await a.get(`/admin/articles/${othersPublished}/revisions`)).body).not.toContain('Autosaved again');

        // The editor offers it back; restore fills the form without saving; dismiss forgets it.
        const edit = await a.get(`/admin/articles/${othersPublished}`);
        expect(edit.body).toMatch(/There is an autosave from \d\d:\d\d UTC/);
        const restored = await a.get(`/admin/articles/${othersPublished}?autosave=1`);
        expect(restored.body).toContain('value="Autosaved again"');
        expect(restored.body).toContain('The form shows your autosave');
        expect((await row(othersPublished)).title).toBe(before.title);
        expect((await a.post(`/admin/articles/${othersPublished}/autosave/dismiss`)).statusCode).toBe(303);
        expect((await a.get(`/admin/articles/${othersPublished}`)).body).not.toContain('There is an autosave');
      });

      it('answers 409 when someone saved after the editor opened the article, storing nothing', async () => {
        const a = await agentFor('editor');
        const id = await ownArticle(a);
        const stale = (await row(id)).updated_at;
        clock.advance(1000);
        expect((await a.post(`/admin/articles/${id}`, form({ updated_at: stale }))).statusCode).toBe(303);
        const res = await autosave(a, id, { title: 'Old tab', excerpt: '', body_json: bodyJson('x'), updated_at: stale });
        expect(res.statusCode).toBe(409);
        expect(res.json().error.message).toContain('Someone else saved this article');
        expect(await t.handle.db.selectFrom('revisions').select('id').where('post_id', '=', id).where('kind', '=', 'autosave').execute()).toHaveLength(0);
      });

      it('checks roles, CSRF and input like a save', async () => {
        const editor = await agentFor('editor');
        const contributor = await agentFor('contributor');
        const u = (await row(othersPublished)).updated_at;
        const ok = { title: 't', excerpt: '', body_json: bodyJson('x'), updated_at: u };
        expect((await autosave(contributor, othersPublished, ok)).statusCode).toBe(403);
        expect((await autosave(editor, othersPublished, ok, 'forged')).statusCode).toBe(403);
        const anon = await app.inject({ method: 'POST', url: `/admin/articles/${othersPublished}/autosave`, payload: ok });
        expect(anon.statusCode).toBe(303);
        const bad: [unknown, number][] = [
          [[1, 2], 400],
          [{ ...ok, title: 42 }, 400],
          [{ ...ok, title: 'x'.repeat(501) }, 400],
          [{ ...ok, body_json: '{"type":"doc","content":[{"type":"script"}]}' }, 400],
          [{ ...ok, body_json: 'not json' }, 400],
          [{ ...ok, updated_at: "'; drop table revisions; --" }, 409],
        ];
        for (const [payload, code] of bad) {
          const res = await autosave(editor, othersPublished, payload);
          expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(code);
          expect(res.json().error.message).toBeTruthy();
        }
        expect(
          await t.handle.db.selectFrom('revisions').select('id').where('post_id', '=', othersPublished).where('kind', '=', 'autosave').execute(),
        ).toHaveLength(0);
      });

      it('an explicit save clears the saver’s autosave', async () => {
        const a = await agentFor('editor');
        const id = await ownArticle(a);
        const u = (await row(id)).updated_at;
        expect((await autosave(a, id, { title: 'Draft words', excerpt: '', body_json: bodyJson('x'), updated_at: u })).statusCode).toBe(200);
        clock.advance(1000);
        expect((await a.post(`/admin/articles/${id}`, form({ updated_at: u }))).statusCode).toBe(303);
        expect(await t.handle.db.selectFrom('revisions').select('id').where('post_id', '=', id).where('kind', '=', 'autosave').execute()).toHaveLength(0);
      });
    });
  });
}
