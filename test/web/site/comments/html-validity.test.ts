/**
 * The new comment pages pass the W3C checker and axe: a comment page with the page navigation, a
 * staff reply and the reader's form (with the script's inline reply open in chromium); the admin
 * comment page and the block/allow lists. SQLite is enough (the HTML does not depend on it).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, newTestPage } from '../../../helpers/browser.js';
import { formatViolations, runAxe } from '../../../helpers/axe.js';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../../helpers/vnu.js';
import { freshDb, type TestDb } from '../../../helpers/db.js';
import { makeUser } from '../../../helpers/admin.js';
import { saveCommentSettings } from '../../../../src/modules/comment/comment-settings.js';
import { addComment, commentsApp, postIdOf, type CommentsCtx } from '../../../helpers/comments.js';
import { Agent } from '../../../helpers/agent.js';

describe.skipIf(!javaAvailable())('comment pages: HTML validity and accessibility', () => {
  let t: TestDb;
  let c: CommentsCtx;
  let url: string;
  let editor: Agent;
  let owner: Agent;
  const roots: number[] = [];
  beforeAll(async () => {
    t = await freshDb('sqlite');
    c = await commentsApp(t, { SITE_URL: 'http://127.0.0.1' }, 2);
    url = `/${c.fx.slugs[0]}/`;
    const postId = await postIdOf(t.handle.db, c.fx.slugs[0]!);
    await saveCommentSettings(t.handle.db, { perPage: 2 });
    for (let i = 0; i < 5; i++) roots.push(await addComment(t.handle.db, postId, { body: `Thread **${i}**`, name: i === 3 ? 'سارا' : `Reader ${i}` }));
    await addComment(t.handle.db, postId, { parentId: roots[2]!, body: 'A reply' });
    editor = new Agent(c.app);
    await editor.login((await makeUser(t, 'editor')).email);
    await editor.post(`/admin/comments/${roots[2]}/reply`, { body: 'Staff answer' }, `/admin/comments/${roots[2]}`);
    await editor.post('/admin/comments/rules', { list: 'block', kind: 'word', value: 'casino', note: 'spam wave' }, '/admin/comments/rules');
    owner = new Agent(c.app);
    await owner.login((await makeUser(t, 'owner')).email);
  });
  afterAll(async () => {
    await c?.app.close();
    await t?.cleanup();
  });

  it('has no HTML errors', async () => {
    const docs = [
      { name: 'article (comment page 1)', html: (await c.app.inject(url)).body },
      { name: 'comment page 2 with a staff reply', html: (await c.app.inject(`${url}comment-page-2/`)).body },
      { name: 'no-JS reply form on page 2', html: (await c.app.inject(`${url}comment-page-2/?replytocom=${roots[2]}`)).body },
      { name: 'Persian article', html: (await c.app.inject(`/${c.fx.persianSlug}/`)).body },
      { name: 'admin comment', html: (await editor.get(`/admin/comments/${roots[2]}`)).body },
      { name: 'admin rules', html: (await editor.get('/admin/comments/rules')).body },
      { name: 'admin queue', html: (await editor.get('/admin/comments?status=approved')).body },
      { name: 'admin comment settings', html: (await owner.get('/admin/comments/settings')).body },
      {
        name: 'admin comment settings with errors',
        html: (await owner.post('/admin/comments/settings', { moderation: 'x', maxLength: '-1' }, '/admin/comments/settings')).body,
      },
    ];
    for (const d of docs) {
      // No inline script: only the site's comment script, the admin's bundles and JSON-LD.
      expect(d.html, d.name).not.toMatch(
        /<script(?![^>]*\b(src="\/assets\/comments\.[0-9a-f]{10}\.js"|src="\/admin\/assets\/[a-z-]+\.[0-9a-f]{10}\.js"|type="application\/ld\+json"))/,
      );
      expect(d.html, d.name).not.toMatch(/\sstyle="/);
    }
    const results = await validateHtml(docs);
    expect(formatHtmlErrors(results)).toBe('');
  });

  it.skipIf(!browserAvailable())('axe finds nothing with the inline reply open', async () => {
    await c.app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(c.app.server.address() as AddressInfo).port}`;
    const browser = await launchBrowser();
    try {
      const page = await newTestPage(browser);
      await page.goto(`${base}${url}comment-page-2/`);
      await page.click(`#comment-${roots[2]} a.comment__reply`);
      expect(await page.locator(`#comment-${roots[2]} form#respond`).count()).toBe(1);
      expect(formatViolations(await runAxe(page))).toBe('');
      // The owner's settings form, with its error summary.
      const ctx = await browser.newContext({ bypassCSP: true });
      await ctx.addCookies([...owner.cookies].map(([name, value]) => ({ name, value, url: base })));
      const admin = await ctx.newPage();
      await admin.goto(`${base}/admin/comments/settings`);
      expect(await admin.locator('h1').textContent()).toBe('Comment settings');
      expect(formatViolations(await runAxe(admin))).toBe('');
      await admin.fill('#setting-maxLength', '-1');
      await admin.click('text=Save settings');
      await admin.locator('.error-summary').waitFor();
      expect(formatViolations(await runAxe(admin))).toBe('');
    } finally {
      await browser.close();
    }
  });
});
