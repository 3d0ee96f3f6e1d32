import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { buildFixture } from '../helpers/fixture.js';
import { loadConfig } from '../../src/config/config.js';
import { startIpPurge } from '../../src/jobs/comment-ip-purge.js';
import { addComment, postIdOf } from '../helpers/comments.js';
import { Clock } from '../helpers/clock.js';

const BIN = path.resolve('bin/broadsheet.mjs');

describe('COMMENT_IP_RETENTION_DAYS', () => {
  it('defaults to 90, takes whole days, refuses anything else', () => {
    expect(loadConfig({}).commentIpRetentionDays).toBe(90);
    expect(loadConfig({ COMMENT_IP_RETENTION_DAYS: '0' }).commentIpRetentionDays).toBe(0);
    expect(loadConfig({ COMMENT_IP_RETENTION_DAYS: '30' }).commentIpRetentionDays).toBe(30);
    for (const bad of ['-1', '1.5', 'ninety', '99999999']) expect(() => loadConfig({ COMMENT_IP_RETENTION_DAYS: bad })).toThrow(/COMMENT_IP_RETENTION_DAYS/);
  });
});

for (const dialect of DIALECTS) {
  describe(`IP hash purge (${dialect})`, () => {
    let t: TestDb;
    let postId: number;
    const setCreated = (id: number, iso: string) => t.handle.db.updateTable('comments').set({ created_at: iso }).where('id', '=', id).execute();
    const hashOf = async (id: number) => (await t.handle.db.selectFrom('comments').select('ip_hash').where('id', '=', id).executeTakeFirstOrThrow()).ip_hash;
    beforeAll(async () => {
      t = await freshDb(dialect);
      const fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 1);
      postId = await postIdOf(t.handle.db, fx.slugs[0]!);
    });
    afterAll(async () => t?.cleanup());

    it('the timer job forgets IP hashes older than the retention, by the injected clock', async () => {
      const clock = new Clock();
      const old = await addComment(t.handle.db, postId, { body: 'old' });
      const recent = await addComment(t.handle.db, postId, { body: 'recent' });
      await setCreated(old, new Date(clock.now().getTime() - 91 * 86_400_000).toISOString());
      await setCreated(recent, new Date(clock.now().getTime() - 89 * 86_400_000).toISOString());
      const purged: number[] = [];
      const job = startIpPurge(t.handle.db, { days: 90, now: clock.now, intervalMs: 3_600_000, onPurged: (n) => purged.push(n) });
      try {
        expect(await job.tick()).toBeGreaterThanOrEqual(0);
        expect(await hashOf(old)).toBe('');
        expect(await hashOf(recent)).toMatch(/^b{64}$/);
        // Two days later the recent one is old too; running again is harmless.
        clock.advance(2 * 86_400_000);
        expect(await job.tick()).toBe(1);
        expect(await hashOf(recent)).toBe('');
        expect(await job.tick()).toBe(0);
        expect(purged.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
      } finally {
        job.stop();
      }
      // 0 days keeps everything.
      const kept = await addComment(t.handle.db, postId, { body: 'kept' });
      await setCreated(kept, '2000-01-01T00:00:00.000Z');
      const off = startIpPurge(t.handle.db, { days: 0, now: clock.now });
      expect(await off.tick()).toBe(0);
      off.stop();
      expect(await hashOf(kept)).toMatch(/^b{64}$/);
    });

    it('broadsheet comments purge-ips [--days N]', async () => {
      const run = (args: string[]) =>
        spawnSync(process.execPath, [BIN, 'comments', 'purge-ips', ...args], {
          encoding: 'utf8',
          timeout: 60_000,
          env: { ...process.env, DATABASE_URL: t.databaseUrl ?? '', DATA_DIR: t.dataDir, DEMO: '0', LOG_LEVEL: 'warn' },
        });
      const a = await addComment(t.handle.db, postId, { body: 'a' });
      const b = await addComment(t.handle.db, postId, { body: 'b' });
      await setCreated(a, new Date(Date.now() - 40 * 86_400_000).toISOString());
      await setCreated(b, new Date(Date.now() - 5 * 86_400_000).toISOString());
      const out = run(['--days', '30']);
      expect(out.status, out.stderr).toBe(0);
      expect(out.stdout).toMatch(/Purged the IP hashes of \d+ comments? older than 30 days/);
      expect(await hashOf(a)).toBe('');
      expect(await hashOf(b)).toMatch(/^b{64}$/);
      expect(run(['--days', 'x; rm -rf /']).status).toBe(2);
    });
  });
}
