/**
 * The demo newsroom's authors have full profiles: a drawn portrait with alt text, a title, a bio
 * in paragraphs, a public email and links, on their author page and in its Person JSON-LD.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authors } from '../../src/demo/corpus.js';
import { jsonLd } from '../helpers/app.js';
import { startDemoSite, type DemoSite } from '../helpers/demo-site.js';

describe('demo author profiles', () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite();
  }, 180_000);
  afterAll(async () => {
    await site?.close();
  });

  it('every demo author page shows the portrait, title, bio paragraphs, email and links', async () => {
    expect(authors.length).toBeGreaterThan(3);
    for (const a of authors) {
      const res = await site.app.inject(`/author/${a.slug}/`);
      expect(res.statusCode, a.slug).toBe(200);
      const html = res.body;
      expect(html, a.slug).toMatch(new RegExp(`<img [^>]*alt="Illustrated portrait of ${a.name}"`));
      expect(html, a.slug).toContain(`<p class="archive__role">${a.roleTitle}</p>`);
      expect(html.match(/<div class="archive__bio" dir="auto">(.*?)<\/div>/)?.[1]?.match(/<p>/g)?.length, a.slug).toBe(2);
      expect(html, a.slug).toContain(`href="mailto:${a.publicEmail}"`);
      const person = (jsonLd(html).find((x) => x['@type'] === 'ProfilePage') as { mainEntity: { jobTitle: string; sameAs: string[]; image: string } })
        .mainEntity;
      expect(person.jobTitle, a.slug).toBe(a.roleTitle);
      expect(person.sameAs, a.slug).toEqual(a.links);
      expect(person.image, a.slug).toMatch(/\/media\/demo\/portrait-/);
    }
  });
});
