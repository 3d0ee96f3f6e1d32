/**
 * `export --format json` then `import json` gives the same site: the same rows in every backed-up
 * table and the same pages, on each dialect and from SQLite to PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import { exportJson } from '../../../src/import/export/export-json.js';
import { BackupError } from '../../../src/import/json/backup-format.js';
import { importJson } from '../../../src/import/json/import-json.js';
import { testApp } from '../../helpers/app.js';
import { DIALECTS, freshDb, type DialectName, type TestDb } from '../../helpers/db.js';
import { sharedDemoMedia } from '../../helpers/demo-site.js';
import { addExtras, snapshot } from './site-snapshot.js';
import { NOW } from '../../helpers/clock.js';

async function demoSite(dialect: DialectName): Promise<TestDb> {
  const t = await freshDb(dialect);
  await seedDemo(t.handle.db, t.handle.dialect.fullText, sharedDemoMedia(t.dataDir), NOW);
  await addExtras(t.handle.db, NOW);
  return t;
}

async function exportTo(t: TestDb, file: string, withPasswordHashes = true): Promise<void> {
  const out = fs.createWriteStream(file);
  await exportJson(t.handle.db, { dialect: t.handle.dialect.name, out, withPasswordHashes, now: NOW, batchSize: 7 });
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

async function restoreInto(dialect: DialectName, file: string): Promise<TestDb> {
  const t = await freshDb(dialect);
  sharedDemoMedia(t.dataDir);
  await importJson(t.handle.db, t.handle.dialect, { file, now: NOW });
  return t;
}

/** Home, an article, a section front and its second level: the HTML readers get. */
async function pages(t: TestDb): Promise<Record<string, string>> {
  const db = t.handle.db;
  const article = await db
    .selectFrom('posts')
    .select('slug')
    .where('status', '=', 'published')
    .where('type', '=', 'post')
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const child = await db
    .selectFrom('categories as c')
    .innerJoin('categories as p', 'p.id', 'c.parent_id')
    .select(['p.slug as parent', 'c.slug as child'])
    .orderBy('c.id')
    .executeTakeFirstOrThrow();
  const app: FastifyInstance = await testApp(t);
  try {
    const out: Record<string, string> = {};
    for (const url of ['/', `/${article.slug}/`, `/category/${child.parent}/`, `/category/${child.parent}/${child.child}/`]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      // Comment forms carry a fresh signed token on every render.
      out[url] = res.body.replace(/(name="token" value=")[^"]*"/g, '$1…"');
    }
    return out;
  } finally {
    await app.close();
  }
}

for (const dialect of DIALECTS) {
  describe(`JSON backup round trip (${dialect})`, () => {
    let source: TestDb;
    let target: TestDb;
    let file: string;
    beforeAll(async () => {
      source = await demoSite(dialect);
      file = path.join(source.dataDir, 'site.json');
      await exportTo(source, file);
      target = await restoreInto(dialect, file);
    });
    afterAll(async () => {
      await target?.cleanup();
      await source?.cleanup();
    });

    it('writes one JSON document with a versioned header, no secrets, and every row', async () => {
      const text = fs.readFileSync(file, 'utf8');
      const doc = JSON.parse(text) as { format: string; version: number; dialect: string; tables: string[]; rows: [string, Record<string, unknown>][] };
      expect(doc).toMatchObject({ format: 'broadsheet-backup', version: 1, dialect });
      expect(doc.tables.slice(0, 7)).toEqual(['settings', 'users', 'media', 'authors', 'categories', 'tags', 'posts']);
      expect(doc.tables).toContain('related_posts');
      expect(text).not.toContain('never-exported');
      expect(text).not.toContain('search_vector');
      expect(text).toContain('reader9@mail.example');
      const snap = await snapshot(source.handle.db, { passwordHashes: true });
      const total = Object.values(snap).reduce((n, rows) => n + rows.length, 0);
      expect(doc.rows.at(-1)).toEqual(['end', { rows: total }]);
      expect(doc.rows.filter(([t]) => t === 'posts').length).toBe(snap.posts!.length);
      expect(doc.rows.find(([t]) => t === 'posts')![1]).toHaveProperty('body_doc');
    });

    it('restores the same rows in every table, ids included', async () => {
      expect(await snapshot(target.handle.db, { passwordHashes: true })).toEqual(await snapshot(source.handle.db, { passwordHashes: true }));
      const related = await target.handle.db
        .selectFrom('related_posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(related.n)).toBeGreaterThan(0);
    });

    it('serves the same pages', async () => {
      expect(await pages(target)).toEqual(await pages(source));
    });

    it('keeps generating new ids after the restored ones', async () => {
      const db = target.handle.db;
      const max = (
        await db
          .selectFrom('categories')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirstOrThrow()
      ).m as number;
      const row = await db
        .insertInto('categories')
        .values({ parent_id: null, slug: 'after-restore', name: 'After', description: '', position: 9 })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(row.id).toBeGreaterThan(max);
      const c = await db
        .insertInto('comments')
        .values({
          post_id: 1,
          parent_id: null,
          path: '',
          depth: 0,
          author_name: 'x',
          author_email: '',
          author_url: '',
          user_id: null,
          body: 'x',
          body_html: 'x',
          status: 'pending',
          ip_hash: '',
          spam_score: 0,
          spam_reasons: '',
          created_at: NOW.toISOString(),
          updated_at: NOW.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(c.id).toBeGreaterThan(20);
      await db.deleteFrom('comments').where('id', '=', c.id).execute();
      await db.deleteFrom('categories').where('id', '=', row.id).execute();
    });

    it('refuses a database that is not empty, and changes nothing', async () => {
      const before = await snapshot(target.handle.db);
      await expect(importJson(target.handle.db, target.handle.dialect, { file, now: NOW })).rejects.toMatchObject({ code: 'BACKUP_NOT_EMPTY' });
      expect(await snapshot(target.handle.db)).toEqual(before);
    });

    it('leaves password hashes out unless asked', async () => {
      const bare = path.join(source.dataDir, 'bare.json');
      await exportTo(source, bare, false);
      const text = fs.readFileSync(bare, 'utf8');
      expect(text).not.toContain('$scrypt$');
      expect(JSON.parse(text)).toMatchObject({ password_hashes: false });
      const t = await restoreInto(dialect, bare);
      try {
        const users = await t.handle.db.selectFrom('users').select(['email', 'password_hash']).orderBy('id').execute();
        expect(users).toEqual([
          { email: 'ed@news.example', password_hash: '' },
          { email: 'ana@news.example', password_hash: '' },
        ]);
      } finally {
        await t.cleanup();
      }
    });

    it('refuses a truncated or foreign file and restores nothing', async () => {
      const t = await freshDb(dialect);
      try {
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        const cut = path.join(t.dataDir, 'cut.json');
        fs.writeFileSync(cut, lines.slice(0, Math.floor(lines.length / 2)).join('\n'));
        const err = await importJson(t.handle.db, t.handle.dialect, { file: cut, now: NOW }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(BackupError);
        expect((err as BackupError).code).toBe('BACKUP_TRUNCATED');
        expect(await t.handle.db.selectFrom('posts').select('id').execute()).toEqual([]);
        const foreign = path.join(t.dataDir, 'foreign.json');
        fs.writeFileSync(foreign, '{"hello":"world"}\n');
        await expect(importJson(t.handle.db, t.handle.dialect, { file: foreign })).rejects.toMatchObject({ code: 'BACKUP_NOT_BROADSHEET' });
        const hostile = path.join(t.dataDir, 'hostile.json');
        fs.writeFileSync(
          hostile,
          `${lines[0]}\n["tags",{"id":1,"slug":"x","name":"x","description":"","\\"; drop table posts; --":1}],\n["end",{"rows":1}]\n]}\n`,
        );
        await expect(importJson(t.handle.db, t.handle.dialect, { file: hostile })).rejects.toMatchObject({ code: 'BACKUP_SCHEMA' });
        expect(await t.handle.db.selectFrom('tags').select('id').execute()).toEqual([]);
      } finally {
        await t.cleanup();
      }
    });
  });
}

describe.runIf(DIALECTS.includes('postgres') && DIALECTS.includes('sqlite'))('JSON backup from SQLite to PostgreSQL', () => {
  let source: TestDb;
  let target: TestDb;
  beforeAll(async () => {
    source = await demoSite('sqlite');
    const file = path.join(source.dataDir, 'site.json');
    await exportTo(source, file);
    target = await restoreInto('postgres', file);
  });
  afterAll(async () => {
    await target?.cleanup();
    await source?.cleanup();
  });

  it('restores the same rows in every table', async () => {
    expect(await snapshot(target.handle.db, { passwordHashes: true })).toEqual(await snapshot(source.handle.db, { passwordHashes: true }));
  });

  // The stored related lists come along: the other engine (ts_rank, not BM25) does not pick again.
  it('serves the same pages, related stories included', async () => {
    const [restored, original] = [await pages(target), await pages(source)];
    expect(restored).toEqual(original);
    expect(Object.values(restored).some((html) => html.includes('id="related-heading"'))).toBe(true);
  });

  it('keeps the stored related lists, and recomputes them only when asked', async () => {
    const file = path.join(source.dataDir, 'site.json');
    for (const related of [undefined, true] as const) {
      const t = await freshDb('postgres');
      try {
        const r = await importJson(t.handle.db, t.handle.dialect, { file, now: NOW, ...(related ? { related } : {}) });
        if (related) expect(r.related).toBeGreaterThan(0);
        else expect(r.related).toBeUndefined();
      } finally {
        await t.cleanup();
      }
    }
  });

  it('and back from PostgreSQL to SQLite', async () => {
    const file = path.join(target.dataDir, 'from-postgres.json');
    await exportTo(target, file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ dialect: 'postgres' });
    const back = await restoreInto('sqlite', file);
    try {
      expect(await snapshot(back.handle.db, { passwordHashes: true })).toEqual(await snapshot(source.handle.db, { passwordHashes: true }));
    } finally {
      await back.cleanup();
    }
  });
});
