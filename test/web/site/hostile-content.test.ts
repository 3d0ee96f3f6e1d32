import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../src/modules/article/article.service.js';
import { doc, p, quote, quoteCard, a as link, h } from '../../../src/modules/article/document.js';
import { sanitizeArticleHtml } from '../../../src/modules/article/sanitize.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { testApp } from '../../helpers/app.js';

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '</script><script>alert(1)</script>',
  '<style>body{display:none}</style>',
  '\u202Egnp.exe',
  "'; DROP TABLE posts; --",
];

describe('sanitizeArticleHtml', () => {
  it('drops scripts, event handlers, javascript: URLs and foreign frames but keeps figures and quotes', () => {
    const out = sanitizeArticleHtml(
      '<p onclick="x()">Hi <a href="javascript:alert(1)">bad</a> <a href="https://example.org" target="_blank">ok</a></p>' +
        '<script>alert(1)</script><img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe>' +
        '<figure class="figure figure--center evil"><img src="/media/a.jpg" alt="A" width="10" height="10"><figcaption>Cap</figcaption></figure>' +
        '<blockquote class="quote"><p>Q</p><footer><cite>Who</cite></footer></blockquote>',
    );
    expect(out).not.toMatch(/script|onerror|onclick|javascript:|iframe|evil/);
    expect(out).toContain('<a href="https://example.org" rel="noopener">ok</a>');
    expect(out).toContain(
      '<figure class="figure figure--center"><img src="/media/a.jpg" alt="A" width="10" height="10" /><figcaption>Cap</figcaption></figure>',
    );
    expect(out).toContain('<cite>Who</cite>');
  });

  it('keeps a passage’s own direction and language, and only values HTML defines', () => {
    const out = sanitizeArticleHtml(
      '<p dir="RTL" lang="fa">فارسی</p><blockquote class="quote" dir="auto"><p>Quoted</p></blockquote><p dir="bogus" lang="en onload=x">x</p>' +
        '<figure class="quote-card"><figcaption><bdi class="quote-card__author">نام</bdi> <bdi class="x" onclick="y">z</bdi></figcaption></figure>',
    );
    expect(out).toContain('<p dir="rtl" lang="fa">فارسی</p>');
    expect(out).toContain('<blockquote class="quote" dir="auto">');
    expect(out).toContain('<p>x</p>');
    expect(out).toContain('<bdi class="quote-card__author">نام</bdi> <bdi>z</bdi>');
  });
});

for (const dialect of DIALECTS) {
  describe(`hostile article content is shown as text (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await testApp(t);
      await createArticle(t.handle.db, {
        status: 'published',
        slug: 'hostile',
        title: XSS.join(' '),
        excerpt: XSS.join(' '),
        body: doc(
          h(2, XSS[0]!),
          p(...XSS),
          quote(XSS[1]!, XSS[2]!),
          p(link('click', 'javascript:alert(1)'), link('data', 'data:text/html,<script>alert(1)</script>')),
          quoteCard({ author: XSS[0]!, handle: XSS[1]!, date: 'not a date', text: XSS.join('\n'), url: 'javascript:alert(1)' }),
        ),
        publishedAt: '2026-11-19T10:00:00Z',
      });
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('renders every payload escaped, with no executable markup', async () => {
      const res = await app.inject('/hostile/');
      expect(res.statusCode).toBe(200);
      const html = res.body;
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>alert(1)');
      expect(html).not.toMatch(/<img[^>]+onerror/);
      expect(html).not.toMatch(/<svg/);
      expect(html).not.toMatch(/<a\b[^>]*href="\s*javascript:/i);
      expect(html).not.toMatch(/<a\b[^>]*href="\s*data:/i);
      expect(html).not.toContain('<iframe');
      expect(html).not.toContain('<style>');
      // JSON-LD cannot be closed early by a headline containing </script>.
      for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) expect(() => JSON.parse(m[1]!)).not.toThrow();
      expect((await app.inject('/')).statusCode).toBe(200);
      const rows = await t.handle.db.selectFrom('posts').select('id').execute();
      expect(rows).toHaveLength(1);
    });

    it('invalid input is refused with a clear error and nothing is written', async () => {
      const bad = [
        { slug: 'Has Spaces', title: 'x' },
        { slug: 'ok-slug', title: '   ' },
        { slug: 'ok-slug', title: 'x'.repeat(501) },
        { slug: 'x'.repeat(300), title: 'x' },
        { slug: 'ok-slug', title: 'x', language: '<script>' },
        { slug: 'hostile', title: 'duplicate' },
      ];
      for (const b of bad) {
        await expect(createArticle(t.handle.db, { ...b, body: doc(p('x')) })).rejects.toMatchObject({ code: expect.stringMatching(/^ARTICLE_/) });
      }
      const rows = await t.handle.db.selectFrom('posts').select('id').execute();
      expect(rows).toHaveLength(1);
    });
  });
}
