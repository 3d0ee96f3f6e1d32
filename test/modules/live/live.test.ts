/**
 * Live coverage (modules/live) on both databases: an article started as a live page takes
 * entries bylined to whoever writes them, newest first, some pinned as key events; editing keeps
 * an entry's time; deleting one moves the page's "updated" time back; ending keeps every entry
 * and refuses new ones until it is resumed; hostile or empty entries are refused, saving nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../../../src/modules/article/article.service.js';
import { doc, p, quoteCard } from '../../../src/modules/article/document.js';
import { entriesAfterWithAuthors, entriesNewerThan, entriesWithAuthors, findLivePost, keyEventsOf } from '../../../src/modules/live/live.repository.js';
import { addEntry, deleteEntry, editEntry, endLive, startLive } from '../../../src/modules/live/live.service.js';
import { makeUser } from '../../helpers/admin.js';
import { NOW } from '../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';

const MIN = 60_000;

for (const dialect of DIALECTS) {
  describe(`live coverage (${dialect})`, () => {
    let t: TestDb;
    let postId: number;
    let who: { user: { id: number; name: string; email: string }; ip: string };
    beforeAll(async () => {
      t = await freshDb(dialect);
      const u = await makeUser(t, 'editor', 'desk@example.com');
      who = { user: { id: u.id, name: 'Desk Editor', email: u.email }, ip: '127.0.0.1' };
      postId = await createArticle(
        t.handle.db,
        { slug: 'storm-live', title: 'Storm: live', body: doc(p('The storm reaches the coast.')), status: 'published' },
        NOW,
      );
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    const at = (minutes: number) => new Date(NOW.getTime() + minutes * MIN);

    it('runs a live page: entries newest first, key events, edits, deletions, the end', async () => {
      const db = t.handle.db;
      await expect(addEntry(db, postId, { headline: '', body: doc(p('Too early.')), pinned: false }, who, at(0))).rejects.toThrow(/Start the live coverage/);
      const started = await startLive(db, postId, who, at(0));
      expect(started.purge).toEqual(expect.arrayContaining([`post:${postId}`, `live:${postId}`, 'home']));
      await expect(startLive(db, postId, who, at(0))).rejects.toThrow(/live already/);

      const first = await addEntry(db, postId, { headline: 'Winds reach 120 km/h', body: doc(p('Gusts on the coast.')), pinned: true }, who, at(1));
      expect(first.purge).toEqual([`live:${postId}`, 'feed', 'sitemap']);
      const second = await addEntry(
        db,
        postId,
        {
          headline: '',
          body: doc(
            quoteCard({ author: 'Coastguard', handle: '@coastguard', date: at(2).toISOString(), text: 'Stay off the piers.', url: 'https://social.example/1' }),
          ),
          pinned: false,
        },
        who,
        at(2),
      );
      const third = await addEntry(db, postId, { headline: 'Bridge closed', body: doc(p('The harbour bridge is closed.')), pinned: true }, who, at(3));

      const page = await entriesWithAuthors(db, postId, 10, 0);
      expect(page.total).toBe(3);
      expect(page.rows.map((r) => r.id)).toEqual([third.id, second.id, first.id]);
      expect(page.rows[1]!.body_html).toContain('class="quote-card"');
      expect(page.rows[0]!.author_id).not.toBeNull();
      expect((await keyEventsOf(db, postId)).map((r) => r.headline)).toEqual(['Bridge closed', 'Winds reach 120 km/h']);
      expect((await entriesAfterWithAuthors(db, postId, first.id, 10)).map((r) => r.id)).toEqual([third.id, second.id]);
      expect(await entriesNewerThan(db, page.rows[2]!)).toBe(2);
      expect((await findLivePost(db, postId))?.live_updated_at).toBe(at(3).toISOString());

      // An edit keeps the entry's time; unpinning takes it out of the key events.
      await editEntry(db, postId, first.id, { headline: 'Winds reach 130 km/h', body: doc(p('Gusts on the coast, stronger.')), pinned: false }, who, at(4));
      const edited = (await entriesWithAuthors(db, postId, 10, 0)).rows.find((r) => r.id === first.id)!;
      expect(edited).toMatchObject({ headline: 'Winds reach 130 km/h', created_at: at(1).toISOString(), updated_at: at(4).toISOString(), pinned: 0 });
      expect((await keyEventsOf(db, postId)).map((r) => r.id)).toEqual([third.id]);

      await deleteEntry(db, postId, third.id, who, at(5));
      expect((await findLivePost(db, postId))?.live_updated_at).toBe(at(2).toISOString());
      await expect(deleteEntry(db, postId, third.id, who, at(5))).rejects.toThrow(/no such entry/);

      await endLive(db, postId, who, at(6));
      expect(await findLivePost(db, postId)).toMatchObject({ live_status: 'ended', live_started_at: at(0).toISOString(), live_ended_at: at(6).toISOString() });
      expect((await entriesWithAuthors(db, postId, 10, 0)).total).toBe(2);
      await expect(addEntry(db, postId, { headline: '', body: doc(p('Late.')), pinned: false }, who, at(7))).rejects.toThrow(/Start the live coverage/);
      await expect(endLive(db, postId, who, at(7))).rejects.toThrow(/not live/);
      await startLive(db, postId, who, at(8));
      expect(await findLivePost(db, postId)).toMatchObject({ live_status: 'live', live_started_at: at(0).toISOString(), live_ended_at: null });

      const audit = await db.selectFrom('audit_log').select('action').where('action', 'like', 'live.%').orderBy('id').execute();
      expect(audit.map((r) => r.action)).toEqual([
        'live.started',
        'live.entry_added',
        'live.entry_added',
        'live.entry_added',
        'live.entry_edited',
        'live.entry_deleted',
        'live.ended',
        'live.started',
      ]);
    });

    it('refuses hostile or empty entries, saving nothing', async () => {
      const db = t.handle.db;
      const before = (await entriesWithAuthors(db, postId, 100, 0)).total;
      const bad: [string, RegExp][] = [
        ['<script>alert(1)</script>', /cannot contain < or >/],
        ['x'.repeat(301), /at most 300 characters/],
        ['Line\nbreak', /one line of text/],
      ];
      for (const [headline, message] of bad)
        await expect(addEntry(db, postId, { headline, body: doc(p('Text.')), pinned: false }, who, at(9))).rejects.toThrow(message);
      await expect(addEntry(db, postId, { headline: 'Empty', body: doc(), pinned: false }, who, at(9))).rejects.toThrow(/text is empty/);
      expect((await entriesWithAuthors(db, postId, 100, 0)).total).toBe(before);
      // SQL metacharacters are text like any other.
      const ok = await addEntry(db, postId, { headline: "Robert'); DROP TABLE live_entries; --", body: doc(p('Text.')), pinned: false }, who, at(10));
      expect((await entriesWithAuthors(db, postId, 1, 0)).rows[0]).toMatchObject({ id: ok.id, headline: "Robert'); DROP TABLE live_entries; --" });
    });
  });
}
