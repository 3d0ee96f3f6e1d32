/**
 * @module demo/bulk-seed
 * Fast synthetic content for benchmarks and load tests: N articles with authors, a category tree
 * and tags, inserted in multi-row batches. Text comes from a small built-in vocabulary; bodies are
 * rendered by the real renderer (a pool of them, reused), so pages look like real ones.
 */
import type { Db } from '../db/database.js';
import { escapeHtml } from '../lib/html.js';
import { pathSegment } from '../modules/comment/thread.js';
import { insertCommentsReturning, setCommentPaths } from '../modules/comment/comment.repository.js';
import { insertAuthorsReturningIds } from '../modules/author/author.repository.js';
import { insertCategory } from '../modules/taxonomy/taxonomy.repository.js';
import { insertTagsReturningIds } from '../modules/taxonomy/tag.repository.js';
import { insertPostLinks, insertPostsReturning } from '../modules/content/posts.repository.js';
import type { NewPost } from '../db/schema.js';
import { doc, h, p, quote, type ArticleDocument } from '../modules/article/document.js';
import { countWords, documentText, renderDocument } from '../modules/article/render.js';

export interface BulkOptions {
  articles: number;
  categories: number;
  tags: number;
  authors: number;
  /** Approved comments spread over the new articles, about a third of them replies. */
  comments?: number;
  /** Reports progress (rows done, total). */
  onProgress?: (done: number, total: number) => void;
  now?: Date;
}

const SUBJECTS = [
  'The council',
  'The port authority',
  'A regional court',
  'The central bank',
  'Researchers',
  'The transport ministry',
  'Local farmers',
  'The city library',
  'Teachers',
  'The health agency',
  'A coalition of towns',
  'The football club',
  'Museum curators',
  'Energy planners',
  'The statistics office',
  'Fishermen',
  'Students',
  'The weather service',
];
const VERBS = [
  'approved',
  'published',
  'questioned',
  'announced',
  'delayed',
  'expanded',
  'reviewed',
  'defended',
  'measured',
  'proposed',
  'rejected',
  'completed',
  'funded',
  'reported',
];
const OBJECTS = [
  'a plan to rebuild the northern rail line',
  'new figures on housing costs',
  'a survey of alpine lakes',
  'the budget for school meals',
  'a ten-year water strategy',
  'changes to harbour fees',
  'the restoration of the old theatre',
  'a study of wheat yields',
  'a pilot scheme for night buses',
  'the redesign of the market square',
  'the first results of the census',
  'an agreement on fishing quotas',
  'a review of hospital waiting times',
  'the expansion of the wind farm',
];
const TAILS = [
  'after months of debate',
  'despite objections from residents',
  'on Tuesday',
  'in a report released this week',
  'ahead of the winter season',
  'following a public consultation',
  'with support from neighbouring regions',
  'for the first time in a decade',
  'at a crowded public meeting',
  'under a tight timetable',
];
const SECTION_WORDS = [
  'World',
  'Europe',
  'Politics',
  'Business',
  'Markets',
  'Science',
  'Climate',
  'Culture',
  'Books',
  'Film',
  'Sport',
  'Health',
  'Education',
  'Technology',
  'Travel',
  'Opinion',
  'Cities',
  'Energy',
  'Transport',
  'Food',
  'Music',
  'Art',
  'Law',
  'Media',
];
const TOPIC_WORDS = [
  'Rail',
  'Housing',
  'Water',
  'Schools',
  'Budget',
  'Harbour',
  'Lakes',
  'Census',
  'Wind',
  'Wheat',
  'Theatre',
  'Buses',
  'Fishing',
  'Hospitals',
  'Libraries',
  'Elections',
  'Rates',
  'Trade',
  'Tourism',
  'Bridges',
  'Forests',
  'Rivers',
  'Museums',
  'Courts',
];
const FIRST = ['Ana', 'Jonas', 'Leila', 'Marek', 'Sofia', 'Tomas', 'Yara', 'Elif', 'Noor', 'Pavel', 'Ines', 'Daniel', 'Mira', 'Omar', 'Hana', 'Lukas'];
const LAST = ['Novak', 'Haddad', 'Lindqvist', 'Moreau', 'Kovac', 'Rahimi', 'Berg', 'Costa', 'Weber', 'Demir', 'Aziz', 'Silva', 'Horvat', 'Jensen'];

