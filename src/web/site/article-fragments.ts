/**
 * @module web/site/article-fragments
 * Article pages assembled from fragments, Russian-doll style, when the page cache misses (or is
 * off). An article's fragment is the whole page but its comments section's contents (masthead,
 * article, related stories, footer); its thread fragment is the first page of its comments as
 * everyone sees it; its form fragment is the comment form around its token. Each is rendered once
 * and kept in memory with the cache tags of what it shows, and the comment settings are held until
 * the next purge of everything (saving them makes one). Per request a token is signed; a reader
 * with held comments of their own, or answering one (?replytocom), gets the thread (and form) read
 * and rendered for them. The page cache's purges empty fragments too (PageCache.attach), locally
 * and from other instances: a comment write re-renders only the thread, an edit what shows that
 * article.
 *
 * Only an article's first comment page is assembled this way; later ones (another title and
 * canonical) are rendered whole.
 */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import type { CategoryTree } from '../../modules/taxonomy/taxonomy.js';
import { loadCategoryTree } from '../../modules/taxonomy/taxonomy.service.js';
import { readArticle, type ArticleBundle } from '../../modules/article/reading.service.js';
import { threadPage, type ThreadPage } from '../../modules/comment/comment.repository.js';
import { tag } from '../../modules/content/cache-tags.js';
import { loadCommentSettings, type CommentSettings } from '../../modules/comment/comment-settings.js';
import { TaggedStore } from '../cache/tagged-store.js';
import { Coalescer } from '../cache/coalesce.js';
import { cacheTags, type PageCache } from '../cache/index.js';
import { joinBuffers } from '../buffers.js';
import type { CommentsWeb } from './comments.routes.js';
import { articlePage, commentsOwnerOf, commentsVM, type ArticleCommentsInput, type CommentsOwner } from './pages.js';
import { articleFragmentTags } from './page-tags.js';
import type { SiteContext } from './site-context.js';
import { renderArticleAround, renderCommentsForm, renderCommentsThread } from './views/index.js';
import { stringsFor } from './i18n.js';
import { siteYear } from './presenters.js';

interface ArticleFragment {
  /** The document (UTF-8) up to the comments section's contents, and after them. */
  before: Buffer;
  after: Buffer;
  /** What commenting needs of the post (a static page, type 'page', has comments only when turned on). */
  post: { id: number; type: string; comment_status: 'open' | 'closed'; published_at: string | null };
  owner: CommentsOwner;
  tags: string[];
  /** The page's tags: the fragment's and its comments' (see cacheTags). */
  pageTags: readonly string[];
  /** The footer's copyright year it shows. */
  year: number;
  bytes: number;
  /** A nested page's path (`/about/team/`): its one-segment address redirects there. */
  path?: string;
}

/** The comment form around its token (`after` empty: no form, comments closed). */
interface FormFragment {
  before: Buffer;
  after: Buffer;
  tags: readonly string[];
  bytes: number;
}

/** Stands for the token in a rendered form: letters only, so no escaping changes it. */
const TOKEN_SLOT = 'broadsheetformtokenslot';

interface ThreadFragment {
  html: Buffer;
  approved: number;
  totalPages: number;
  tags: readonly string[];
  bytes: number;
}

/** Renders the fragment of a read article (no I/O). */
function renderFragment(site: SiteContext, tree: CategoryTree, b: ArticleBundle): ArticleFragment {
  const vm = articlePage(site, tree, b);
  const parts = renderArticleAround(vm);
  const before = Buffer.from(parts.before);
  const after = Buffer.from(parts.after);
  const tags = articleFragmentTags(b, tree);
  const { id, type, comment_status, published_at } = b.post;
  return {
    before,
    after,
    tags,
    pageTags: cacheTags([...tags, tag.comments(id)]),
    post: { id, type, comment_status, published_at },
    owner: commentsOwnerOf(b, site),
    year: vm.layout.year,
    ...(b.path ? { path: b.path } : {}),
    bytes: before.length + after.length + 1000,
  };
}

export interface FragmentStoreStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

/** Fragments by slug and threads by post, purged with the page cache. */
export class ArticleFragments {
  private readonly articles: TaggedStore<ArticleFragment>;
  private readonly threads: TaggedStore<ThreadFragment>;
  private readonly forms: TaggedStore<FormFragment>;
  private readonly settings = new TaggedStore<{ value: CommentSettings; tags: readonly string[]; bytes: number }>(1_000_000);
  /** Concurrent misses of one fragment share one read and render (see web/cache/coalesce). */
  readonly rendering = {
    articles: new Coalescer<ArticleFragment | undefined>(),
    threads: new Coalescer<ThreadFragment & { page: ThreadPage }>(),
    settings: new Coalescer<CommentSettings>(),
  };

  constructor(
    maxBytes: number,
    private readonly cache: PageCache,
    private readonly site: SiteContext,
  ) {
    this.articles = new TaggedStore<ArticleFragment>(maxBytes * 0.75);
    this.threads = new TaggedStore<ThreadFragment>(maxBytes * 0.2);
    this.forms = new TaggedStore<FormFragment>(maxBytes * 0.05);
    for (const store of [this.articles, this.threads, this.forms, this.settings]) cache.attach(store);
  }

  /** Each store's lookups and holdings, for /metrics. */
  stats(): Record<'article' | 'thread' | 'form' | 'settings', FragmentStoreStats> {
    const of = (s: TaggedStore<{ tags: readonly string[]; bytes: number }>): FragmentStoreStats => ({
      hits: s.hits,
      misses: s.misses,
      entries: s.size,
      bytes: s.bytes,
    });
    return { article: of(this.articles), thread: of(this.threads), form: of(this.forms), settings: of(this.settings) };
  }

