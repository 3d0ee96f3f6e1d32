/**
 * /admin, the newsroom at a glance: what each role sees (contributors and authors their own
 * articles; editors everyone's drafts, the review queue and comments), scheduled times, links to
 * the full filtered lists, escaping, and a query count that does not grow with the newsroom.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../../src/modules/article/article.service.js';
import { doc, p } from '../../../../src/modules/article/document.js';
import type { PostStatus } from '../../../../src/db/schema.js';
import type { User } from '../../../../src/modules/user/user.js';
import { ensureAuthorOfUser } from '../../../../src/modules/author/author.service.js';
import { insertCategory } from '../../../../src/modules/taxonomy/taxonomy.repository.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { NOW } from '../../../helpers/clock.js';

/** The HTML of one dashboard panel, by its id. */
function panel(html: string, id: string): string {
  const start = html.indexOf(`id="dash-${id}"`);
  if (start < 0) return '';
  return html.slice(start, html.indexOf('</section>', start));
}

for (const dialect of DIALECTS) {
  describe(`admin dashboard (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    const users = {} as Record<'owner' | 'editor' | 'author' | 'contributor', User>;
    let section: number;
    let seq = 0;

    const write = async (who: User, title: string, status: PostStatus, publishedAt?: string) => {
      const author = await ensureAuthorOfUser(t.handle.db, who, NOW);
      return createArticle(
        t.handle.db,
        {
          status,
          slug: `dash-${++seq}`,
          title,
          body: doc(p('Text.')),
          categoryIds: [section],
          authorIds: [author],
          ...(publishedAt ? { publishedAt } : {}),
        },
        NOW,
      );
    };
    const comment = async (postId: number, status: 'pending' | 'approved' | 'spam', body: string, name = 'Reader') => {
      const at = new Date(NOW.getTime() - 60_000 * ++seq).toISOString();
      await t.handle.db
        .insertInto('comments')
        .values({
          post_id: postId,
          parent_id: null,
          path: String(seq).padStart(8, '0'),
          depth: 0,
          author_name: name,
          author_email: 'r@example.com',
          author_url: '',
          user_id: null,
          body,
          body_html: `<p>${body}</p>`,
          status,
          ip_hash: 'h',
          spam_score: 0,
          spam_reasons: '',
          created_at: at,
          updated_at: at,
        })
        .execute();
    };
    const dashboardAs = async (who: keyof typeof users) => {
      const a = new Agent(app);
      expect((await a.login(users[who].email)).statusCode).toBe(303);
      return a;
    };

    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t);
      for (const r of ['owner', 'editor', 'author', 'contributor'] as const) users[r] = await makeUser(t, r);
      section = await insertCategory(t.handle.db, { parent_id: null, slug: 'news', name: 'News' });
      await write(users.contributor, 'Contributor draft', 'draft');
      await write(users.contributor, 'Contributor pending', 'pending');
      await write(users.author, 'Author draft', 'draft');
      await write(users.author, 'Author scheduled', 'scheduled', '2026-11-21T09:30:00.000Z');
      const published = await write(users.author, 'Author published <i>story</i>', 'published', '2026-11-20T08:00:00.000Z');
      await write(users.editor, 'Editor draft', 'draft');
      await write(users.editor, 'Editor scheduled', 'scheduled', '2026-11-22T07:00:00.000Z');
      await comment(published, 'pending', '<script>alert(1)</script> first!', '<b>Mallory</b>');
      await comment(published, 'pending', 'Second pending');
      await comment(published, 'approved', 'Approved and shown');
      await comment(published, 'spam', 'Buy pills');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('a contributor sees only their own articles, no comments, and the full lists are one link away', async () => {
      const html = (await (await dashboardAs('contributor')).get('/admin')).body;
      expect(panel(html, 'my-drafts')).toContain('Contributor draft');
      expect(panel(html, 'my-drafts')).toContain('href="/admin/articles?status=draft"');
      expect(panel(html, 'pending')).toContain('Contributor pending');
      expect(panel(html, 'pending')).toContain('href="/admin/articles?status=pending"');
      for (const other of ['Author draft', 'Editor draft', 'Author scheduled', 'Author published']) expect(html).not.toContain(other);
      expect(panel(html, 'drafts')).toBe('');
      expect(panel(html, 'comments')).toBe('');
      expect(html).not.toContain('href="/admin/comments"');
      expect(html).toContain('href="/admin/articles/new"');
      expect(html).not.toContain('href="/admin/categories"');
      expect(html).toContain('You write and submit; an editor publishes.');
    });

    it('an author sees their drafts, scheduled (with the time) and published articles', async () => {
      const html = (await (await dashboardAs('author')).get('/admin')).body;
      expect(panel(html, 'my-drafts')).toContain('Author draft');
      expect(panel(html, 'scheduled')).toContain('Author scheduled');
      expect(panel(html, 'scheduled')).toContain('Goes live <time datetime="2026-11-21T09:30:00.000Z">21 Nov 2026, 09:30 UTC</time>');
      expect(panel(html, 'scheduled')).not.toContain('Editor scheduled');
      expect(panel(html, 'published')).toContain('Author published &lt;i>story&lt;/i>');
      expect(html).not.toContain('Contributor draft');
      expect(html).not.toContain('Editor draft');
    });

    it("an editor sees their own drafts apart from everyone's, the review queue, the schedule in order and the comments", async () => {
      const html = (await (await dashboardAs('editor')).get('/admin')).body;
      const mine = panel(html, 'my-drafts');
      expect(mine).toContain('Editor draft');
      expect(mine).not.toContain('Author draft');
      const authorId = (await t.handle.db.selectFrom('authors').select('id').where('user_id', '=', users.editor.id).executeTakeFirstOrThrow()).id;
      expect(mine).toContain(`href="/admin/articles?status=draft&amp;author=${authorId}"`);
      const all = panel(html, 'drafts');
      for (const d of ['Editor draft', 'Author draft', 'Contributor draft']) expect(all).toContain(d);
      expect(all).toContain('(3)');
      expect(panel(html, 'pending')).toContain('Contributor pending');
      const scheduled = panel(html, 'scheduled');
      expect(scheduled.indexOf('Author scheduled')).toBeLessThan(scheduled.indexOf('Editor scheduled'));
      const comments = panel(html, 'comments');
      expect(comments).toContain('<a href="/admin/comments">2 pending moderation</a>');
      expect(comments).toContain('Approved and shown');
      expect(comments).not.toContain('Buy pills');
      expect(comments).not.toContain('<script>alert');
      expect(comments).toContain('&lt;script>alert(1)&lt;/script> first!');
      expect(comments).toContain('&lt;b>Mallory&lt;/b>');
      for (const link of ['/admin/articles/new', '/admin/comments', '/admin/categories', '/admin/tags']) expect(html).toContain(`href="${link}"`);
      expect(html).not.toContain('href="/admin/users"');
    });

    it('an owner gets the same newsroom view plus the owner links', async () => {
      const html = (await (await dashboardAs('owner')).get('/admin')).body;
      expect(panel(html, 'drafts')).toContain('Author draft');
      expect(panel(html, 'my-drafts')).toContain('You have no drafts.');
      expect(html).toContain('href="/admin/users"');
    });

    it('runs a fixed number of queries however many articles and comments there are', async () => {
      const a = await dashboardAs('editor');
      await a.get('/admin');
      t.handle.stats.queries = 0;
      await a.get('/admin');
      const few = t.handle.stats.queries;
      for (let i = 0; i < 12; i++) {
        const id = await write(
          i % 2 ? users.author : users.contributor,
          `Bulk ${i}`,
          (['draft', 'pending', 'published', 'scheduled'] as const)[i % 4]!,
          i % 4 >= 2 ? '2026-11-23T10:00:00.000Z' : undefined,
        );
        await comment(id, 'pending', `Bulk comment ${i}`);
      }
      t.handle.stats.queries = 0;
      const res = await a.get('/admin');
      expect(t.handle.stats.queries).toBe(few);
      expect(few).toBeLessThanOrEqual(14);
      // Lists stay short; counts say how many there are.
      expect((panel(res.body, 'drafts').match(/<li>/g) ?? []).length).toBe(5);
      expect(panel(res.body, 'comments')).toContain('14 pending moderation');
    });
  });
}
