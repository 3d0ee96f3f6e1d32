/**
 * The comment totals that triggers keep (migration 0027: comment_threads, comment_counts) against
 * what the comments table says, through every kind of write: a reader's post (insert, then its
 * path), an import's temporary paths placed in bulk, moderation in bulk, a comment moved to another
 * article, a deletion, an article's deletion. And the place a comment link is built from
 * (commentPlace) against a count done by hand.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { buildFixture } from '../../helpers/fixture.js';
import { commentPlace, insertComment, placeCommentRow, setCommentPlaces, setStatus } from '../../../src/modules/comment/comment.repository.js';
import { placeComment } from '../../../src/modules/comment/thread.js';
import type { CommentStatus } from '../../../src/db/schema.js';

for (const dialect of DIALECTS) {
  describe(`comment totals kept by triggers (${dialect})`, () => {
    let t: TestDb;
    let posts: number[];
    beforeAll(async () => {
      t = await freshDb(dialect);
      await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 3);
      posts = (await t.handle.db.selectFrom('posts').select('id').where('type', '=', 'post').orderBy('id').execute()).map((r) => r.id);
    });
    afterAll(() => t?.cleanup());

    const db = () => t.handle.db;
    const row = (postId: number, status: CommentStatus, p = '') => ({
      post_id: postId,
      parent_id: null,
      path: p,
      depth: 0,
      author_name: 'Reader',
      author_email: '',
      author_url: '',
      user_id: null,
      body: 'A view',
      body_html: '<p>A view</p>',
      status,
      ip_hash: '',
      spam_score: 0,
      spam_reasons: '',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    /** A reader's post as the comment service stores it: the row, then its place once the id is known. */
    const post = async (postId: number, status: CommentStatus, parent?: { id: number; path: string; depth: number }) =>
      db()
        .transaction()
        .execute(async (trx) => {
          const id = await insertComment(trx, { ...row(postId, status), parent_id: parent?.id ?? null });
          await placeCommentRow(trx, id, placeComment(id, parent));
          return id;
        });
    const placed = (id: number) => db().selectFrom('comments').select(['id', 'path', 'depth']).where('id', '=', id).executeTakeFirstOrThrow();

    /** The totals as the triggers kept them and as the comments table says they are. */
    async function expectTotalsTrue(): Promise<void> {
      const truthThreads = await sql<{ post_id: number; root_path: string; approved: number | string }>`
        select post_id, substr(path, 1, 10) as root_path, count(*) as approved from comments
        where status = 'approved' and path <> '' group by post_id, substr(path, 1, 10) order by post_id, root_path`.execute(db());
      const kept = await db().selectFrom('comment_threads').selectAll().orderBy('post_id').orderBy('root_path').execute();
      expect(kept.map((r) => ({ ...r, approved: Number(r.approved) }))).toEqual(truthThreads.rows.map((r) => ({ ...r, approved: Number(r.approved) })));
      const counts = await db().selectFrom('comment_counts').selectAll().execute();
      for (const p of posts) {
        const mine = truthThreads.rows.filter((r) => r.post_id === p);
        const c = counts.find((r) => r.post_id === p);
        expect({ post: p, approved: Number(c?.approved ?? 0), threads: Number(c?.threads ?? 0) }).toEqual({
          post: p,
          approved: mine.reduce((a, r) => a + Number(r.approved), 0),
          threads: mine.length,
        });
      }
    }

    /** Every comment's place, against the approved threads before its own counted by hand. */
    async function expectPlacesTrue(): Promise<void> {
      const all = await db().selectFrom('comments').select(['id', 'post_id', 'path', 'status']).where('path', '<>', '').execute();
      for (const c of all) {
        const root = c.path.slice(0, 10);
        const approvedRoots = new Set(all.filter((x) => x.post_id === c.post_id && x.status === 'approved').map((x) => x.path.slice(0, 10)));
        const place = await commentPlace(db(), c.id);
        expect({ id: c.id, before: place?.approvedBefore, own: place?.approvedThread }).toEqual({
          id: c.id,
          before: [...approvedRoots].filter((r) => r < root).length,
          own: approvedRoots.has(root),
        });
      }
    }

    it('follow readers posting threads and replies, approved and held', async () => {
      const [a, b] = posts;
      const first = await post(a!, 'approved');
      const held = await post(a!, 'pending');
      const reply = await post(a!, 'approved', await placed(first));
      await post(a!, 'approved', await placed(reply));
      await post(a!, 'spam');
      await post(b!, 'approved');
      await expectTotalsTrue();
      const counts = await db().selectFrom('comment_counts').selectAll().where('post_id', '=', a!).executeTakeFirstOrThrow();
      expect(counts).toMatchObject({ approved: 3, threads: 1 });
      // The held thread is not counted until it is approved; the newest thread comes last.
      expect(await commentPlace(db(), held)).toMatchObject({ approvedBefore: 1, approvedThread: false });
      const newest = await post(a!, 'approved');
      expect(await commentPlace(db(), newest)).toMatchObject({ approvedBefore: 1, approvedThread: true });
      await expectPlacesTrue();
    });

    it('follow moderation in bulk, an import placing temporary paths, a move and deletions', async () => {
      const [a, b, c] = posts;
      const all = await db().selectFrom('comments').select(['id', 'status']).orderBy('id').execute();
      // Approve everything held, then send some approved ones to spam and trash.
      await setStatus(
        db(),
        all.filter((x) => x.status !== 'approved').map((x) => x.id),
        'approved',
        '2026-01-02T00:00:00.000Z',
      );
      await expectTotalsTrue();
      await setStatus(db(), [all[0]!.id, all[2]!.id], 'spam', '2026-01-02T00:00:00.000Z');
      await expectTotalsTrue();
      await expectPlacesTrue();

      // An import: rows under temporary paths, then placed all at once (roots and replies).
      const ids: number[] = [];
      for (let i = 0; i < 4; i++) ids.push(await insertComment(db(), row(c!, i === 2 ? 'pending' : 'approved', `~import:${i}`)));
      const root = placeComment(ids[0]!, undefined);
      await setCommentPlaces(db(), [
        { id: ids[0]!, parent_id: null, ...root },
        { id: ids[1]!, parent_id: ids[0]!, ...placeComment(ids[1]!, { id: ids[0]!, ...root }) },
        { id: ids[2]!, parent_id: null, ...placeComment(ids[2]!, undefined) },
        { id: ids[3]!, parent_id: null, ...placeComment(ids[3]!, undefined) },
      ]);
      await expectTotalsTrue();
      expect(await db().selectFrom('comment_counts').selectAll().where('post_id', '=', c!).executeTakeFirstOrThrow()).toMatchObject({
        approved: 3,
        threads: 2,
      });

      // A thread moved to another article (its rows change post).
      await db().updateTable('comments').set({ post_id: b! }).where('id', 'in', [ids[0]!, ids[1]!]).execute();
      await expectTotalsTrue();
      // A comment deleted, then a whole article with its comments.
      await db().deleteFrom('comments').where('id', '=', ids[3]!).execute();
      await expectTotalsTrue();
      await db().deleteFrom('posts').where('id', '=', a!).execute();
      posts = posts.filter((p) => p !== a);
      await expectTotalsTrue();
      expect(await db().selectFrom('comment_counts').selectAll().where('post_id', '=', a!).execute()).toEqual([]);
      await expectPlacesTrue();
    });
  });
}
