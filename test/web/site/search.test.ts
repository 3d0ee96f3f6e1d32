import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS } from '../../helpers/db.js';
import { fixtureSite } from '../../helpers/site.js';

const HOSTILE = [
  '"',
  '""',
  '"""',
  "'",
  '*',
  '-',
  'NEAR(',
  'rail AND',
  'OR OR',
  'title:rail',
  '{rail}',
  '^rail',
  '\\',
  '%',
  '%25',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '; DROP TABLE posts;',
  '\u202erail',
  'ra\u200bil',
  '😀',
  '\u0000',
  'x'.repeat(10_000),
  '!!!',
  '.',
  '()',
  'rail*'.repeat(200),
];

for (const dialect of DIALECTS) {
  describe(`search page and API (${dialect})`, () => {
    let app: FastifyInstance;
    fixtureSite(dialect, (s) => ({ app } = s));

    it('shows ranked results with highlighted snippets, a count and pagination', async () => {
      const res = await app.inject('/search?q=twenty+years');
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/14 results for “twenty years”/);
      expect(res.body).toMatch(/<mark>twenty<\/mark>/i);
      expect(res.body).toContain('href="/search?q=twenty+years&amp;page=2"');
      expect(res.body).toMatch(/<meta name="robots" content="noindex"/);
      const p2 = await app.inject('/search?q=twenty+years&page=2');
      expect(p2.body).toContain('Page 2 of 3');
    });

    it('filters by section (children included), tag, author, language and dates', async () => {
      const count = async (qs: string) => Number(/(\d+) results for/.exec((await app.inject(`/search?q=rail&${qs}`)).body)?.[1] ?? 0);
      expect(await count('category=world')).toBe(7);
      expect(await count('category=europe')).toBe(7);
      expect(await count('category=politics')).toBe(7);
      expect(await count('tag=climate')).toBe(4);
      expect(await count('author=ana-berg')).toBe(8);
      expect(await count('lang=fa')).toBe(0);
      expect(await count('from=2026-11-20&to=2026-11-20')).toBe(12);
      expect(await count('category=no-such-section')).toBe(0);
      const tagged = (await app.inject('/search?q=rail&tag=climate')).body;
      expect(tagged).toContain('Remove filter');
      // The language filter offers each language that has published articles, once, in order.
      const options = [...tagged.matchAll(/<option value="([a-z-]+)"[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]).filter((v) => v === 'en' || v === 'fa');
      expect(options).toEqual(['en', 'fa']);
    });

    it('answers any input with results or a friendly page, never an error', async () => {
      for (const q of HOSTILE) {
        const res = await app.inject(`/search?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, q.slice(0, 30)).toBe(200);
        expect(res.body).not.toMatch(/SQLITE|syntax error|fts5|tsquery/i);
        expect(res.body).not.toContain('<script>alert(1)');
        const api = await app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`);
        expect(api.statusCode, q.slice(0, 30)).toBe(200);
      }
      for (const raw of [
        '/search?q=%FF%FE',
        '/search?q=%E0%A4%A',
        '/search?q[]=x&q[]=y',
        '/search?page=-1&q=rail',
        '/search?page=abc&q=rail',
        '/search?from=2026-99-99&q=rail',
        '/search',
      ]) {
        const res = await app.inject(raw);
        expect(res.statusCode, raw).toBe(200);
      }
      expect((await app.inject('/search?q=!!!')).body).toContain('No articles match your search');
    });

    it('serves the same search as JSON with allow-listed fields only', async () => {
      const res = await app.inject('/api/v1/search?q=rail&per_page=5&tag=climate');
      expect(res.statusCode).toBe(200);
      const body = res.json() as { total: number; total_pages: number; results: Record<string, unknown>[] };
      expect(body.total).toBe(4);
      expect(body.results).toHaveLength(4);
      const first = body.results[0]!;
      expect(Object.keys(body).sort()).toEqual(['page', 'query', 'results', 'total', 'total_capped', 'total_pages']);
      expect(Object.keys(first).sort()).toEqual(
        ['authors', 'category', 'excerpt', 'id', 'image', 'language', 'published_at', 'snippet', 'title', 'updated_at', 'url'].sort(),
      );
      expect(first.url).toMatch(/^https:\/\/news\.example\//);
      expect(JSON.stringify(body)).not.toMatch(/body_html|body_doc|search_text|email/);
    });
  });
}
