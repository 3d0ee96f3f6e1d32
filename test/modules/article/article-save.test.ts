/**
 * Saving an article is one transaction (modules/article/article-editing.service): when any part
 * fails (here the revision insert, refused by a trigger), nothing of the save is left: not the
 * new headline, not the tags typed in the form, not the writer's new author profile. Tags made
 * from the article form, and moves to the trash and back, are in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { adminApp, makeUser } from '../../helpers/admin.js';
import { Agent } from '../../helpers/agent.js';
import { Clock } from '../../helpers/clock.js';
import { csrfOf } from '../../helpers/form.js';

const form = (extra: Record<string, string | string[]>): Record<string, string | string[]> => ({
  excerpt: 'The standfirst.',
  body_text: 'First paragraph.\n\nSecond paragraph.',
  language: 'en',
  comment_status: 'open',
  ...extra,
});

for (const dialect of DIALECTS) {
  describe(`article saves are one transaction (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    const clock = new Clock();
    let owner: Agent;

    /** Makes every revision insert fail (a trigger), or allows them again. */
    const refuseRevisions = async (on: boolean): Promise<void> => {
      const db = t.handle.db;
      if (dialect === 'postgres') {
        if (on) {
          await sql
            .raw(`create or replace function bs_refuse_revision() returns trigger as $$ begin raise exception 'revisions refused'; end $$ language plpgsql`)
            .execute(db);
          await sql.raw('create trigger bs_refuse_revision before insert on revisions for each row execute function bs_refuse_revision()').execute(db);
        } else await sql.raw('drop trigger bs_refuse_revision on revisions').execute(db);
      } else if (on)
        await sql.raw(`create trigger bs_refuse_revision before insert on revisions begin select raise(abort, 'revisions refused'); end`).execute(db);
      else await sql.raw('drop trigger bs_refuse_revision').execute(db);
    };
    const count = async (table: 'posts' | 'tags' | 'revisions' | 'audit_log' | 'authors') =>
      Number(
        (
          await t.handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const post = (id: number) => t.handle.db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock });
      const u = await makeUser(t, 'owner');
      owner = new Agent(app);
      expect((await owner.login(u.email)).statusCode).toBe(303);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('a failing revision insert leaves no new article, no tags and no author profile', async () => {
      const before = { posts: await count('posts'), tags: await count('tags'), authors: await count('authors'), audit: await count('audit_log') };
      await refuseRevisions(true);
      try {
        const res = await owner.post('/admin/articles', form({ title: 'Never saved', tags: 'Ghost tag, Another ghost', intent: 'publish' }));
        expect(res.statusCode).toBe(500);
        expect(res.body).not.toContain('revisions refused');
      } finally {
        await refuseRevisions(false);
      }
      expect({ posts: await count('posts'), tags: await count('tags'), authors: await count('authors'), audit: await count('audit_log') }).toEqual(before);
    });

    it('a failing revision insert rolls an edit back: headline, tags, status and version stay as they were', async () => {
      const made = await owner.post('/admin/articles', form({ title: 'The first headline', tags: 'Harbour' }));
      expect(made.statusCode, made.body).toBe(303);
      const id = Number(/\/admin\/articles\/(\d+)/.exec(made.headers.location ?? '')![1]);
      const was = await post(id);
      const revisions = await count('revisions');
      const tags = await count('tags');
      clock.advance(1000);
      await refuseRevisions(true);
      try {
        const res = await owner.post(
          `/admin/articles/${id}`,
          form({ title: 'The second headline', tags: 'Harbour, Brand new tag', intent: 'publish', updated_at: was.updated_at }),
        );
        expect(res.statusCode).toBe(500);
      } finally {
        await refuseRevisions(false);
      }
      const now = await post(id);
      expect({ title: now.title, status: now.status, updated_at: now.updated_at, published_at: now.published_at }).toEqual({
        title: was.title,
        status: 'draft',
        updated_at: was.updated_at,
        published_at: null,
      });
      expect(await count('revisions')).toBe(revisions);
      expect(await count('tags')).toBe(tags);

      // The same save, once revisions work again, goes through (the version it names is still current).
      const res = await owner.post(
        `/admin/articles/${id}`,
        form({ title: 'The second headline', tags: 'Harbour, Brand new tag', intent: 'publish', updated_at: was.updated_at }),
      );
      expect(res.statusCode, res.body).toBe(303);
      expect((await post(id)).title).toBe('The second headline');
      expect(await count('revisions')).toBe(revisions + 1);
    });

    it('a tag created from the article form, and a move to the trash and back, show in the audit log', async () => {
      const made = await owner.post('/admin/articles', form({ title: 'Tagged inline', tags: 'Lighthouses, <b>Fog</b> & "horns"' }));
      expect(made.statusCode, made.body).toBe(303);
      const id = Number(/\/admin\/articles\/(\d+)/.exec(made.headers.location ?? '')![1]);
      const rows = await t.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'tag.created').orderBy('id').execute();
      expect(rows.map((r) => r.target_label)).toEqual(expect.arrayContaining(['Lighthouses', '<b>Fog</b> & "horns"']));
      const page = await owner.get('/admin/audit');
      expect(page.body).toContain('Created tag');
      expect(page.body).toContain('Lighthouses');
      expect(page.body).toContain('&lt;b>Fog&lt;/b> &amp; &quot;horns&quot;');
      expect(page.body).not.toContain('<b>Fog</b>');
      // An existing tag typed again is not created twice, nor audited twice.
      const again = await owner.post('/admin/articles', form({ title: 'Tagged again', tags: 'lighthouses' }));
      expect(again.statusCode).toBe(303);
      expect(
        await t.handle.db.selectFrom('audit_log').select('id').where('action', '=', 'tag.created').where('target_label', '=', 'Lighthouses').execute(),
      ).toHaveLength(1);

      const edit = await owner.get(`/admin/articles/${id}`);
      const trash = await owner.postRaw(`/admin/articles/${id}/trash`, { _csrf: csrfOf(edit.body) });
      expect(trash.statusCode).toBe(303);
      expect((await owner.postRaw(`/admin/articles/${id}/trash`, { _csrf: csrfOf(edit.body) })).statusCode).toBe(409);
      expect((await owner.postRaw(`/admin/articles/${id}/restore`, { _csrf: csrfOf(edit.body) })).statusCode).toBe(303);
      expect((await post(id)).status).toBe('draft');
      const moves = await t.handle.db
        .selectFrom('audit_log')
        .select(['action', 'target_type', 'target_id'])
        .where('target_type', '=', 'article')
        .where('action', 'in', ['article.trashed', 'article.restored'])
        .orderBy('id')
        .execute();
      expect(moves).toEqual([
        { action: 'article.trashed', target_type: 'article', target_id: id },
        { action: 'article.restored', target_type: 'article', target_id: id },
      ]);
      expect((await owner.get('/admin/audit')).body).toContain('Moved an article to the trash');
    });
  });
}
