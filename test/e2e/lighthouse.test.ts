/**
 * Lighthouse 12 (offline, Debian chromium) scores 100 for accessibility, best practices and SEO on
 * the home, article and category pages, on mobile and desktop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { browserAvailable, CHROMIUM_PATH } from '../helpers/browser.js';
import { startDemoSite, type DemoSite } from '../helpers/demo-site.js';
import { freePort } from '../helpers/postgres.js';

const CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;

describe.skipIf(!browserAvailable())('Lighthouse', () => {
  let site: DemoSite;
  let browser: Browser;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    [site, browser] = await Promise.all([
      startDemoSite(),
      chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-dev-shm-usage',
          `--remote-debugging-port=${port}`,
        ],
      }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('scores 100 for accessibility, best practices and SEO on home, article and category, mobile and desktop', async () => {
    const article = await site.db.handle.db
      .selectFrom('posts')
      .select('slug')
      .where('type', '=', 'post')
      .where('language', '=', 'en')
      .orderBy('published_at', 'desc')
      .executeTakeFirstOrThrow();
    const failures: string[] = [];
    for (const path of ['/', `/${article.slug}/`, '/category/world/']) {
      for (const formFactor of ['mobile', 'desktop'] as const) {
        const result = await lighthouse(
          site.baseUrl + path,
          { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
          formFactor === 'desktop' ? desktopConfig : undefined,
        );
        const lhr = result!.lhr;
        for (const cat of CATEGORIES) {
          const c = lhr.categories[cat]!;
          if (c.score !== 1) {
            const failing = c.auditRefs
              .map((r) => lhr.audits[r.id]!)
              .filter(
                (a) =>
                  a.score !== null &&
                  a.score < 1 &&
                  a.scoreDisplayMode !== 'informative' &&
                  a.scoreDisplayMode !== 'notApplicable' &&
                  a.scoreDisplayMode !== 'manual',
              )
              .map((a) => `${a.id}: ${a.title}`);
            failures.push(`${path} ${formFactor} ${cat} = ${Math.round((c.score ?? 0) * 100)} (${failing.join('; ')})`);
          }
        }
      }
    }
    expect(failures.join('\n')).toBe('');
  }, 300_000);
});