  /**
   * The first page of an article, or undefined when there is no such published post.
   * `comments` undefined: no comment form (as when the comments module is not wired).
   */
  async page(
    db: Db,
    request: FastifyRequest,
    slug: string,
    comments: CommentsWeb | undefined,
  ): Promise<{ html: Buffer; tags: readonly string[] } | { redirect: string } | undefined> {
    // What is read after this may predate a purge that runs meanwhile: then it is used, not kept.
    const clock = this.cache.purgeClock;
    const keep = () => clock === this.cache.purgeClock;
    const f = await this.article(db, slug, clock, keep);
    if (!f) return undefined;
    if (f.path) return { redirect: f.path };
    // A static page has a comments section only while its comments are on.
    if (f.post.type === 'page' && f.post.comment_status !== 'open') return { html: joinBuffers([f.before, f.after]), tags: f.pageTags };
    const form = comments ? await comments.articleForm(request, f.post, await this.commentSettings(db, clock, keep)) : undefined;
    const { lang, siteLanguage } = f.owner;
    const t = stringsFor(lang, siteLanguage);
    if (!form) {
      const vm = commentsVM(f.owner, undefined);
      const html = renderCommentsThread({ comments: vm, t, lang }) + renderCommentsForm({ comments: vm, t, lang });
      return { html: joinBuffers([f.before, Buffer.from(html), f.after]), tags: f.pageTags };
    }
    const { held, ...rest } = form;
    // Everyone's view of the thread is shared; a reader's own held comments or reply target are not.
    const shared = held.length === 0 && rest.replyTo === undefined;
    const key = `${f.post.id}:${rest.open ? 1 : 0}:${rest.perPage}`;
    const renderThread = async (): Promise<ThreadFragment & { page: ThreadPage }> => {
      const page = await threadPage(db, f.post.id, held, 1, rest.perPage);
      const html = Buffer.from(renderCommentsThread({ comments: commentsVM(f.owner, { ...rest, page: 1, thread: page }), t, lang }));
      const rendered = { html, approved: page.approved, totalPages: page.totalPages, tags: f.pageTags, bytes: html.length + 200 };
      if (shared && keep()) this.threads.set(key, rendered);
      return { ...rendered, page };
    };
    const thread: ThreadFragment & { page?: ThreadPage } =
      (shared ? this.threads.get(key) : undefined) ?? (await (shared ? this.rendering.threads.run(key, clock, renderThread) : renderThread()));
    // The form needs the thread's counts, and a reply form the comment it answers (a reader's own render).
    const counts: ThreadPage = thread.page ?? { comments: [], approved: thread.approved, approvedThreads: 0, totalPages: thread.totalPages };
    const input: ArticleCommentsInput = { ...rest, page: 1, thread: counts };
    // The form is the same for everyone but its token (and a reply target, rendered whole).
    if (rest.replyTo !== undefined) {
      const formHtml = Buffer.from(renderCommentsForm({ comments: commentsVM(f.owner, input), t, lang }));
      return { html: joinBuffers([f.before, thread.html, formHtml, f.after]), tags: f.pageTags };
    }
    const formKey = `${f.post.id}:${rest.open ? 1 : 0}:${rest.requireEmail ? 1 : 0}:${rest.maxLength}`;
    let formParts = this.forms.get(formKey);
    if (!formParts) {
      const html = renderCommentsForm({ comments: commentsVM(f.owner, { ...input, token: TOKEN_SLOT }), t, lang });
      const at = html.indexOf(TOKEN_SLOT);
      formParts =
        at < 0
          ? { before: Buffer.from(html), after: Buffer.alloc(0), tags: f.pageTags, bytes: html.length + 200 }
          : { before: Buffer.from(html.slice(0, at)), after: Buffer.from(html.slice(at + TOKEN_SLOT.length)), tags: f.pageTags, bytes: html.length + 200 };
      if (keep()) this.forms.set(formKey, formParts);
    }
    const token = formParts.after.length > 0 ? Buffer.from(rest.token) : Buffer.alloc(0);
    return { html: joinBuffers([f.before, thread.html, formParts.before, token, formParts.after, f.after]), tags: f.pageTags };
  }

  /**
   * The comment settings, kept until the next purge of everything: saving them purges every page
   * (they shape every comment form), here and, through the purge log, on every instance.
   */
  private async commentSettings(db: Db, clock: number, keep: () => boolean): Promise<CommentSettings> {
    const hit = this.settings.get('comments');
    if (hit) return hit.value;
    return this.rendering.settings.run('comments', clock, async () => {
      const value = await loadCommentSettings(db);
      if (keep()) this.settings.set('comments', { value, tags: [], bytes: 1000 });
      return value;
    });
  }

  private async article(db: Db, slug: string, clock: number, keep: () => boolean): Promise<ArticleFragment | undefined> {
    const hit = this.articles.get(slug);
    // New Year: the footer's year moved on.
    if (hit && hit.year === siteYear(this.site)) return hit;
    return this.rendering.articles.run(slug, clock, async () => {
      const [bundle, tree] = await Promise.all([readArticle(db, slug), loadCategoryTree(db)]);
      if (!bundle) return undefined;
      const f = renderFragment(this.site, tree, bundle);
      if (keep()) this.articles.set(slug, f);
      return f;
    });
  }
}
