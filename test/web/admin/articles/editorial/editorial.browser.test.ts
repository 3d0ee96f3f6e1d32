/**
 * Autosave in headless chromium with the strict CSP on: an editor changes a published article,
 * the editor script autosaves after its pause (the status line says so), readers still see the
 * published text, and on reopening the article the autosave is offered back and restored.
 */
import { describe, expect, it } from 'vitest';
import { createArticle } from '../../../../../src/modules/article/article.service.js';
import { doc, p } from '../../../../../src/modules/article/document.js';
import { browserAvailable } from '../../../../helpers/browser.js';
import { makeUser } from '../../../../helpers/admin.js';
import { axeAs, browserSuite, collectErrors, logIn } from '../../browser-helpers.js';

describe.skipIf(!browserAvailable())('autosave in chromium', () => {
  const s = browserSuite({ env: { PAGE_CACHE_MB: '16' } });

  it('autosaves a published article without changing it, then offers the autosave back', async () => {
    const { t, app, browser, base } = s;
    const db = t.handle.db;
    const id = await createArticle(
      db,
      {
        status: 'published',
        publishedAt: new Date('2026-11-20T11:00:00Z').toISOString(),
        slug: 'tide-tables',
        title: 'Tide tables for the week',
        body: doc(p('High water at noon.')),
      },
      new Date('2026-11-20T11:00:00Z'),
    );
    const user = await makeUser(t, 'editor', 'desk@example.com');
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await logIn(page, base, user.email);
    await page.goto(`${base}/admin/articles/${id}`);
    await page.waitForSelector('[data-editor-ready] .ProseMirror');

    await page.fill('#title', 'Tide tables, revised draft');
    await page.locator('.ProseMirror').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Low water at six.');
    // The debounce is about ten seconds; wait on the status line, not on a clock.
    await page.waitForFunction(() => /Saved at \d/.test(document.querySelector('#autosave-status')?.textContent ?? ''), undefined, { timeout: 30_000 });

    const row = await db.selectFrom('posts').select(['title', 'body_html']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.title).toBe('Tide tables for the week');
    expect(row.body_html).not.toContain('Low water');
    const auto = await db
      .selectFrom('revisions')
      .select(['title', 'body_doc'])
      .where('post_id', '=', id)
      .where('kind', '=', 'autosave')
      .executeTakeFirstOrThrow();
    expect(auto.title).toBe('Tide tables, revised draft');
    expect(auto.body_doc).toContain('Low water at six.');
    const reader = await app.inject('/tide-tables/');
    expect(reader.body).not.toContain('Low water');

    await page.goto(`${base}/admin/articles/${id}`);
    await expect(page.locator('.autosave-offer').textContent()).resolves.toMatch(/There is an autosave from \d\d:\d\d UTC/);
    const violations = await axeAs(browser, context, `${base}/admin/articles/${id}`);

    await page.click('text=Restore the autosave');
    await page.waitForSelector('[data-editor-ready] .ProseMirror');
    expect(await page.inputValue('#title')).toBe('Tide tables, revised draft');
    await expect(page.locator('.ProseMirror').textContent()).resolves.toContain('Low water at six.');
    await context.close();
    expect(errors, 'console errors (CSP violations show here)').toEqual([]);
    expect(violations).toBe('');
  }, 90_000);
});
