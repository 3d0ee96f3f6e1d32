/**
 * Every kind of public page of the demo site passes the W3C Nu HTML checker with no error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../helpers/vnu.js';
import { startDemoSite, type DemoSite } from '../helpers/demo-site.js';

describe.skipIf(!javaAvailable())('HTML validity (vnu)', () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite();
  }, 180_000);
  afterAll(async () => {
    await site?.close();
  });

  it('home, article, RTL article, category, tag, author, page and 404 have no errors', async () => {
    const db = site.db.handle.db;
    const article = await db
      .selectFrom('posts')
      .select('slug')
      .where('type', '=', 'post')
      .where('language', '=', 'en')
      .orderBy('published_at', 'desc')
      .executeTakeFirstOrThrow();
    const fa = await db.selectFrom('posts').select('slug').where('language', '=', 'fa').executeTakeFirstOrThrow();
    const tag = await db.selectFrom('tags').select('slug').executeTakeFirstOrThrow();
    const author = await db.selectFrom('authors').select('slug').executeTakeFirstOrThrow();
    const paths = [
      '/',
      '/page/2/',
      `/${article.slug}/`,
      `/${fa.slug}/`,
      '/category/world/',
      '/category/world/europe/',
      `/tag/${tag.slug}/`,
      `/author/${author.slug}/`,
      '/about/',
      '/no-such-page/',
    ];
    const docs = [];
    for (const path of paths) {
      const res = await site.app.inject(path);
      expect([200, 404], path).toContain(res.statusCode);
      docs.push({ name: path, html: res.body });
    }
    const results = await validateHtml(docs);
    expect(formatHtmlErrors(results)).toBe('');
  });
});
