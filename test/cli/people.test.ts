/**
 * `broadsheet people suggest` as an editor runs it, on both databases: the list and a dry run that
 * writes nothing, JSON for scripts, --apply creating and linking only whom it is told to, a
 * second --apply changing nothing, running servers told what to purge, and bad options refused
 * with exit code 2 before anything is written.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../../src/modules/article/article.service.js';
import { doc, figure, p, quote } from '../../src/modules/article/document.js';
import { storeImage } from '../../src/modules/media/media.service.js';
import { NOW } from '../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { testImage } from '../helpers/fixture.js';

const BIN = path.resolve('bin/broadsheet.mjs');

for (const dialect of DIALECTS) {
  describe(`broadsheet people suggest (${dialect})`, () => {
    let t: TestDb;
    const run = (args: string[]) =>
      spawnSync(process.execPath, [BIN, 'people', ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: t.databaseUrl ?? '', LOG_LEVEL: 'warn' },
        timeout: 60_000,
      });
    const count = async (table: 'people' | 'post_people' | 'audit_log' | 'purge_log') =>
      Number(
        (
          await t.handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const state = async () => ({
      people: await count('people'),
      links: await count('post_people'),
      audit: await count('audit_log'),
      purges: await count('purge_log'),
      bodies: await t.handle.db.selectFrom('posts').select(['id', 'body_doc', 'body_html']).orderBy('id').execute(),
    });

    beforeAll(async () => {
      t = await freshDb(dialect);
      const db = t.handle.db;
      const photo = await storeImage(db, `${t.dataDir}/media`, { fileName: 'a.jpg', bytes: await testImage(300, 200), alt: '', folder: 'x', now: NOW });
      const article = (slug: string, ...body: Parameters<typeof doc>) =>
        createArticle(db, { slug, title: slug, status: 'published', publishedAt: NOW.toISOString(), body: doc(...body) }, NOW);
      await article('one', p('The harbour reopens.'), figure({ mediaId: photo, caption: 'Maria Lind, harbour master' }));
      await article('two', quote('We waited twenty years.', 'Maria Lind, harbour master'));
      await article(
        'three',
        figure({ mediaId: photo, caption: 'Omar Haddad — railway engineer' }),
        figure({ mediaId: photo, caption: 'View from the bridge, 2019' }),
      );
    }, 60_000);
    afterAll(async () => {
      await t?.cleanup();
    });

    it('lists the candidates as a table, says it is a dry run, and writes nothing', async () => {
      const before = await state();
      const r = run(['suggest']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('Read 3 posts and pages (all but the trash).');
      expect(r.stdout).toMatch(/^Articles\s+Name\s+Role\s+At People$/m);
      expect(r.stdout).toMatch(/^\s+2\s+Maria Lind\s+harbour master\s+new$/m);
      expect(r.stdout).toMatch(/^\s+1\s+Omar Haddad\s+railway engineer\s+new$/m);
      expect(r.stdout).not.toContain('View from the bridge');
      expect(r.stdout).toContain('Dry run: nothing was written. 2 of 2 are not at People yet.');
      // Not a terminal: plain progress lines on stderr, not a bar.
      expect(r.stderr).toContain('people suggest: reading 100% (3/3)');
      expect(await state()).toEqual(before);

      const j = run(['suggest', '--json', '--min', '2']);
      expect(j.status, j.stderr).toBe(0);
      const out = JSON.parse(j.stdout) as { dryRun: boolean; candidates: { name: string; role: string; articles: number; exists: boolean }[] };
      expect(out.dryRun).toBe(true);
      expect(out.candidates).toEqual([expect.objectContaining({ name: 'Maria Lind', role: 'harbour master', articles: 2, exists: false })]);
      expect(run(['suggest', '--limit', '1']).stdout).toContain('… and 1 more (--limit to see them).');
    }, 180_000);

    it('refuses bad options with exit code 2 and a clear message, writing nothing', async () => {
      const before = await state();
      const cases: [string[], RegExp][] = [
        [[], /say what to do: broadsheet people suggest/],
        [['suggest', '--min', '0'], /--min must be a whole number from 1 \(got "0"\)/],
        [['suggest', '--apply', '--limit', '5'], /--limit only shortens the list/],
        [['suggest', '--bogus'], /Unknown option '--bogus'/],
        [['suggest', '--only', ' '], /--only needs a name/],
        [['suggest', '--apply', '--only', 'Maria Lind', '--only', "Robert'); DROP TABLE people;--"], /not among the candidates; nothing was written/],
      ];
      for (const [args, message] of cases) {
        const r = run(args);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr, args.join(' ')).toMatch(message);
        expect(r.stderr).toContain('Usage: broadsheet people suggest');
      }
      expect(await state()).toEqual(before);
      const help = run(['suggest', '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/any status\s+but the trash/);
    }, 180_000);

    it('--apply --only creates that person and links their articles; --apply then does the rest; a second run changes nothing', async () => {
      const db = t.handle.db;
      const purges = await count('purge_log');
      const r = run(['suggest', '--apply', '--only', 'maria lind']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('Created 1 person: Maria Lind.');
      expect(r.stdout).toContain('Changed 2 articles (2 captions and quotations attributed).');
      const people = await db.selectFrom('people').select(['name', 'description', 'slug']).execute();
      expect(people).toEqual([{ name: 'Maria Lind', description: 'harbour master', slug: 'maria-lind' }]);
      const one = await db.selectFrom('posts').select('body_html').where('slug', '=', 'one').executeTakeFirstOrThrow();
      expect(one.body_html).toContain('<a class="figure__person" href="/people/maria-lind/">Maria Lind</a>, harbour master');
      const two = await db.selectFrom('posts').select('body_html').where('slug', '=', 'two').executeTakeFirstOrThrow();
      expect(two.body_html).toContain('<a class="quote__person" href="/people/maria-lind/">Maria Lind, harbour master</a>');
      expect(await count('post_people')).toBe(2);
      // Running servers follow the purge log: the two articles and Maria's list are purged.
      const log = await db.selectFrom('purge_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(await count('purge_log')).toBe(purges + 1);
      expect(log.origin).toMatch(/^cli:people:/);
      expect(log.tags).toContain('person-list:');

      const all = run(['suggest', '--apply', '--json']);
      expect(all.status, all.stderr).toBe(0);
      expect(JSON.parse(all.stdout)).toMatchObject({ dryRun: false, created: [{ name: 'Omar Haddad' }], articles: 1, attributed: 1 });

      const before = await state();
      const again = run(['suggest', '--apply']);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toContain('Created 0 people.');
      expect(again.stdout).toContain('Changed 0 articles');
      expect(await state()).toEqual(before);
      expect(run(['suggest']).stdout).toMatch(/^\s+2\s+Maria Lind\s+harbour master\s+yes \(#\d+\)$/m);
    }, 180_000);
  });
}