/** Small deterministic PRNG so a seed of N articles is the same every time. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const sentence = (r: () => number): string => `${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${pick(r, OBJECTS)} ${pick(r, TAILS)}.`;
const paragraph = (r: () => number, n: number): string => Array.from({ length: n }, () => sentence(r)).join(' ');

function body(r: () => number): ArticleDocument {
  const blocks = [
    p(paragraph(r, 4)),
    p(paragraph(r, 3)),
    h(
      2,
      pick(r, OBJECTS).replace(/^./, (c) => c.toUpperCase()),
    ),
    p(paragraph(r, 4)),
    quote(paragraph(r, 1), `${pick(r, FIRST)} ${pick(r, LAST)}, spokesperson`),
    p(paragraph(r, 3)),
    p(paragraph(r, 2)),
  ];
  return doc(...blocks);
}

async function batches<T>(rows: T[], size: number, fn: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

export async function bulkSeed(db: Db, o: BulkOptions): Promise<{ articles: number; categories: number; tags: number; authors: number; comments: number }> {
  const r = rng(42 + o.articles);
  const now = o.now ?? new Date();
  const iso = now.toISOString();
  const run = Date.now().toString(36);

  const authorRows = Array.from({ length: o.authors }, (_, i) => ({
    slug: `writer-${run}-${i + 1}`,
    name: `${pick(r, FIRST)} ${pick(r, LAST)}`,
    role_title: 'Reporter',
    bio: 'Reports for the newsroom.',
    created_at: iso,
  }));
  const authorIds: number[] = [];
  await batches(authorRows, 500, async (chunk) => {
    authorIds.push(...(await insertAuthorsReturningIds(db, chunk)));
  });

  // A two-level tree: a fifth of the categories are sections, the rest sit under them.
  const roots = Math.max(1, Math.ceil(o.categories / 5));
  const categoryIds: number[] = [];
  const rootIds: number[] = [];
  for (let i = 0; i < o.categories; i++) {
    const isRoot = i < roots;
    const name = `${SECTION_WORDS[i % SECTION_WORDS.length]}${i >= SECTION_WORDS.length ? ` ${Math.floor(i / SECTION_WORDS.length) + 1}` : ''}`;
    const id = await insertCategory(db, {
      parent_id: isRoot ? null : rootIds[i % roots]!,
      slug: `section-${run}-${i + 1}`,
      name,
      description: `News about ${name.toLowerCase()}.`,
      position: i,
    });
    categoryIds.push(id);
    if (isRoot) rootIds.push(id);
  }

  const tagRows = Array.from({ length: o.tags }, (_, i) => ({
    slug: `topic-${run}-${i + 1}`,
    name: `${TOPIC_WORDS[i % TOPIC_WORDS.length]}${i >= TOPIC_WORDS.length ? ` ${Math.floor(i / TOPIC_WORDS.length) + 1}` : ''}`,
    description: '',
  }));
  const tagIds: number[] = [];
  await batches(tagRows, 500, async (chunk) => {
    tagIds.push(...(await insertTagsReturningIds(db, chunk)));
  });

  // A pool of rendered bodies: rendering 100,000 documents would dominate the seed time.
  const pool = Array.from({ length: 40 }, () => {
    const d = body(r);
    const text = documentText(d);
    return { doc: JSON.stringify(d), html: renderDocument(d, { media: new Map(), lang: 'en' }), text, words: countWords(text) };
  });

  const postIds: number[] = [];
  const span = 3 * 365 * 24 * 3600_000;
  let done = 0;
  const BATCH = 400;
  for (let start = 0; start < o.articles; start += BATCH) {
    const count = Math.min(BATCH, o.articles - start);
    const posts: NewPost[] = [];
    const links: { cats: number[]; tags: number[]; authors: number[] }[] = [];
    for (let k = 0; k < count; k++) {
      const n = start + k + 1;
      const b = pool[n % pool.length]!;
      const title = `${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${pick(r, OBJECTS)}`;
      // Oldest first; the newest article is `now`.
      const published = new Date(now.getTime() - span + Math.floor((span * n) / o.articles)).toISOString();
      const cat = categoryIds.length ? categoryIds[Math.floor(r() * categoryIds.length)]! : null;
      posts.push({
        type: 'post',
        status: 'published',
        slug: `story-${run}-${n}`,
        title,
        excerpt: sentence(r),
        body_doc: b.doc,
        body_html: b.html,
        search_text: b.text,
        word_count: b.words,
        language: 'en',
        primary_category_id: cat,
        published_at: published,
        updated_at: published,
        created_at: published,
        comment_status: 'open',
        sticky: 0,
        seo_title: '',
        seo_description: '',
      });
      const tagsFor = tagIds.length ? [...new Set([pick(r, tagIds), pick(r, tagIds), pick(r, tagIds)])] : [];
      links.push({ cats: cat === null ? [] : [cat], tags: tagsFor, authors: authorIds.length ? [pick(r, authorIds)] : [] });
    }
    await db.transaction().execute(async (trx) => {
      const ids = await insertPostsReturning(trx, posts);
      const idOf = new Map(ids.map((x) => [x.slug, x.id]));
      postIds.push(...ids.map((x) => x.id));
      const pc: { post_id: number; category_id: number }[] = [];
      const pt: { post_id: number; tag_id: number }[] = [];
      const pa: { post_id: number; author_id: number; position: number }[] = [];
      posts.forEach((post, k) => {
        const id = idOf.get(post.slug)!;
        const l = links[k]!;
        for (const c of l.cats) pc.push({ post_id: id, category_id: c });
        for (const t of l.tags) pt.push({ post_id: id, tag_id: t });
        l.authors.forEach((a, position) => {
          pa.push({ post_id: id, author_id: a, position });
        });
      });
      await insertPostLinks(trx, { categories: pc });
      await batches(pt, 1000, (c) => insertPostLinks(trx, { tags: c }));
      await insertPostLinks(trx, { authors: pa });
    });
    done += count;
    o.onProgress?.(done, o.articles);
  }
  const comments = o.comments ? await seedComments(db, r, postIds, o.comments, now) : 0;
  return { articles: o.articles, categories: o.categories, tags: o.tags, authors: o.authors, comments };
}

/**
 * Approved comments in batches: top-level ones first (their path is their own padded id, known
 * only after the insert), then replies under them.
 */
