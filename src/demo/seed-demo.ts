/**
 * @module demo/seed-demo
 * Loads the built-in demo newsroom (corpus.ts) into an empty database: images generated locally
 * with sharp, authors with drawn portraits, titles, bios and links, the category tree, tags,
 * articles, translations and pages.
 */
import type { Db, DbHandle } from '../db/database.js';
import type { FullText } from '../db/full-text.js';
import { refreshAllRelated } from '../modules/related/related.service.js';
import { slugify } from '../modules/article/article.js';
import { createArticle } from '../modules/article/article.service.js';
import { insertAuthor } from '../modules/author/author.repository.js';
import { storeImage } from '../modules/media/media.service.js';
import type { MediaPlace } from '../modules/media/media-store.js';
import { insertCategory, insertTag } from '../modules/taxonomy/taxonomy.repository.js';
import { noPostsYet } from '../modules/content/posts.repository.js';
import { articles, authors, categories, images, pages } from './corpus.js';
import { renderDemoImage, renderDemoLogo, renderPortrait } from './images.js';
import { homeScope, sectionScope } from '../modules/frontpage/frontpage.js';
import { insertHomeBlock, insertPin, publishedStory } from '../modules/frontpage/frontpage.repository.js';
import { setDemoNow } from './helpers.js';
import { upsertSetting } from '../modules/content/settings.repository.js';
import { ALL_LANGUAGES, encodeMenu, type MenuItem } from '../modules/site/menu.js';
import { menuKey } from '../modules/site/menu.service.js';
import { addEntry, endLive, startLive } from '../modules/live/live.service.js';
import { applySuggestions, suggestPeople } from '../modules/person/person-suggest.service.js';
import { attributedPortraits, findPersonById } from '../modules/person/person.repository.js';
import { savePerson } from '../modules/person/person.service.js';
import { profileOfPerson } from '../modules/person/person.js';
import { cliActor } from '../modules/user/user.js';
import { demoLive } from './live-demo.js';

const HOUR = 3_600_000;
const DEMO_ACCENT = '#1d4e89';
const DEMO_TOP_STORIES = ['assembly-passes-coastal-protection-bill', 'alpine-lakes-warming-faster-than-the-air'];

/**
 * The demo's front pages: a pinned lead and two pinned top stories on the home page, blocks of the
 * latest in Politics, Science and Culture below them, and a pinned lead on the World section front.
 */
async function seedDemoFrontPage(db: Db, now: Date, category: (slug: string) => number): Promise<void> {
  const story = async (slug: string) => {
    const s = await publishedStory(db, { slug });
    if (!s) throw new Error(`demo corpus: unknown story "${slug}"`);
    return s.id;
  };
  const created = now.toISOString();
  await insertPin(db, {
    scope: homeScope,
    slot: 'lead',
    post_id: await story('night-trains-return-to-ostrel-valley-line'),
    position: 0,
    expires_at: null,
    created_at: created,
  });
  let position = 0;
  for (const slug of DEMO_TOP_STORIES) {
    await insertPin(db, { scope: homeScope, slot: 'top', post_id: await story(slug), position: position++, expires_at: null, created_at: created });
  }
  position = 0;
  for (const [slug, count] of [
    ['politics', 4],
    ['science', 4],
    ['culture', 4],
  ] as const) {
    await insertHomeBlock(db, { category_id: category(slug), count, position: position++ });
  }
  await insertPin(db, {
    scope: sectionScope(category('world')),
    slot: 'lead',
    post_id: await story('border-towns-share-a-single-fire-brigade'),
    position: 0,
    expires_at: null,
    created_at: created,
  });
}

/**
 * The demo's menus: a primary menu with World's regions in a dropdown, a Persian one (its sections
 * read in Persian: their names per language), and a footer menu with the About and Contact pages.
 */
