import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { buildFixture } from '../../helpers/fixture.js';
import { insertComment } from '../../helpers/comments.js';

const BIN = path.resolve('bin/broadsheet.mjs');

for (const dialect of DIALECTS) {
  describe(`broadsheet comments export|erase (${dialect})`, () => {
    let t: TestDb;
    const run = (args: string[]) =>
      spawnSync(process.execPath, [BIN, 'comments', ...args], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, DATABASE_URL: t.databaseUrl ?? '', DATA_DIR: t.dataDir, DEMO: '0', LOG_LEVEL: 'warn' },
      });
    beforeAll(async () => {
      t = await freshDb(dialect);
      await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 1);
      const post = await t.handle.db.selectFrom('posts').select('id').where('type', '=', 'post').executeTakeFirstOrThrow();
      for (const [email, body] of [
        ['Subject@Example.com', 'First words'],
        ['subject@example.com', 'Second words'],
        ['other@example.com', 'Not theirs'],
      ] as const) {
        await insertComment(t.handle.db, { postId: post.id, body, status: 'approved', name: 'Sam', email, ipHash: 'f'.repeat(64) });
      }
    });
    afterAll(async () => t?.cleanup());

    it("exports a commenter's comments as JSON, then erases their personal data", async () => {
      const out = run(['export', '--email', 'subject@example.com']);
      expect(out.status, out.stderr).toBe(0);
      const data = JSON.parse(out.stdout) as { comments: { body: string }[] };
      expect(data.comments.map((c) => c.body)).toEqual(['First words', 'Second words']);
      const erased = run(['erase', '--email', 'subject@example.com']);
      expect(erased.status, erased.stderr).toBe(0);
      expect(erased.stdout).toContain('Erased 2 comments');
      const rows = await t.handle.db.selectFrom('comments').selectAll().orderBy('id').execute();
      expect(rows.filter((r) => r.body === '' && r.author_email === '' && r.ip_hash === '' && r.status === 'trash')).toHaveLength(2);
      expect(rows.find((r) => r.author_email === 'other@example.com')?.body).toBe('Not theirs');
      expect(JSON.parse(run(['export', '--email', 'subject@example.com']).stdout).comments).toEqual([]);
      expect(run(['export']).status).toBe(2);
      expect(run(['delete', '--email', 'a@b.c']).status).toBe(2);
    });
  });
}
