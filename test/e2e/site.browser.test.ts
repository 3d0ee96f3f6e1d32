/**
 * The demo site in headless Debian chromium: a reader's path through it, the accessibility of
 * every kind of page (axe-core, all impacts), and that nothing loads from another host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { formatViolations, runAxe } from '../helpers/axe.js';
import { startDemoSite, type DemoSite } from '../helpers/demo-site.js';

describe.skipIf(!browserAvailable())('demo site in chromium', () => {
  let site: DemoSite;
  let browser: Browser;
  let urls: Record<string, string>;

  beforeAll(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    const db = site.db.handle.db;
    const fa = await db.selectFrom('posts').select('slug').where('language', '=', 'fa').where('type', '=', 'post').executeTakeFirstOrThrow();
    const sq = await db.selectFrom('posts').select('slug').where('language', '=', 'sq').executeTakeFirstOrThrow();
    const tag = await db.selectFrom('tags').select('slug').executeTakeFirstOrThrow();
    const author = await db.selectFrom('authors').select('slug').executeTakeFirstOrThrow();
    urls = {
      home: '/',
      page2: '/page/2/',
      persian: `/${fa.slug}/`,
      albanian: `/${sq.slug}/`,
      world: '/category/world/',
      europe: '/category/world/europe/',
      tag: `/tag/${tag.slug}/`,
      author: `/author/${author.slug}/`,
      about: '/about/',
      missing: '/no-such-page/',
    };
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Opens a page, recording requests to other hosts and console errors (CSP violations land there). */
  async function open(path: string, opts: { width?: number; javaScript?: boolean } = {}): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
    const context = await browser.newContext({
      bypassCSP: false,
      javaScriptEnabled: opts.javaScript ?? true,
      viewport: { width: opts.width ?? 1280, height: 900 },
    });
    const page = await context.newPage();
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(site.baseUrl) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(site.baseUrl + path, { waitUntil: 'load' });
    return { page, foreign, errors };
  }

  it('a reader goes home → article → its section through the breadcrumb, without JavaScript too', async () => {
    for (const javaScript of [true, false]) {
      const { page, foreign, errors } = await open('/', { javaScript });
      const lead = page.locator('main h2 a, main h1 a').first();
      const headline = (await lead.textContent())!.trim();
      await lead.click();
      await page.waitForLoadState('load');
      await expect(page.locator('h1').first().textContent()).resolves.toContain(headline);
      // The featured photo has a caption with a credit; inline photos of people quoted too.
      const captions = await page.locator('figure figcaption').allTextContents();
      expect(captions.length).toBeGreaterThan(0);
      expect(captions.join(' ')).toMatch(/\S/);
      const crumbs = page.locator('nav[aria-label="Breadcrumb"] li');
      const names = (await crumbs.allTextContents()).map((s) => s.trim());
      expect(names[0]).toBe('Home');
      expect(names.at(-1)).toBe(headline);
      // The same breadcrumb in JSON-LD.
      const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
      const parsed = ld.map((x) => JSON.parse(x) as { '@type': string; itemListElement?: { name: string }[] });
      expect(parsed.find((x) => x['@type'] === 'BreadcrumbList')!.itemListElement!.map((i) => i.name)).toEqual(names);
      expect(parsed.some((x) => x['@type'] === 'NewsArticle')).toBe(true);
      const section = names.at(-2)!;
      await page.locator('nav[aria-label="Breadcrumb"] li a').last().click();
      await page.waitForLoadState('load');
      expect(page.url()).toMatch(/\/category\//);
      await expect(page.locator('h1').first().textContent()).resolves.toContain(section);
      expect(await page.locator('main article').count()).toBeGreaterThan(0);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('images load with the right dimensions and nothing comes from another host', async () => {
    const { page, foreign } = await open(urls.home!);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const broken = await page.evaluate(async () => {
      const imgs = [...document.images];
      await Promise.all(
        imgs.map((i) =>
          i.complete
            ? null
            : new Promise((r) => {
                i.onload = r;
                i.onerror = r;
              }),
        ),
      );
      return imgs.filter((i) => i.naturalWidth === 0).map((i) => i.src);
    });
    expect(broken).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('right-to-left pages render right-to-left', async () => {
    const { page } = await open(urls.persian!);
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('fa');
    await page.context().close();
  });

  it('axe-core finds no violation of any impact on any kind of page, desktop and mobile', async () => {
    const failures: string[] = [];
    for (const width of [1280, 375]) {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      for (const [name, path] of Object.entries(urls)) {
        const page = await context.newPage();
        await page.goto(site.baseUrl + path, { waitUntil: 'load' });
        const violations = await runAxe(page);
        if (violations.length) failures.push(`${name} @${width}px:\n${formatViolations(violations)}`);
        await page.close();
      }
      await context.close();
    }
    expect(failures.join('\n\n')).toBe('');
  }, 180_000);

  it('an article also works at mobile width: no horizontal scrolling', async () => {
    const { page } = await open(`/${(await site.db.handle.db.selectFrom('posts').select('slug').where('type', '=', 'post').executeTakeFirstOrThrow()).slug}/`, {
      width: 375,
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
