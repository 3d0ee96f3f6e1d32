/**
 * Story cards on listings: a story in another language than the page keeps its own text (headline,
 * standfirst, image) in its language and direction, while the words around it (byline words,
 * date, reading time, section) are the page's; the first image of a page without a lead is loaded
 * eagerly (it is the largest paint), the rest lazily.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.js';
import { DIALECTS, type TestDb } from '../../helpers/db.js';
import type { Fixture } from '../../helpers/fixture.js';
import { fixtureSite } from '../../helpers/site.js';

/** Each card's HTML on a page. */
const cards = (html: string): string[] => [...html.matchAll(/<article class="card[^"]*">[\s\S]*?<\/article>/g)].map((m) => m[0]);

describe('story cards', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let fx: Fixture;
  fixtureSite(DIALECTS[0]!, (s) => ({ t, app, fx } = s));

  it('a Persian story on an English listing: its headline and standfirst right to left in Persian, the rest in English', async () => {
    const html = (await app.inject('/category/world/europe/page/2/')).body;
    const fa = cards(html).find((c) => c.includes(`/${fx.persianSlug}/`))!;
    expect(fa).toBeDefined();
    // The card itself is the page's; only the story's own text carries its language.
    expect(fa).toMatch(/^<article class="card[^"]*">/);
    expect(fa).toMatch(/<h[23] class="card__title" lang="fa" dir="rtl">/);
    expect(fa).toContain('<p class="card__excerpt" lang="fa" dir="rtl">');
    expect(fa).toMatch(/<div class="card__media" lang="fa">/);
    const meta = /<p class="meta card__meta">([\s\S]*?)<\/p>/.exec(fa)![1]!;
    expect(meta).toContain('By <a href="/author/ana-berg/"><bdi>Ana Berg</bdi></a>');
    expect(meta).toContain('min read');
    // The date in the page's language and digits, not the Persian calendar.
    expect(meta).toMatch(/<time datetime="[^"]+">November \d{1,2}, 2026<\/time>/);
    expect(meta).not.toMatch(/[\u0600-\u06FF]/);
    // An English card on the same page carries no language of its own.
    const en = cards(html).find((c) => c.includes('/rail-story-'))!;
    expect(en).not.toMatch(/lang=/);
  });

  it('English stories on a Persian site’s home page: their own text in English, the words around it in Persian', async () => {
    const persianSite = await testApp(t, { SITE_LANGUAGE: 'fa' });
    const html = (await persianSite.inject('/')).body;
    await persianSite.close();
    expect(html).toMatch(/<html lang="fa" dir="rtl"/);
    const en = cards(html).filter((c) => c.includes('/rail-story-'));
    expect(en.length).toBeGreaterThan(0);
    for (const c of en) {
      expect(c).toMatch(/<h[23] class="card__title" lang="en" dir="ltr">/);
      const meta = /<p class="meta card__meta">([\s\S]*?)<\/p>/.exec(c)![1]!;
      // "By", the date and the reading time are Persian words (and Persian digits).
      expect(meta).toMatch(/[\u0600-\u06FF]/);
      expect(meta).not.toContain('min read');
      expect(meta).toMatch(/<bdi>[A-Za-z ]+<\/bdi>/);
    }
  });

  it('the first image of a page with no lead is eager, the others lazy; a listing with a lead keeps its lead eager', async () => {
    const tag = (await app.inject('/tag/rail/')).body;
    const imgs = [...tag.matchAll(/<img class="card__img"[^>]*>/g)].map((m) => m[0]);
    expect(imgs.length).toBeGreaterThan(1);
    expect(imgs[0]).toContain('loading="eager"');
    expect(imgs[0]).toContain('fetchpriority="high"');
    for (const img of imgs.slice(1)) expect(img).toContain('loading="lazy"');
    const home = (await app.inject('/')).body;
    const homeImgs = [...home.matchAll(/<img class="card__img"[^>]*>/g)].map((m) => m[0]);
    expect(homeImgs.filter((i) => i.includes('loading="eager"'))).toHaveLength(1);
    expect(home).toMatch(/<article class="card card--lead">[\s\S]*?loading="eager"/);
  });
});
