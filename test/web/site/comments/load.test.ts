/**
 * 200 concurrent posters over loopback HTTP, each also double-submitting its form: every accepted
 * comment is stored exactly once, nothing answers 500, and the article's count is right.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { saveCommentSettings } from '../../../../src/modules/comment/comment-settings.js';
import { commentsApp, type CommentsCtx } from '../../../helpers/comments.js';
import { fieldValue } from '../../../helpers/form.js';

const POSTERS = 200;

function request(port: number, method: string, path: string, body?: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers:
          body !== undefined
            ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin: `http://127.0.0.1:${port}` }
            : {},
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          data += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(res.headers.location ? { location: res.headers.location } : {}), body: data }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

for (const dialect of DIALECTS) {
  describe(`200 concurrent comment posters (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let port: number;
    let url: string;
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t, { SITE_URL: 'http://127.0.0.1' }, 1);
      // One loopback address for everyone: the per-IP limit would (rightly) call this a flood.
      await saveCommentSettings(t.handle.db, { moderation: 'auto', ratePerIp: 100_000, minFillSeconds: 0 });
      await c.app.listen({ host: '127.0.0.1', port: 0 });
      port = (c.app.server.address() as AddressInfo).port;
      url = `/${c.fx.slugs[0]}/`;
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });

    it('stores every accepted comment once, answers no 500, and counts right', async () => {
      const page = await request(port, 'GET', url);
      const form = { post_id: fieldValue(page.body, 'post_id')!, token: fieldValue(page.body, 'token')! };
      const results = await Promise.all(
        Array.from({ length: POSTERS }, async (_, i) => {
          const body = new URLSearchParams({
            ...form,
            name: `Poster ${i}`,
            email: `poster${i}@example.com`,
            body: `Comment number ${i} from the crowd.`,
          }).toString();
          // A double submit: the same form sent twice at once.
          const [a, b] = await Promise.all([request(port, 'POST', '/comments/', body), request(port, 'POST', '/comments/', body)]);
          return [a, b];
        }),
      );
      const all = results.flat();
      expect(all.filter((r) => r.status >= 500)).toEqual([]);
      expect(all.every((r) => r.status === 303)).toBe(true);
      for (const [a, b] of results) expect(a!.location).toBe(b!.location);
      const ids = new Set(results.map(([a]) => a!.location));
      expect(ids.size).toBe(POSTERS);
      const rows = await t.handle.db.selectFrom('comments').select(['body', 'status']).execute();
      expect(rows).toHaveLength(POSTERS);
      expect(new Set(rows.map((r) => r.body)).size).toBe(POSTERS);
      expect(rows.every((r) => r.status === 'approved')).toBe(true);
      const after = await request(port, 'GET', url);
      expect(after.body).toContain(`${POSTERS} comments`);
      // 100 threads a page: the first 100 here, the rest on comment-page-2.
      const second = await request(port, 'GET', `${url}comment-page-2/`);
      expect(second.body).toContain(`${POSTERS} comments`);
      expect((after.body.match(/<li class="comment"/g) ?? []).length + (second.body.match(/<li class="comment"/g) ?? []).length).toBe(POSTERS);
      const api = JSON.parse((await request(port, 'GET', `/api/v1/posts/${form.post_id}/comments`)).body) as { count: number };
      expect(api.count).toBe(POSTERS);
    });
  });
}
