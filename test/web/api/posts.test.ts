import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS } from '../../helpers/db.js';
import { fixtureSite } from '../../helpers/site.js';

for (const dialect of DIALECTS) {
  describe(`GET /api/v1/posts (${dialect})`, () => {
    let app: FastifyInstance;
    fixtureSite(dialect, (s) => ({ app } = s));

    it('lists published articles newest first with allow-listed fields', async () => {
      const res = await app.inject('/api/v1/posts?per_page=3');
      expect(res.statusCode).toBe(200);
      const body = res.json() as { total: number; total_pages: number; posts: Record<string, unknown>[] };
      expect(body.total).toBe(15);
      expect(body.total_pages).toBe(5);
      expect(body.posts.map((p) => p.title)).toEqual(['Rail line story number 14', 'Rail line story number 13', 'Rail line story number 12']);
      expect(Object.keys(body.posts[0]!).sort()).toEqual([
        'authors',
        'category',
        'excerpt',
        'id',
        'image',
        'language',
        'published_at',
        'reading_minutes',
        'title',
        'updated_at',
        'url',
      ]);
      expect(JSON.stringify(body)).not.toMatch(/body_html|body_doc|search_text|secret-draft|Not yet/);
      expect((body.posts[0]!.image as { url: string }).url).toMatch(/^https:\/\/news\.example\/media\//);
    });

    it('filters by section (with sub-sections), tag and author', async () => {
      const count = async (qs: string) => ((await app.inject(`/api/v1/posts?${qs}`)).json() as { total: number }).total;
      expect(await count('category=world')).toBe(8);
      expect(await count('tag=climate')).toBe(4);
      expect(await count('author=omar-haddad')).toBe(7);
    });

    it('answers bad parameters with a JSON 4xx', async () => {
      for (const [qs, status] of [
        ['page=0', 400],
        ['page=abc', 400],
        ['per_page=1000', 400],
        ['page=999', 404],
        ['category=nowhere', 404],
        ['tag=%3Cscript%3E', 404],
      ] as const) {
        const res = await app.inject(`/api/v1/posts?${qs}`);
        expect(res.statusCode, qs).toBe(status);
        expect((res.json() as { error: { code: string; message: string } }).error.message).toBeTruthy();
      }
    });
  });
}