async function seedComments(db: Db, r: () => number, postIds: number[], total: number, now: Date): Promise<number> {
  if (postIds.length === 0) return 0;
  const BATCH = 500;
  let done = 0;
  while (done < total) {
    const count = Math.min(BATCH, total - done);
    const replies = Math.floor(count / 3);
    const iso = new Date(now.getTime() - Math.floor(r() * 86_400_000 * 30)).toISOString();
    const row = (postId: number, parent: { id: number; path: string } | null) => {
      const text = paragraph(r, 1 + Math.floor(r() * 2));
      return {
        post_id: postId,
        parent_id: parent?.id ?? null,
        path: '',
        depth: parent ? 1 : 0,
        author_name: `${pick(r, FIRST)} ${pick(r, LAST)}`,
        author_email: '',
        author_url: '',
        user_id: null,
        body: text,
        body_html: `<p>${escapeHtml(text)}</p>`,
        status: 'approved' as const,
        ip_hash: '',
        spam_score: 0,
        spam_reasons: '',
        created_at: iso,
        updated_at: iso,
      };
    };
    await db.transaction().execute(async (trx) => {
      const top = Array.from({ length: count - replies }, () => row(pick(r, postIds), null));
      const inserted = await insertCommentsReturning(trx, top);
      const parents = inserted.map((c) => ({ id: c.id, post_id: c.post_id, path: pathSegment(c.id) }));
      await setCommentPaths(trx, parents);
      if (replies > 0 && parents.length > 0) {
        const under = Array.from({ length: replies }, () => pick(r, parents));
        const kids = await insertCommentsReturning(
          trx,
          under.map((p) => row(p.post_id, p)),
        );
        await setCommentPaths(
          trx,
          kids.map((k, i) => ({ id: k.id, path: `${under[i]!.path}/${pathSegment(k.id)}` })),
        );
      }
    });
    done += count;
  }
  return total;
}