async function seedDemoMenus(db: Db, category: (slug: string) => number, page: (slug: string) => number): Promise<void> {
  const cat = (slug: string, depth: 0 | 1 = 0): MenuItem => ({ kind: 'category', ref: String(category(slug)), label: '', depth });
  const primary: Record<string, MenuItem[]> = {
    [ALL_LANGUAGES]: [
      cat('world'),
      cat('europe', 1),
      cat('middle-east', 1),
      cat('americas', 1),
      cat('politics'),
      cat('business'),
      cat('science'),
      cat('culture'),
      cat('sport'),
    ],
    fa: [
      cat('world'),
      cat('europe', 1),
      cat('middle-east', 1),
      cat('science'),
      cat('climate', 1),
      cat('culture'),
      cat('books', 1),
      cat('sport'),
      cat('chess', 1),
    ],
  };
  const footer: Record<string, MenuItem[]> = {
    [ALL_LANGUAGES]: [
      { kind: 'page', ref: String(page('about')), label: 'About us', depth: 0 },
      { kind: 'page', ref: String(page('contact')), label: '', depth: 0 },
      { kind: 'url', ref: '/corrections/', label: 'Corrections', depth: 0 },
      { kind: 'url', ref: '/feed/', label: 'RSS feed', depth: 0 },
    ],
    fa: [
      { kind: 'page', ref: String(page('about')), label: 'درباره ما', depth: 0 },
      { kind: 'page', ref: String(page('contact')), label: 'تماس با ما', depth: 0 },
      { kind: 'url', ref: '/corrections/', label: 'اصلاحیه‌ها', depth: 0 },
    ],
  };
  await upsertSetting(db, menuKey('primary'), encodeMenu(primary));
  await upsertSetting(db, menuKey('footer'), encodeMenu(footer));
}

/** True when the database holds no posts yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  return noPostsYet(db);
}

/** Any number that no other lock of ours uses (the migrations take 7201403). */
const SEED_LOCK = 7201404;

/**
 * Seeds the demo newsroom unless content exists. Returns whether it seeded. Several instances
 * starting at once on one empty database seed it once: the others wait for the lock, then find
 * the content there.
 */
export async function seedDemoIfEmpty(handle: DbHandle, mediaRoot: MediaPlace, now: Date = new Date()): Promise<boolean> {
  const { db, dialect } = handle;
  return dialect.exclusive(db, SEED_LOCK, async () => {
    if (!(await isEmpty(db))) return false;
    await seedDemo(db, dialect.fullText, mediaRoot, now);
    return true;
  });
}

export async function seedDemo(db: Db, fullText: FullText, mediaRoot: MediaPlace, now: Date = new Date()): Promise<void> {
  // Dates inside the corpus (quoted social posts) follow the same clock as the articles.
  setDemoNow(now);
  const folder = 'demo';
  const created = now.toISOString();

  // Images first (slow part, outside any transaction); the same seed always draws the same picture.
  const mediaIds = new Map<string, number>();
  for (const img of images) {
    const bytes = await renderDemoImage(img.scene, img.key);
    mediaIds.set(
      img.key,
      await storeImage(db, mediaRoot, {
        fileName: `${img.key}.jpg`,
        bytes,
        alt: img.alt,
        caption: img.caption,
        credit: img.credit,
        folder,
        now,
        reuseFiles: true,
      }),
    );
  }
  const media = (key: string): number => {
    const id = mediaIds.get(key);
    if (id === undefined) throw new Error(`demo corpus: unknown image "${key}"`);
    return id;
  };

  const authorIds = new Map<string, number>();
  for (const a of authors) {
    const photo = await storeImage(db, mediaRoot, {
      fileName: `portrait-${a.slug}.jpg`,
      bytes: await renderPortrait(a.slug, a.color),
      alt: `Illustrated portrait of ${a.name}`,
      folder,
      now,
      reuseFiles: true,
    });
    authorIds.set(
      a.slug,
      await insertAuthor(db, {
        slug: a.slug,
        name: a.name,
        role_title: a.roleTitle,
        role_titles: JSON.stringify(a.roleTitles ?? {}),
        bio: a.bio,
        avatar_media_id: photo,
        public_email: a.publicEmail ?? '',
        links: JSON.stringify(a.links ?? []),
        created_at: created,
      }),
    );
  }

  const categoryIds = new Map<string, number>();
  let position = 0;
  for (const c of categories) {
    const parent = c.parent ? (categoryIds.get(c.parent) ?? null) : null;
    categoryIds.set(
      c.slug,
      await insertCategory(db, {
        parent_id: parent,
        slug: c.slug,
        name: c.name,
        description: c.description,
        position: position++,
        ...(c.names ? { names: JSON.stringify(c.names) } : {}),
      }),
    );
  }

  const tagIds = new Map<string, number>();
  for (const name of new Set(articles.flatMap((x) => x.tags))) {
    tagIds.set(name, await insertTag(db, { slug: slugify(name), name }));
  }

  const groups = new Map<string, string>();
  for (const x of articles) if (x.translationOf) groups.set(x.translationOf, `demo-${x.translationOf}`);

  const lookup = (map: Map<string, number>, key: string, what: string): number => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`demo corpus: unknown ${what} "${key}"`);
    return id;
  };
  // Oldest first, so ids grow with publication time as in a real newsroom.
  for (const x of [...articles].sort((p, q) => q.hoursAgo - p.hoursAgo)) {
    const published = new Date(now.getTime() - x.hoursAgo * HOUR);
    const updated = x.updatedHoursAfter ? new Date(published.getTime() + x.updatedHoursAfter * HOUR) : published;
    await createArticle(
      db,
      {
        type: 'post',
        status: 'published',
        slug: x.slug,
        title: x.title,
        excerpt: x.standfirst,
        body: x.body(media),
        language: x.language,
        translationGroup: groups.get(x.slug) ?? (x.translationOf ? groups.get(x.translationOf) : undefined) ?? null,
        categoryIds: x.categories.map((c) => lookup(categoryIds, c, 'category')),
        tagIds: x.tags.map((t) => lookup(tagIds, t, 'tag')),
        authorIds: x.authors.map((a) => lookup(authorIds, a, 'author')),
        featuredMediaId: media(x.featuredImage),
        publishedAt: published.toISOString(),
        updatedAt: updated.toISOString(),
      },
      now,
    );
  }
  const pageIds = new Map<string, number>();
  for (const pg of pages) {
    const id = await createArticle(
      db,
      {
        type: 'page',
        status: 'published',
        slug: pg.slug,
        title: pg.title,
        excerpt: pg.standfirst,
        body: pg.body,
        commentStatus: 'closed',
        publishedAt: created,
      },
      now,
    );
    pageIds.set(pg.slug, id);
  }
  await seedDemoMenus(
    db,
    (slug) => lookup(categoryIds, slug, 'category'),
    (slug) => lookup(pageIds, slug, 'page'),
  );
  await seedDemoFrontPage(db, now, (slug) => lookup(categoryIds, slug, 'category'));
  // Branding: a drawn wordmark in the masthead and a deep blue accent (AA against the page and white).
  const logo = await storeImage(db, mediaRoot, {
    fileName: 'broadsheet-logo.png',
    bytes: await renderDemoLogo('The Broadsheet', DEMO_ACCENT),
    alt: 'The Broadsheet',
    folder,
    now,
    reuseFiles: true,
  });
  await upsertSetting(db, 'site.logo_id', String(logo));
  await upsertSetting(db, 'site.accent', DEMO_ACCENT);
  await seedDemoLive(db, now, media, {
    category: (slug) => lookup(categoryIds, slug, 'category'),
    author: (slug) => lookup(authorIds, slug, 'author'),
    tag: async (name) => tagIds.get(name) ?? (await insertTag(db, { slug: slugify(name), name })),
  });
  await seedDemoPeople(db, now);
  await refreshAllRelated(db, fullText, now);
}

