/**
 * Every staff action on an article is in the audit log with who, what and when: created,
 * submitted, published, edited, unpublished, scheduled, a revision brought back, trashed and
 * restored, and each correction added, edited and removed. The log page names them in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import { Clock } from '../../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';

const form = (extra: Record<string, string> = {}): Record<string, string> => ({
  title: 'Harbour audit story',
  excerpt: 'The standfirst.',
  body_text: 'First paragraph.',
  language: 'en',
  comment_status: 'open',
  ...extra,
});

for (const dialect of DIALECTS) {
  describe(`the audit trail of an article (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    const clock = new Clock();
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock });
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('records each save by what it did, each correction, and shows them on the log page', async () => {
      const db = t.handle.db;
      const updatedAt = async (id: number) => (await db.selectFrom('posts').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow()).updated_at;
      const contributor = await signedIn(app, t, 'contributor');
      const created = await contributor.post('/admin/articles', form());
      expect(created.statusCode, created.body).toBe(303);
      const id = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))![1]);
      clock.advance(1000);
      expect((await contributor.post(`/admin/articles/${id}`, form({ intent: 'submit', updated_at: await updatedAt(id) }))).statusCode).toBe(303);

      const editor = await signedIn(app, t, 'editor');
      const step = async (extra: Record<string, string>) => {
        clock.advance(1000);
        const res = await editor.post(`/admin/articles/${id}`, form({ ...extra, updated_at: await updatedAt(id) }));
        expect(res.statusCode, res.body).toBe(303);
      };
      await step({ intent: 'publish' });
      await step({ intent: 'publish', title: 'Harbour audit story, revised' });
      await step({ intent: 'unpublish' });
      await step({ intent: 'schedule', publish_at: new Date(clock.t + 3_600_000).toISOString().slice(0, 16) });
      await step({ intent: 'publish' });
      const revs = await db.selectFrom('revisions').select('id').where('post_id', '=', id).where('kind', '=', 'save').orderBy('id').execute();
      clock.advance(1000);
      expect((await editor.post(`/admin/articles/${id}/revisions/${revs[0]!.id}/restore`)).statusCode).toBe(303);
      clock.advance(1000);
      expect((await editor.post(`/admin/articles/${id}/corrections`, { kind: 'correction', body: 'The quay is 40 metres long, not 14.' })).statusCode).toBe(
        303,
      );
      const note = await db.selectFrom('corrections').select('id').where('post_id', '=', id).executeTakeFirstOrThrow();
      expect((await editor.post(`/admin/articles/${id}/corrections/${note.id}`, { kind: 'update', body: 'The harbour master has replied.' })).statusCode).toBe(
        303,
      );
      expect((await editor.post(`/admin/articles/${id}/corrections/${note.id}/delete`)).statusCode).toBe(303);
      expect((await editor.post(`/admin/articles/${id}/trash`)).statusCode).toBe(303);
      expect((await editor.post(`/admin/articles/${id}/restore`)).statusCode).toBe(303);

      const rows = await db
        .selectFrom('audit_log')
        .select(['action', 'actor_label', 'target_id', 'detail'])
        .where('target_type', '=', 'article')
        .where('target_id', '=', id)
        .orderBy('id')
        .execute();
      expect(rows.map((r) => r.action)).toEqual([
        'article.created',
        'article.submitted',
        'article.published',
        'article.edited',
        'article.unpublished',
        'article.scheduled',
        'article.published',
        'article.revision_restored',
        'correction.added',
        'correction.edited',
        'correction.removed',
        'article.trashed',
        'article.restored',
      ]);
      expect(rows[0]!.actor_label).toMatch(/^contributor-/);
      expect(rows.slice(2).every((r) => /^editor-/.test(r.actor_label))).toBe(true);
      expect(rows[2]!.detail).toBe('pending → published');
      expect(rows[5]!.detail).toMatch(/^draft → scheduled, for 20\d\d-/);
      expect(rows[8]!.detail).toBe('correction: The quay is 40 metres long, not 14.');

      const owner = await signedIn(app, t, 'owner');
      const page = (await owner.get('/admin/audit')).body;
      for (const words of [
        'Created an article',
        'Submitted an article for review',
        'Published an article',
        'Unpublished an article',
        'Scheduled an article',
        'Added a correction or update',
        'Removed a correction or update',
      ])
        expect(page, words).toContain(words);
    });
  });
}
