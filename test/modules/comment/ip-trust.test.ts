/**
 * Moderation that an address cannot game, and an address that means the same on every instance:
 * hold_first trusts an approved history only by the same email under the same name (two readers
 * behind one office address do not vouch for each other); the IP-hash key lives in the database
 * (two instances with different data directories hash alike; an older version's key file is
 * adopted), and a rotation keeps the previous key matching rules until the retention runs out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { addRule } from '../../../src/modules/comment/comment.repository.js';
import { saveCommentSettings } from '../../../src/modules/comment/comment-settings.js';
import { hashIp } from '../../../src/modules/comment/ip-hash.js';
import { IP_KEY_SETTING, loadIpKeys, rotateIpKey } from '../../../src/modules/comment/ip-keys.js';
import { findSetting } from '../../../src/modules/content/settings.repository.js';
import { testApp } from '../../helpers/app.js';
import { commentsApp, idFrom, Reader, type CommentsCtx } from '../../helpers/comments.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';

const OFFICE = '198.51.100.20';
const BIN = fileURLToPath(new URL('../../../bin/broadsheet.mjs', import.meta.url));

for (const dialect of DIALECTS) {
  describe(`comment trust and IP hash keys (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let url: string;
    const status = async (id: number) =>
      await t.handle.db.selectFrom('comments').select(['status', 'ip_hash', 'spam_reasons']).where('id', '=', id).executeTakeFirstOrThrow();
    const approve = (id: number) => t.handle.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', id).execute();
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t, {}, 3);
      url = `/${c.fx.slugs[0]}/`;
      await saveCommentSettings(t.handle.db, { moderation: 'hold_first' });
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });

    it('hold_first: an approved reader is trusted by email and name, never by the address they share', async () => {
      const ana = idFrom(await new Reader(c, OFFICE).comment(url, { name: 'Ana Reyes', email: 'ana@example.org', body: 'First from the office.' }));
      expect((await status(ana)).status).toBe('pending');
      await approve(ana);
      // Ana again: trusted.
      const again = idFrom(await new Reader(c, OFFICE).comment(url, { name: 'Ana Reyes', email: 'ana@example.org', body: 'Second from the office.' }));
      expect((await status(again)).status).toBe('approved');
      // A colleague behind the same address: held like any first comment.
      const ben = idFrom(await new Reader(c, OFFICE).comment(url, { name: 'Ben Okafor', email: 'ben@example.org', body: 'Me too, same network.' }));
      expect((await status(ben)).status).toBe('pending');
      // Ana's email under another name, and no email at all: held.
      const other = idFrom(await new Reader(c, OFFICE).comment(url, { name: 'Not Ana', email: 'ana@example.org', body: 'Borrowing an address.' }));
      expect((await status(other)).status).toBe('pending');
      const anon = idFrom(await new Reader(c, OFFICE).comment(url, { name: 'Anonymous', email: '', body: 'No email given.' }));
      expect((await status(anon)).status).toBe('pending');
      // Ana from home (another address): still Ana.
      const home = idFrom(await new Reader(c, '203.0.113.99').comment(url, { name: 'Ana Reyes', email: 'ana@example.org', body: 'From home.' }));
      expect((await status(home)).status).toBe('approved');
    });

    it('the key lives in the database: an instance with another data directory hashes the same address alike', async () => {
      const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-second-'));
      let second: FastifyInstance | undefined;
      try {
        second = await testApp(t, { DATA_DIR: otherDir }, c.clock.now);
        const one = idFrom(await new Reader(c, OFFICE).comment(url, { name: 'Ana Reyes', email: 'ana@example.org', body: 'Through the first.' }));
        const two = idFrom(
          await new Reader({ ...c, app: second }, OFFICE).comment(url, { name: 'Ana Reyes', email: 'ana@example.org', body: 'Through the second.' }),
        );
        const [h1, h2] = [(await status(one)).ip_hash, (await status(two)).ip_hash];
        expect(h1).toMatch(/^[0-9a-f]{64}$/);
        expect(h2).toBe(h1);
        // So a block rule made on one instance holds on the other.
        await addRule(t.handle.db, 'ip_hash', 'block', h1, new Date().toISOString());
        // (The rate limits count this address's comments through both instances too.)
        const blocked = idFrom(
          await new Reader({ ...c, app: second }, OFFICE).comment(url, { name: 'Ana Reyes', email: 'ana@example.org', body: 'Blocked now.' }),
        );
        const row = await status(blocked);
        expect(row.status).toBe('spam');
        expect(row.spam_reasons.split(',')).toContain('blocked-ip');
        expect(fs.existsSync(path.join(otherDir, 'secrets'))).toBe(false);
      } finally {
        await second?.close();
        fs.rmSync(otherDir, { recursive: true, force: true });
      }
    });

    it('a rotation hashes new comments with a new key; rules made under the old one match until the retention runs out', async () => {
      await t.handle.db.deleteFrom('comment_rules').execute();
      const before = (await loadIpKeys(t.handle.db, { retentionDays: 90, now: c.clock.now() })).current;
      await addRule(t.handle.db, 'ip_hash', 'block', hashIp(before, '192.0.2.77'), new Date().toISOString());
      await rotateIpKey(t.handle.db, { retentionDays: 90, now: c.clock.now(), actor: 'test' });
      const keys = await loadIpKeys(t.handle.db, { retentionDays: 90, now: c.clock.now() });
      expect(keys.current.equals(before)).toBe(false);
      expect(keys.previous?.equals(before)).toBe(true);
      expect(await t.handle.db.selectFrom('audit_log').select('action').where('action', '=', 'secrets.ip_key_rotated').execute()).toHaveLength(1);
      // The running app picks the new key up within a minute.
      c.clock.advance(61_000);
      const id = idFrom(
        await new Reader(c, '192.0.2.77').comment(url, { name: 'Old Rule', email: 'old@example.org', body: 'Still blocked after the rotation.' }),
      );
      expect(await status(id)).toMatchObject({ status: 'spam', spam_reasons: 'blocked-ip', ip_hash: hashIp(keys.current, '192.0.2.77') });
      // Past the retention the previous key is forgotten: hashes made with it are gone by then.
      c.clock.advance(91 * 86_400_000);
      expect((await loadIpKeys(t.handle.db, { retentionDays: 90, now: c.clock.now() })).previous).toBeUndefined();
      const later = idFrom(await new Reader(c, '192.0.2.77').comment(url, { name: 'Old Rule', email: 'old@example.org', body: 'The old rule has lapsed.' }));
      expect((await status(later)).spam_reasons).not.toContain('blocked-ip');
    });
  });
}

describe('an older version’s key file is adopted, and the command line rotates the key', () => {
  it('keeps the hashes a site already stored, then rotates with `broadsheet comments rotate-ip-key`', async () => {
    const t = await freshDb('sqlite');
    try {
      const legacy = Buffer.alloc(32, 9);
      fs.mkdirSync(path.join(t.dataDir, 'secrets'), { recursive: true });
      fs.writeFileSync(path.join(t.dataDir, 'secrets', 'ip-hash.key'), legacy);
      const c = await commentsApp(t, {}, 1);
      try {
        const id = idFrom(
          await new Reader(c, OFFICE).comment(`/${c.fx.slugs[0]}/`, { name: 'Kept', email: 'kept@example.org', body: 'Hashed with the old file key.' }),
        );
        const row = await t.handle.db.selectFrom('comments').select('ip_hash').where('id', '=', id).executeTakeFirstOrThrow();
        expect(row.ip_hash).toBe(hashIp(legacy, OFFICE));
        expect(await findSetting(t.handle.db, IP_KEY_SETTING)).toBe(legacy.toString('hex'));
      } finally {
        await c.app.close();
      }
      const env = { ...process.env, DATABASE_URL: '', DATA_DIR: t.dataDir, DEMO: '0', LOG_LEVEL: 'warn' };
      const r = spawnSync(process.execPath, [BIN, 'comments', 'rotate-ip-key'], { env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('new key');
      const keys = await loadIpKeys(t.handle.db, { retentionDays: 90, now: new Date() });
      expect(keys.previous?.equals(legacy)).toBe(true);
      expect(keys.current.equals(legacy)).toBe(false);
    } finally {
      await t.cleanup();
    }
  }, 60_000);
});
