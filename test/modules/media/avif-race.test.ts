/**
 * An article saved while its image's AVIF is being made ends up offering the AVIF. The encode's
 * re-render of the articles that show the image runs after its own commit; an article whose save
 * had not committed by then was missed and kept its figures without AVIF for good (the flaky
 * "uploaded after the article was published" test on PostgreSQL). The save now share-locks the
 * media rows it renders from (db/row-lock), so the encode's write waits for the save to commit.
 * SQLite runs one transaction at a time on its one connection: there the encode cannot even read
 * while the save is open.
 */
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticleIn } from '../../../src/modules/article/article.service.js';
import { doc, figure, p } from '../../../src/modules/article/document.js';
import { generateAvif } from '../../../src/modules/media/avif.service.js';
import { rerenderPostsUsingMedia } from '../../../src/modules/media/media-usage.js';
import { storeImage } from '../../../src/modules/media/media.service.js';
import { NOW } from '../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { testImage } from '../../helpers/fixture.js';

/** Resolves once a session of this database waits for a row lock, or `settled` is true. */
async function untilLockWait(databaseUrl: string, settled: () => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (;;) {
      if (settled()) return;
      const { rows } = await client.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
      if (rows[0].n > 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await client.end();
  }
}

for (const dialect of DIALECTS) {
  describe(`an AVIF made while an article that shows the image is being saved (${dialect})`, () => {
    let t: TestDb;
    let mediaRoot: string;
    beforeAll(async () => {
      t = await freshDb(dialect);
      mediaRoot = path.join(t.dataDir, 'media');
    });
    afterAll(() => t.cleanup());

    it('reaches the article once both are done', async () => {
      const db = t.handle.db;
      const mediaId = await storeImage(db, mediaRoot, { fileName: 'late.png', bytes: await testImage(600, 400, '#225533'), alt: 'Green' });
      let settled = false;
      let encode: Promise<number[]> | undefined;
      const postId = await db.transaction().execute(async (trx) => {
        const id = await createArticleIn(
          trx,
          { title: 'Green things', slug: 'green-things', status: 'published', body: doc(p('Leaves.'), figure({ mediaId, alt: '', caption: '', credit: '' })) },
          NOW,
        );
        // The encode starts while the save is open, as the upload's queue does.
        encode = generateAvif(db, mediaRoot, mediaId)
          .then((made) => (made ? rerenderPostsUsingMedia(db, mediaId) : []))
          .finally(() => {
            settled = true;
          });
        // Without the lock, the encode would write, re-render nothing and finish before this commit.
        if (t.databaseUrl) await untilLockWait(t.databaseUrl, () => settled);
        return id;
      });
      expect(await encode).toEqual([postId]);
      const row = await db.selectFrom('posts').select('body_html').where('id', '=', postId).executeTakeFirstOrThrow();
      expect(row.body_html).toMatch(/late-480\.avif/);
    }, 60_000);
  });
}
