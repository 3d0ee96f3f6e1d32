/**
 * A small newsroom for HTTP tests, built through the real services: a two-level category tree,
 * tags, two authors with an avatar, one photo, a page, and `count` English articles plus one in
 * Persian. Fast: one tiny image, no demo corpus.
 */
import sharp from 'sharp';
import type { Db } from '../../src/db/database.js';
import { createArticle } from '../../src/modules/article/article.service.js';
import { doc, figure, h, p, quote, quoteCard, a as link } from '../../src/modules/article/document.js';
import { refreshAllRelated } from '../../src/modules/related/related.service.js';
import type { FullText } from '../../src/db/full-text.js';
import { insertAuthor } from '../../src/modules/author/author.repository.js';
import { storeImage } from '../../src/modules/media/media.service.js';
import { insertCategory, insertTag } from '../../src/modules/taxonomy/taxonomy.repository.js';
import { NOW } from './clock.js';

export interface Fixture {
  ids: { world: number; europe: number; politics: number; rail: number; climate: number; ana: number; omar: number; photo: number };
  /** Slugs of English articles, newest first. */
  slugs: string[];
  persianSlug: string;
}

export async function testImage(width = 1200, height = 800, color = '#3a6ea5'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
}

export async function buildFixture(db: Db, mediaRoot: string, count = 14, fullText?: FullText): Promise<Fixture> {
  const iso = NOW.toISOString();
  const world = await insertCategory(db, { parent_id: null, slug: 'world', name: 'World', description: 'News from around the world.', position: 0 });
  const europe = await insertCategory(db, { parent_id: world, slug: 'europe', name: 'Europe', description: 'Reporting from Europe.', position: 0 });
  const politics = await insertCategory(db, { parent_id: null, slug: 'politics', name: 'Politics', position: 1 });
  const rail = await insertTag(db, { slug: 'rail', name: 'Rail' });
  const climate = await insertTag(db, { slug: 'climate', name: 'Climate' });
  const avatar = await storeImage(db, mediaRoot, {
    fileName: 'avatar-ana.jpg',
    bytes: await testImage(400, 400, '#884422'),
    alt: '',
    folder: 'test',
    now: NOW,
  });
  const ana = await insertAuthor(db, {
    slug: 'ana-berg',
    name: 'Ana Berg',
    role_title: 'Europe correspondent',
    bio: 'Ana covers transport and cities.',
    avatar_media_id: avatar,
    created_at: iso,
  });
  const omar = await insertAuthor(db, {
    slug: 'omar-haddad',
    name: 'Omar Haddad',
    role_title: 'Economics editor',
    bio: 'Omar writes about money.',
    created_at: iso,
  });
  const photo = await storeImage(db, mediaRoot, {
    fileName: 'harbour.jpg',
    bytes: await testImage(),
    alt: 'Cranes over the harbour at dawn',
    caption: 'The northern harbour at dawn',
    credit: 'Lena Park',
    folder: 'test',
    now: NOW,
  });
  const portrait = await storeImage(db, mediaRoot, {
    fileName: 'portrait.jpg',
    bytes: await testImage(400, 500, '#555555'),
    alt: 'Maria Lind at her desk',
    caption: 'Maria Lind, harbour master',
    credit: 'Lena Park',
    folder: 'test',
    now: NOW,
  });
  const slugs: string[] = [];
  for (let n = 1; n <= count; n++) {
    const slug = `rail-story-${n}`;
    const inEurope = n % 2 === 0;
    await createArticle(
      db,
      {
        type: 'post',
        status: 'published',
        slug,
        title: `Rail line story number ${n}`,
        excerpt: `Standfirst of story ${n}.`,
        body: doc(
          p('The northern rail line will reopen next spring, the ', link('port authority', 'https://example.org/port'), ' said.'),
          h(2, 'What changes'),
          figure({ mediaId: portrait, alt: 'Maria Lind at her desk', caption: 'Maria Lind, harbour master', credit: 'Lena Park', align: 'center' }),
          quote('We have waited twenty years for this train.', 'Maria Lind, harbour master'),
          quoteCard({
            author: 'Port of Norden',
            handle: '@portnorden',
            date: '2026-11-18T09:30:00Z',
            text: 'Trains return to the quay in April.',
            url: 'https://social.example/@portnorden/1',
            network: 'Mastodon',
          }),
          p('Work starts in January.'),
        ),
        language: 'en',
        categoryIds: inEurope ? [europe] : [politics],
        tagIds: n % 3 === 0 ? [rail, climate] : [rail],
        authorIds: n === 1 ? [ana, omar] : [n % 2 ? omar : ana],
        featuredMediaId: photo,
        publishedAt: new Date(NOW.getTime() - (count - n + 1) * 3600_000).toISOString(),
        updatedAt: n === count ? new Date(NOW.getTime() + 3600_000).toISOString() : undefined,
      },
      NOW,
    );
    slugs.unshift(slug);
  }
  const persianSlug = 'rah-ahan-shomal';
  await createArticle(
    db,
    {
      type: 'post',
      status: 'published',
      slug: persianSlug,
      title: 'بازگشایی راه‌آهن شمال',
      excerpt: 'خط راه‌آهن شمال بهار آینده دوباره باز می‌شود.',
      body: doc(p('خط راه‌آهن شمال بهار آینده دوباره باز می‌شود.')),
      language: 'fa',
      categoryIds: [europe],
      authorIds: [ana],
      publishedAt: new Date(NOW.getTime() - 30 * 3600_000).toISOString(),
      translationGroup: 'rail',
      featuredMediaId: photo,
    },
    NOW,
  );
  await db.updateTable('posts').set({ translation_group: 'rail' }).where('slug', '=', `rail-story-${count}`).execute();
  await createArticle(
    db,
    {
      type: 'page',
      status: 'published',
      slug: 'about',
      title: 'About us',
      excerpt: 'Who we are.',
      body: doc(p('We are a newsroom.')),
      publishedAt: iso,
      commentStatus: 'closed',
    },
    NOW,
  );
  await createArticle(db, { type: 'post', status: 'draft', slug: 'secret-draft', title: 'Not yet', body: doc(p('Draft.')), categoryIds: [europe] }, NOW);
  if (fullText) await refreshAllRelated(db, fullText, NOW);
  return { ids: { world, europe, politics, rail, climate, ana, omar, photo }, slugs, persianSlug };
}
