/**
 * GET /admin/tags/suggest?q=: the tag field's suggestions, for whoever writes articles: existing
 * names containing the text (any case), those starting with it first; % and _ are letters here;
 * an empty or huge query is a 400 with a message; a reader signed out is sent to log in.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTag } from '../../../../src/modules/taxonomy/taxonomy.repository.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';

for (const dialect of DIALECTS) {
  describe(`tag suggestions (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    beforeAll(async () => {
      t = await freshDb(dialect);
      for (const [slug, name] of [
        ['harbour', 'Harbour'],
        ['old-harbour', 'Old harbour'],
        ['harbour-master', 'Harbour master'],
        ['rail', 'Rail'],
        ['percent', '100% renewable'],
        ['under', 'snake_case'],
      ])
        await insertTag(t.handle.db, { slug: slug!, name: name! });
      app = await adminApp(t);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('lists the names containing the text, those starting with it first', async () => {
      const a = await signedIn(app, t, 'contributor');
      const res = await a.get('/admin/tags/suggest?q=HARB');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ names: ['Harbour', 'Harbour master', 'Old harbour'] });
      expect((await a.get('/admin/tags/suggest?q=%25')).json()).toEqual({ names: ['100% renewable'] });
      expect((await a.get('/admin/tags/suggest?q=_')).json()).toEqual({ names: ['snake_case'] });
      expect((await a.get(`/admin/tags/suggest?q=${encodeURIComponent("x' OR 1=1 --")}`)).json()).toEqual({ names: [] });
    });

    it('refuses an empty or huge query with a message, and a signed-out request', async () => {
      const a = await signedIn(app, t, 'author');
      for (const q of ['', '%20%20', 'x'.repeat(101)]) {
        const res = await a.get(`/admin/tags/suggest?q=${q}`, { accept: 'application/json' });
        expect(res.statusCode, q).toBe(400);
      }
      const anonymous = await new Agent(app).get('/admin/tags/suggest?q=har');
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.body).not.toContain('Harbour');
    });
  });
}
