/**
 * Bad WXR input: a clear WxrError, and a database left as it was (pass 1 validates the whole file
 * before anything is written); big posts and many posts stream through; an interrupted import
 * resumes on a re-run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { ImportAborted, importWordPress } from '../../src/import/wordpress/import-wordpress.js';
import { readWxr } from '../../src/import/wordpress/wxr-reader.js';
import { WxrError } from '../../src/import/wordpress/wxr.js';
import { FOOTER, header, item, writeSyntheticWxr } from './generate-wxr.js';

const FIXTURE = path.resolve('test/fixtures/wxr/themeunittestdata.wordpress.xml');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-wxr-'));
const write = (name: string, content: string | Buffer): string => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
};
const small = { comments: 2, bodyChars: 300, categories: 3, tags: 5 };

const FILES = {
  truncated: () => write('truncated.xml', fs.readFileSync(FIXTURE).subarray(0, 300_000)),
  notWxr: () => write('feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title><item><title>x</title></item></channel></rss>'),
  html: () => write('page.xml', '<!DOCTYPE html><html><body>hello</body></html>'),
  notXml: () => write('notes.xml', 'just some text, not XML at all'),
  badUtf8: () => {
    // Says UTF-8 (by default), holds a Latin-1 "é" byte.
    const buf = Buffer.from(header(small) + item(1, { ...small, body: 'caf@' }) + FOOTER);
    buf[buf.indexOf('caf@') + 3] = 0xe9;
    return write('latin1.xml', buf);
  },
  billionLaughs: () =>
    write(
      'lol.xml',
      `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>&lol3;</title></item></channel></rss>`,
    ),
  externalEntity: () =>
    write(
      'xxe.xml',
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&x;</title></channel></rss>`,
    ),
  undefinedEntity: () =>
    write(
      'undef.xml',
      `<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><title>&nbsp;</title></channel></rss>`,
    ),
};

const EXPECTED_CODE: Record<keyof typeof FILES, string> = {
  truncated: 'WXR_TRUNCATED',
  notWxr: 'WXR_NOT_WXR',
  html: 'WXR_DOCTYPE',
  notXml: 'WXR_MALFORMED',
  badUtf8: 'WXR_ENCODING',
  billionLaughs: 'WXR_DOCTYPE',
  externalEntity: 'WXR_DOCTYPE',
  undefinedEntity: 'WXR_MALFORMED',
};

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('WXR reader', () => {
  it('accepts an ISO-8859-1 file that says so, and http/https WordPress namespaces', async () => {
    const latin = Buffer.from(
      header(small).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('https://gazette.example', 'https://gazette.example') +
        item(1, { ...small, body: 'Caf\u00e9 cr\u00e8me' }) +
        FOOTER,
      'latin1',
    );
    const items: string[] = [];
    for await (const r of readWxr(write('iso.xml', latin))) if (r.kind === 'item') items.push(r.item.content);
    expect(items).toEqual(['Café crème']);
    const https = header(small).replace(/http:\/\/wordpress\.org\/export\/1\.2\//g, 'https://wordpress.org/export/1.1/');
    let n = 0;
    for await (const r of readWxr(write('https.xml', https + item(1, small) + FOOTER))) if (r.kind === 'item' && r.item.id === '1') n++;
    expect(n).toBe(1);
  });

  it('streams many posts with bounded memory', async () => {
    const file = path.join(dir, 'many.xml');
    const size = await writeSyntheticWxr(file, { posts: 20_000, comments: 1, bodyChars: 1500 });
    expect(size).toBeGreaterThan(30_000_000);
    global.gc?.();
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    let items = 0;
    for await (const r of readWxr(file)) {
      if (r.kind !== 'item') continue;
      items++;
      if (items % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    }
    expect(items).toBe(20_000);
    // The file is over 30 MB; the reader holds one chunk and one item.
    expect(peak).toBeLessThan(48 * 1024 * 1024);
  });

  for (const [name, make] of Object.entries(FILES) as [keyof typeof FILES, () => string][]) {
    it(`refuses ${name} with ${EXPECTED_CODE[name]}`, async () => {
      const file = make();
      const err = await (async () => {
        for await (const _ of readWxr(file)) {
          /* drain */
        }
      })().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WxrError);
      expect((err as WxrError).code).toBe(EXPECTED_CODE[name]);
      expect((err as WxrError).message.length).toBeGreaterThan(20);
    });
  }
});

for (const dialect of DIALECTS) {
  describe(`hostile imports (${dialect})`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await freshDb(dialect);
    });
    afterAll(() => t?.cleanup());
    const opts = () => ({ mediaRoot: path.join(t.dataDir, 'media'), ipHashKey: Buffer.alloc(32, 1), related: false as const });
    const total = async (table: 'posts' | 'categories' | 'authors' | 'comments' | 'import_map'): Promise<number> =>
      Number(
        (
          await t.handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('a refused file leaves the database untouched', async () => {
      for (const make of Object.values(FILES)) {
        await expect(importWordPress(t.handle.db, { ...opts(), file: make() })).rejects.toBeInstanceOf(WxrError);
      }
      for (const table of ['posts', 'categories', 'authors', 'comments', 'import_map'] as const) expect(await total(table), table).toBe(0);
    });

    it('imports a post with 5 MB of content', async () => {
      const big = `<p>${'Lorem ipsum dolor sit amet, <em>consectetur</em> adipiscing elit. '.repeat(80_000)}</p><script>alert(1)</script>`;
      expect(big.length).toBeGreaterThan(5_000_000);
      const file = write('big.xml', header(small) + item(7, { ...small, body: big }) + FOOTER);
      const report = await importWordPress(t.handle.db, { ...opts(), file });
      expect(report.get('post').created).toBe(1);
      const row = await t.handle.db.selectFrom('posts').select(['body_html']).where('slug', '=', 'story-7').executeTakeFirstOrThrow();
      expect(row.body_html.length).toBeGreaterThan(4_000_000);
      expect(row.body_html).not.toContain('<script');
    });

    it('an interrupted import keeps finished posts, and a re-run finishes without duplicates', async () => {
      const file = path.join(dir, `resume-${dialect}.xml`);
      await writeSyntheticWxr(file, { posts: 160, comments: 3, bodyChars: 300, categories: 4, tags: 6 });
      const abort = new AbortController();
      const err = await importWordPress(t.handle.db, {
        ...opts(),
        file,
        signal: abort.signal,
        onProgress: (p) => {
          if (p.phase === 'posts' && p.done >= 50) abort.abort();
        },
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportAborted);
      const partial = Number(
        (
          await t.handle.db
            .selectFrom('posts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('slug', 'like', 'story-%')
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(partial).toBeGreaterThanOrEqual(50);
      expect(partial).toBeLessThan(161);
      const report = await importWordPress(t.handle.db, { ...opts(), file });
      expect(report.get('post').created + report.get('post').updated).toBe(160);
      const slugs = await t.handle.db.selectFrom('posts').select('slug').where('slug', 'like', 'story-%').execute();
      // story-7 came from the 5 MB test (same site, same WordPress id): updated, not duplicated.
      expect(slugs.length).toBe(160);
      const comments = await t.handle.db.selectFrom('comments').select(['id']).execute();
      // Comment ids are the site's too: story 7's two comments from the 5 MB test were updated.
      expect(comments.length).toBe(160 * 3);
    });
  });
}