/** The demo's live page (demo/live-demo): published, run entry by entry, then ended. */
async function seedDemoLive(
  db: Db,
  now: Date,
  media: (key: string) => number,
  ids: { category: (slug: string) => number; author: (slug: string) => number; tag: (name: string) => Promise<number> },
): Promise<void> {
  const l = demoLive;
  const start = new Date(now.getTime() - l.startedHoursAgo * HOUR);
  const authorId = ids.author(l.author);
  const tagIds = [];
  for (const name of l.tags) tagIds.push(await ids.tag(name));
  const postId = await createArticle(
    db,
    {
      type: 'post',
      status: 'published',
      slug: l.slug,
      title: l.title,
      excerpt: l.standfirst,
      body: l.summary(),
      language: 'en',
      categoryIds: [ids.category(l.category)],
      tagIds,
      authorIds: [authorId],
      featuredMediaId: media(l.featuredImage),
      publishedAt: start.toISOString(),
      updatedAt: start.toISOString(),
    },
    now,
  );
  const desk = { user: { id: null, name: 'Demo seed', email: 'demo' }, ip: '', authorId };
  await startLive(db, postId, desk, start);
  for (const e of l.entries)
    await addEntry(db, postId, { headline: e.headline, body: e.body(media), pinned: e.pinned ?? false }, desk, new Date(start.getTime() + e.at * 60_000));
  await endLive(db, postId, desk, new Date(start.getTime() + (l.ranMinutes + 5) * 60_000));
}

/**
 * The demo's people: everyone its captions ("Name, role") and quotations name, found and linked
 * as `broadsheet people suggest --apply` would, each with the portrait their caption sits under.
 */
async function seedDemoPeople(db: Db, now: Date): Promise<void> {
  const { candidates } = await suggestPeople(db);
  await applySuggestions(db, candidates, cliActor, now);
  for (const { personId, mediaId } of await attributedPortraits(db)) {
    const row = await findPersonById(db, personId);
    if (row && row.photo_media_id === null) await savePerson(db, personId, { ...profileOfPerson(row), photoId: mediaId }, cliActor, now);
  }
}
