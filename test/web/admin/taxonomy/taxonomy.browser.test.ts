/**
 * Categories and tags in headless Debian chromium with JavaScript off: add a category, reorder it
 * with Up, rename a tag, and axe-core on the dashboard and every category and tag page.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable } from '../../../helpers/browser.js';
import { buildFixture, type Fixture } from '../../../helpers/fixture.js';
import { makeUser } from '../../../helpers/admin.js';
import { axeAs, browserSuite, logIn } from '../browser-helpers.js';

describe.skipIf(!browserAvailable())('categories and tags in chromium', () => {
  let fx: Fixture;
  const s = browserSuite({
    prepare: async (t) => {
      fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 4);
    },
  });
  const axe = (context: BrowserContext, page: Page): Promise<string> => axeAs(s.browser, context, page.url());

  it('works without JavaScript and every page passes axe', async () => {
    const { browser, base } = s;
    const editor = await makeUser(s.t, 'editor');
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const report: Record<string, string> = {};
    await logIn(page, base, editor.email);
    await expect(page.locator('h1').textContent()).resolves.toBe('Dashboard');
    report.dashboard = await axe(context, page);

    await page.click('nav[aria-label="Admin"] >> text=Categories');
    await page.fill('#new-name', 'Culture');
    await page.click('text=Add category');
    await expect(page.locator('.notice').textContent()).resolves.toBe('Category added.');
    report.categories = await axe(context, page);
    // Culture is last among the top-level categories; Up moves it one place.
    await page
      .locator('li.cat-tree__item', { has: page.locator('a.cat-tree__name', { hasText: 'Culture' }) })
      .locator('button', { hasText: 'Up' })
      .click();
    await expect(page.locator('.notice').textContent()).resolves.toBe('Order changed.');
    const order = await page.locator('.cat-tree--root > li > .cat-tree__row > .cat-tree__name').allTextContents();
    expect(order).toEqual(['World', 'Culture', 'Politics']);

    await page.click('a.cat-tree__name >> text=Culture');
    await page.fill('#cat-name', '');
    await page.click('text=Save');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('1 to 200 characters');
    report['category with error'] = await axe(context, page);

    await page.click('nav[aria-label="Admin"] >> text=Tags');
    report.tags = await axe(context, page);
    await page.click(`a[href="/admin/tags/${fx.ids.rail}"]`);
    await page.fill('#tag-name', 'Railways');
    await page.fill('#tag-slug', 'railways');
    await page.click('text=Save');
    await expect(page.locator('.notice').textContent()).resolves.toBe('Tag saved.');
    report.tag = await axe(context, page);

    await context.close();
    expect(
      Object.entries(report)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => `${k}:\n${v}`)
        .join('\n'),
    ).toBe('');
  });
});
