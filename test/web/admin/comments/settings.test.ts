/**
 * /admin/comments/settings: the owner sets the discussion policy; readers' comments follow it at
 * once (held or published, closed after N days), cached article pages are refreshed, hostile or
 * out-of-range input changes nothing, and no other role may open it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { makeUser, signedIn } from '../../../helpers/admin.js';
import { DEFAULT_COMMENT_SETTINGS, loadCommentSettings } from '../../../../src/modules/comment/comment-settings.js';
import { commentsApp, idFrom, Reader, type CommentsCtx } from '../../../helpers/comments.js';
import { Agent } from '../../../helpers/agent.js';
import { csrfOf } from '../../../helpers/form.js';

const FORM = {
  moderation: 'hold_first',
  closeAfterDays: '0',
  maxLength: '10000',
  perPage: '100',
  minFillSeconds: '3',
  maxLinks: '2',
  ratePerIp: '5',
  ratePerEmail: '5',
  rateWindowMinutes: '10',
  spamThreshold: '5',
};

for (const dialect of DIALECTS) {
  describe(`comment settings (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let owner: Agent;
    let url: string;
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t, { PAGE_CACHE_MB: '16' }, 2);
      url = `/${c.fx.slugs[0]}/`;
      owner = new Agent(c.app);
      await owner.login((await makeUser(t, 'owner')).email);
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });
    const statusOf = async (id: number) => (await t.handle.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

    it('shows the current policy to the owner, and to no other role', async () => {
      const page = await owner.get('/admin/comments/settings');
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/<option value="hold_first" selected/);
      expect(page.body).toContain('value="10000"');
      expect((await owner.get('/admin/comments')).body).toContain('href="/admin/comments/settings"');
      for (const role of ['editor', 'author', 'contributor'] as const) {
        const agent = await signedIn(c.app, t, role);
        expect((await agent.get('/admin/comments/settings')).statusCode, role).toBe(403);
        expect((await agent.post('/admin/comments/settings', { ...FORM, moderation: 'auto' }, '/admin')).statusCode, role).toBe(403);
      }
      const anonymous = await c.app.inject({ method: 'GET', url: '/admin/comments/settings' });
      expect(anonymous.statusCode).toBe(303);
      expect(await loadCommentSettings(t.handle.db)).toEqual(DEFAULT_COMMENT_SETTINGS);
    });

    it('holds every comment, then publishes at once, as the owner chooses; each change is audited', async () => {
      let res = await owner.post('/admin/comments/settings', { ...FORM, moderation: 'hold_all', minFillSeconds: '0' }, '/admin/comments/settings');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/comments/settings?saved=1');
      expect((await owner.get(res.headers.location!)).body).toContain('Settings saved.');
      const held = idFrom(await new Reader(c, '203.0.113.31').comment(url, { body: 'Held, as the policy says.' }));
      expect(await statusOf(held)).toBe('pending');
      res = await owner.post('/admin/comments/settings', { ...FORM, moderation: 'auto', minFillSeconds: '0' }, '/admin/comments/settings');
      expect(res.statusCode).toBe(303);
      const published = idFrom(await new Reader(c, '203.0.113.32').comment(url, { body: 'Published at once.' }));
      expect(await statusOf(published)).toBe('approved');
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'settings.updated')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit.detail).toBe('Comments: moderation');
    });

    it('closing after N days takes the form off cached article pages at once', async () => {
      await c.app.inject(url);
      expect((await c.app.inject(url)).headers['x-cache']).toBe('HIT');
      expect((await c.app.inject(url)).body).toContain('name="token"');
      const late = new Reader(c, '203.0.113.33');
      const form = await late.form(url);
      c.clock.advance(3 * 86_400_000);
      const res = await owner.post('/admin/comments/settings', { ...FORM, moderation: 'auto', closeAfterDays: '2' }, '/admin/comments/settings');
      expect(res.statusCode).toBe(303);
      const page = await c.app.inject(url);
      expect(page.headers['x-cache']).toBe('MISS');
      expect(page.body).not.toContain('name="token"');
      const refused = await late.post({ ...form, name: 'Late', body: 'Too late.' });
      expect(refused.statusCode).toBeGreaterThanOrEqual(400);
      expect(refused.statusCode).toBeLessThan(500);
      await owner.post('/admin/comments/settings', { ...FORM, moderation: 'auto' }, '/admin/comments/settings');
      expect((await c.app.inject(url)).body).toContain('name="token"');
    });

    it('refuses hostile and out-of-range values with messages, and changes nothing', async () => {
      const before = await loadCommentSettings(t.handle.db);
      for (const bad of [
        { moderation: '<script>alert(1)</script>' },
        { maxLength: '-5' },
        { maxLength: '99' },
        { perPage: '1e3' },
        { closeAfterDays: '1; DROP TABLE settings; --' },
        { spamThreshold: '' },
        { rateWindowMinutes: '99999999999999999999' },
        { maxLinks: '3.5' },
      ]) {
        const res = await owner.post('/admin/comments/settings', { ...FORM, ...bad }, '/admin/comments/settings');
        expect(res.statusCode, JSON.stringify(bad)).toBe(400);
        expect(res.body).toContain('There is a problem');
        expect(res.body).not.toContain('<script>alert(1)');
        expect(await loadCommentSettings(t.handle.db)).toEqual(before);
      }
      const form = await owner.get('/admin/comments/settings');
      const noToken = await owner.postRaw('/admin/comments/settings', { ...FORM, moderation: 'hold_all', _csrf: `wrong${csrfOf(form.body)}` });
      expect(noToken.statusCode).toBe(403);
      expect(await loadCommentSettings(t.handle.db)).toEqual(before);
    });
  });
}
