import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { makeUser, signedIn } from '../../../helpers/admin.js';
import { saveCommentSettings } from '../../../../src/modules/comment/comment-settings.js';
import { commentsApp, idFrom, Reader, type CommentsCtx } from '../../../helpers/comments.js';
import { Agent } from '../../../helpers/agent.js';

for (const dialect of DIALECTS) {
  describe(`block and allow lists in the admin (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let editor: Agent;
    let url: string;
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t, {}, 2);
      url = `/${c.fx.slugs[0]}/`;
      await saveCommentSettings(t.handle.db, { moderation: 'auto' });
      editor = new Agent(c.app);
      await editor.login((await makeUser(t, 'editor')).email);
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });
    const rules = () => t.handle.db.selectFrom('comment_rules').selectAll().orderBy('id').execute();
    const statusOf = async (id: number) =>
      await t.handle.db.selectFrom('comments').select(['status', 'spam_reasons']).where('id', '=', id).executeTakeFirstOrThrow();

    it('adds a blocked word with a note; a comment with it is then spam; removing it lifts the block', async () => {
      const page = await editor.get('/admin/comments/rules');
      expect(page.statusCode).toBe(200);
      expect((await editor.get('/admin/comments')).body).toContain('href="/admin/comments/rules"');
      const res = await editor.post(
        '/admin/comments/rules',
        { list: 'block', kind: 'word', value: '  Casino  ', note: 'seen in 40 spam comments <b>' },
        '/admin/comments/rules',
      );
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/comments/rules?done=added');
      const list = await editor.get('/admin/comments/rules');
      expect(list.body).toContain('<code dir="auto">casino</code>');
      expect(list.body).toContain('seen in 40 spam comments &lt;b');
      expect(list.body).not.toContain('comments <b>');
      const spam = idFrom(await new Reader(c, '203.0.113.20').comment(url, { body: 'Best CASINO bonus' }));
      expect(await statusOf(spam)).toMatchObject({ status: 'spam' });
      expect((await statusOf(spam)).spam_reasons).toContain('blocked-word');
      const again = await editor.post('/admin/comments/rules', { list: 'block', kind: 'word', value: 'casino', note: '' }, '/admin/comments/rules');
      expect(again.headers.location).toBe('/admin/comments/rules?done=exists');
      expect(await rules()).toHaveLength(1);
      const id = (await rules())[0]!.id;
      expect((await editor.post('/admin/comments/rules/remove', { id: String(id) }, '/admin/comments/rules')).statusCode).toBe(303);
      expect(await rules()).toHaveLength(0);
      const ok = idFrom(await new Reader(c, '203.0.113.21').comment(url, { body: 'The casino closed down' }));
      expect((await statusOf(ok)).status).toBe('approved');
      const audit = await t.handle.db.selectFrom('audit_log').select('action').where('action', 'like', 'comment_rule.%').orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['comment_rule.added', 'comment_rule.removed']);
    });

    it('allow-lists an email; blocks an IP hash', async () => {
      await editor.post('/admin/comments/rules', { list: 'allow', kind: 'email', value: 'Trusted@Example.com', note: 'regular' }, '/admin/comments/rules');
      await saveCommentSettings(t.handle.db, { moderation: 'hold_all' });
      const trusted = idFrom(await new Reader(c, '203.0.113.22').comment(url, { email: 'trusted@example.com', body: 'From a regular' }));
      expect((await statusOf(trusted)).status).toBe('approved');
      await saveCommentSettings(t.handle.db, { moderation: 'auto' });
      const hash = (await t.handle.db.selectFrom('comments').select('ip_hash').where('id', '=', trusted).executeTakeFirstOrThrow()).ip_hash;
      const r = await editor.post('/admin/comments/rules', { list: 'block', kind: 'ip_hash', value: hash.toUpperCase(), note: '' }, '/admin/comments/rules');
      expect(r.statusCode).toBe(303);
      expect((await rules()).some((x) => x.value === hash)).toBe(true);
    });

    it('refuses invalid rules with a 400 and a message, saving nothing', async () => {
      const before = (await rules()).length;
      const cases: [Record<string, string>, string][] = [
        [{ list: 'block', kind: 'email', value: 'not an email' }, 'does not look right'],
        [{ list: 'block', kind: 'ip_hash', value: '192.0.2.1' }, '64 hexadecimal'],
        [{ list: 'allow', kind: 'word', value: 'viagra' }, 'only be blocked'],
        [{ list: 'nope', kind: 'word', value: 'viagra' }, 'block list or the allow list'],
        [{ list: 'block', kind: 'sql', value: "x'; DROP TABLE comment_rules;--" }, 'Choose words'],
        [{ list: 'block', kind: 'word', value: '   ' }, 'Give the word'],
        [{ list: 'block', kind: 'word', value: 'x'.repeat(101) }, '2 to 100'],
        [{ list: 'block', kind: 'word', value: 'ok word', note: 'n'.repeat(501) }, 'at most 500'],
        [{ list: 'block', kind: 'word', value: 'bad\u0000word' }, 'control characters'],
        [{ list: 'block', kind: 'word', value: 'y'.repeat(5000) }, 'too long'],
      ];
      for (const [form, msg] of cases) {
        const res = await editor.post('/admin/comments/rules', { note: '', ...form }, '/admin/comments/rules');
        expect(res.statusCode, JSON.stringify(form).slice(0, 80)).toBe(400);
        expect(res.body).toContain(msg);
      }
      expect((await editor.post('/admin/comments/rules/remove', { id: '999999' }, '/admin/comments/rules')).statusCode).toBe(404);
      expect((await editor.post('/admin/comments/rules/remove', { id: '1 OR 1=1' }, '/admin/comments/rules')).statusCode).toBe(400);
      expect((await rules()).length).toBe(before);
    });

    it('is for editors and owners, with CSRF', async () => {
      for (const who of ['author', 'contributor'] as const) {
        const a = await signedIn(c.app, t, who);
        expect((await a.get('/admin/comments/rules')).statusCode).toBe(403);
        expect((await a.post('/admin/comments/rules', { list: 'block', kind: 'word', value: 'sneaky' })).statusCode).toBe(403);
      }
      expect((await new Agent(c.app).get('/admin/comments/rules')).statusCode).toBe(303);
      expect((await editor.postRaw('/admin/comments/rules', { list: 'block', kind: 'word', value: 'sneaky' })).statusCode).toBe(403);
      expect((await (await signedIn(c.app, t, 'owner')).get('/admin/comments/rules')).statusCode).toBe(200);
      expect((await rules()).some((r) => r.value === 'sneaky')).toBe(false);
    });
  });
}
