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
import { axeAs, browserSuite, collectErrors, logIn, openEditor } from '../../browser-helpers.js';

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

  it('a new article’s text is kept in the browser: closing the tab asks first, and coming back offers it', async () => {
    const { t, base } = s;
    const { context, page, errors } = await openEditor(s, 'author', 'new-writer@example.com');
    await page.fill('#title', 'Storm closes the coast road');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('The coast road closed at noon as the wind');
    await expect(page.locator('#autosave-status').textContent()).resolves.toBe('Kept in this browser until you save the draft.');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await page.goto(`${base}/admin/articles`);
    expect(dialogs).toEqual(['beforeunload']);
    await page.goto(`${base}/admin/articles/new`);
    await page.waitForSelector('[data-editor-ready] .ProseMirror');
    await expect(page.locator('.local-copy p').textContent()).resolves.toMatch(/^This browser kept what you typed here at .+, which was not saved\.$/);
    await page.click('text=Restore what you typed');
    expect(await page.inputValue('#title')).toBe('Storm closes the coast road');
    await expect(page.locator('.ProseMirror').textContent()).resolves.toBe('The coast road closed at noon as the wind');
    // Saved as a draft: the copy is the server's now, and nothing is offered again.
    await page.click('button[value=save]');
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);
    const row = await t.handle.db
      .selectFrom('posts')
      .select(['title', 'body_html'])
      .where('slug', '=', 'storm-closes-the-coast-road')
      .executeTakeFirstOrThrow();
    expect(row.body_html).toContain('as the wind');
    await page.goto(`${base}/admin/articles/new`);
    await page.waitForSelector('[data-editor-ready] .ProseMirror');
    expect(await page.locator('.local-copy').count()).toBe(0);
    await context.close();
    expect(errors).toEqual([]);
  }, 90_000);

  it('offline, what is typed waits in the browser and is autosaved when the connection returns', async () => {
    const { t } = s;
    const db = t.handle.db;
    const id = await createArticle(
      db,
      { status: 'draft', slug: 'ferry-timetable', title: 'Ferry timetable', body: doc(p('Ferries every hour.')) },
      new Date('2026-11-20T11:00:00Z'),
    );
    const { context, page, errors } = await openEditor(s, 'editor', 'offline-desk@example.com', `/admin/articles/${id}`, (text) =>
      /Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(text),
    );
    await context.setOffline(true);
    await page.locator('.ProseMirror').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Except on Sundays.');
    await page.waitForFunction(() => /^Offline:/.test(document.querySelector('#autosave-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('broadsheet:draft:')))).toBe(true);
    await context.setOffline(false);
    await page.waitForFunction(() => /Saved at \d/.test(document.querySelector('#autosave-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const auto = await db.selectFrom('revisions').select('body_doc').where('post_id', '=', id).where('kind', '=', 'autosave').executeTakeFirstOrThrow();
    expect(auto.body_doc).toContain('Except on Sundays.');
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('broadsheet:draft:')))).toBe(false);
    await context.close();
    expect(errors).toEqual([]);
  }, 90_000);
});
