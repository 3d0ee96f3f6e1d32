/**
 * @module web/site/views/article
 * A single article (and, with vm.isPage, a static page such as /about/).
 */
import { directionOf, type Strings } from '../i18n.js';
import type { ArticleVM, AuthorVM, FigureVM, LiveBlogVM, LiveEntryVM } from '../view-models.js';
import { Breadcrumb, CardGrid, joinNames, listComma, minRead, PersonList, Picture, SIZES, Time } from './components.js';
import { CommentForm, CommentOrderLinks, CommentPages, CommentThread } from './comments.js';
import { renderToString } from 'preact-render-to-string';
import { renderDocument } from './layout.js';
import { Corrections } from './corrections.js';

function Byline({ authors, t, lang }: { authors: AuthorVM[]; t: Strings; lang: string }) {
  if (authors.length === 0) return null;
  const avatars = authors.filter((a) => a.avatar !== undefined);
  return (
    <div class="byline">
      {avatars.length > 0 && (
        <div class="byline__avatars">{avatars.map((a) => a.avatar && <Picture image={{ ...a.avatar, alt: '' }} sizes={SIZES.avatar} class="avatar" />)}</div>
      )}
      <p class="byline__names">
        {t.by}{' '}
        {joinNames(
          authors.map((a) => (
            <span class="byline__author">
              <a href={a.url} rel="author">
                {a.name}
              </a>
              {a.roleTitle !== '' && (
                <span class="byline__role">
                  {listComma(lang)}
                  {a.roleTitle}
                </span>
              )}
            </span>
          )),
          t.and,
          lang,
        )}
      </p>
    </div>
  );
}

function Featured({ figure }: { figure: FigureVM }) {
  const hasCaption = figure.caption !== '' || figure.credit !== '';
  return (
    <figure class="featured">
      <Picture image={figure.image} sizes={SIZES.featured} priority class="featured__img" />
      {hasCaption && (
        <figcaption dir="auto">
          {figure.caption}
          {figure.caption !== '' && figure.credit !== '' && ' '}
          {/* As typed, like inline figures' credits ("Photo: …", "Illustration: …" are the writer's). */}
          {figure.credit !== '' && (
            <span class="figure__credit" dir="auto">
              {figure.credit}
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}

function ArticleHeader({ vm }: { vm: ArticleVM }) {
  const { t, lang } = vm.layout;
  return (
    <header class="article__header">
      <h1 class="article__title">{vm.title}</h1>
      {vm.standfirst !== '' && <p class="article__standfirst">{vm.standfirst}</p>}
      {!vm.isPage && (
        <div class="article__meta">
          <Byline authors={vm.authors} t={t} lang={lang} />
          <p class="meta article__dates">
            {vm.published && (
              <span>
                <span class="sr-only">{t.published}: </span>
                <Time date={vm.published} />
              </span>
            )}
            {vm.updated && (
              <span>
                {t.updated}: <Time date={vm.updated} />
              </span>
            )}
            {vm.readingMinutes > 0 && <span>{minRead(t, vm.readingMinutes)}</span>}
          </p>
        </div>
      )}
    </header>
  );
}

function Tags({ vm }: { vm: ArticleVM }) {
  if (vm.tags.length === 0) return null;
  return (
    <div class="tags">
      <h2 class="tags__heading">{vm.layout.t.tags}</h2>
      <ul class="tags__list">
        {vm.tags.map((tag) => (
          <li>
            <a href={tag.url} rel="tag">
              {tag.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A live page after its summary: the state ("Live", or when it ended), the key events linking to
 * their entries, then the entries newest first, each with its time, author, permalink and body.
 * The page's script (live.js) adds newer entries at the top as they are published; without it a
 * reload does.
 */
function LiveBlog({ vm, t, liveJs }: { vm: LiveBlogVM; t: Strings; liveJs: string }) {
  return (
    <section class="live" aria-labelledby="live-heading" data-live={vm.pollUrl}>
      <p class={`live__state live__state--${vm.status}`}>
        {vm.status === 'live' && <span class="live__badge">{t.live}</span>}
        {vm.status === 'live' ? (
          vm.updated && (
            <span class="live__updated">
              {t.liveUpdated} <Time date={vm.updated} />
            </span>
          )
        ) : (
          <span>{vm.label}</span>
        )}
      </p>
      {vm.keyEvents.length > 0 && vm.page === 1 && (
        <nav class="live__key" aria-labelledby="live-key-heading">
          <h2 class="live__heading" id="live-key-heading">
            {t.keyEvents}
          </h2>
          <ol class="live__key-list">
            {vm.keyEvents.map((k) => (
              <li>
                <Time date={k.at} />{' '}
                <a href={`#${k.anchor}`} dir="auto">
                  {k.headline}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <h2 class="live__heading" id="live-heading">
        {vm.page > 1 ? t.format('entriesPage', { n: vm.page }) : t.latestUpdates}
      </h2>
      {vm.newerUrl && (
        <p class="live__more">
          <a href={vm.newerUrl}>{t.newerEntries}</a>
        </p>
      )}
      <LiveAnnouncer t={t} />
      <ol class="live__entries" data-live-entries="">
        {vm.entries.map((e) => (
          <LiveEntry entry={e} t={t} />
        ))}
      </ol>
      {vm.olderUrl && (
        <p class="live__more">
          <a href={vm.olderUrl}>{t.olderEntries}</a>
        </p>
      )}
      {vm.pollUrl && <script src={liveJs} defer></script>}
    </section>
  );
}

/** One entry (also what the live endpoint sends a page to add). */
export function LiveEntry({ entry: e, t }: { entry: LiveEntryVM; t: Strings }) {
  return (
    <li class={`live-entry${e.pinned ? ' live-entry--key' : ''}`} id={e.anchor} data-entry-id={String(e.id)}>
      <p class="live-entry__meta">
        <a class="live-entry__time" href={e.shareUrl} title={t.entryLink}>
          <Time date={e.at} />
        </a>
        {e.author && <span class="live-entry__author"> · {e.author}</span>}
        {e.pinned && <span class="live-entry__key"> · {t.keyEvent}</span>}
      </p>
      {e.headline && (
        <h3 class="live-entry__headline" dir="auto">
          {e.headline}
        </h3>
      )}
      <div class="live-entry__body article__body" dangerouslySetInnerHTML={{ __html: e.bodyHtml }} />
    </li>
  );
}

/** "People in this story": after the text and its notes, before the tags. */
function PeopleInStory({ vm }: { vm: ArticleVM }) {
  if (vm.people.length === 0) return null;
  return (
    <section class="story-people" aria-labelledby="story-people-heading">
      <h2 class="story-people__heading" id="story-people-heading">
        {vm.layout.t.peopleInStory}
      </h2>
      <PersonList people={vm.people} />
    </section>
  );
}

function Translations({ vm }: { vm: ArticleVM }) {
  if (vm.translations.length === 0) return null;
  return (
    <ul class="translations">
      {vm.translations.map((tr) => (
        <li>
          <a href={tr.url} hreflang={tr.lang}>
            {vm.layout.t.readIn}{' '}
            <span lang={tr.lang} dir={directionOf(tr.lang)}>
              {tr.name}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** What the comments section shows: its own strings, the thread, its pages and the form. */
interface CommentsBodyProps {
  comments: ArticleVM['comments'];
  t: Strings;
  lang: string;
}

/** The heading, count, a page of the thread and its navigation. */
function CommentsThreadPart({ comments, t, lang }: CommentsBodyProps) {
  return (
    <>
      <h2 class="section-heading" id="comments-heading">
        {t.commentsHeading}
      </h2>
      {comments.count > 0 ? (
        <div class="comments-section__bar">
          <p class="meta comments-section__count">{t.format('comments', { n: comments.count })}</p>
          {comments.count > 1 && <CommentOrderLinks pages={comments.pages} strings={comments.strings} />}
        </div>
      ) : (
        comments.open && <p class="meta comments-section__none">{comments.strings.noComments}</p>
      )}
      <div class="comments" data-slot="comments">
        <CommentThread thread={comments.thread} strings={comments.strings} />
      </div>
      <CommentPages pages={comments.pages} strings={comments.strings} />
    </>
  );
}

/** The form (with its script) or "comments are closed". */
function CommentsFormPart({ comments, t }: CommentsBodyProps) {
  return comments.open ? (
    comments.form && (
      <>
        <CommentForm form={comments.form} strings={comments.strings} />
        {/* Inline reply and a kept draft; the form works the same without it. */}
        <script src={comments.form.script} defer></script>
      </>
    )
  ) : (
    <p class="comments-section__closed">{t.commentsClosed}</p>
  );
}

function CommentsBody(props: CommentsBodyProps) {
  return (
    <>
      <CommentsThreadPart {...props} />
      <CommentsFormPart {...props} />
    </>
  );
}

/**
 * Where an article fragment's comments go: a comment, so it can never occur in rendered text
 * (preact escapes text and attribute values; bodies are sanitised HTML without comments).
 */
const COMMENTS_SLOT = '<!--broadsheet:comments-->';

function Comments({ vm, slot }: { vm: ArticleVM; slot: boolean }) {
  const { t, lang } = vm.layout;
  return slot ? (
    <section class="wrap wrap--text comments-section" id="comments" aria-labelledby="comments-heading" dangerouslySetInnerHTML={{ __html: COMMENTS_SLOT }} />
  ) : (
    <section class="wrap wrap--text comments-section" id="comments" aria-labelledby="comments-heading">
      <CommentsBody comments={vm.comments} t={t} lang={lang} />
    </section>
  );
}

function ArticlePage({ vm, slot }: { vm: ArticleVM; slot: boolean }) {
  const { t, lang } = vm.layout;
  return (
    <>
      <article class={`article${vm.isPage ? ' article--page' : ''}`}>
        <div class="wrap wrap--head">
          <Breadcrumb items={vm.breadcrumb} t={t} />
          <ArticleHeader vm={vm} />
        </div>
        {vm.featured && (
          <div class="wrap wrap--wide">
            <Featured figure={vm.featured} />
          </div>
        )}
        <div class="wrap wrap--text">
          <div class="article__body" dangerouslySetInnerHTML={{ __html: vm.bodyHtml }} />
          {vm.live && <LiveBlog vm={vm.live} t={t} liveJs={vm.layout.assets.liveJs} />}
          {!vm.isPage && <Corrections notes={vm.corrections ?? []} lang={lang} />}
          {!vm.isPage && <PeopleInStory vm={vm} />}
          {!vm.isPage && <Tags vm={vm} />}
          {!vm.isPage && <Translations vm={vm} />}
        </div>
      </article>
      {!vm.isPage && vm.related.length > 0 && (
        <section class="wrap related" aria-labelledby="related-heading">
          <h2 class="section-heading" id="related-heading">
            {t.youMayAlsoLike}
          </h2>
          <CardGrid cards={vm.related.slice(0, 6)} t={t} lang={lang} level={3} sizes={SIZES.related} />
        </section>
      )}
      {vm.showComments && <Comments vm={vm} slot={slot} />}
    </>
  );
}

/** An article or static page. */
export function renderArticle(vm: ArticleVM): string {
  return renderDocument({
    layout: vm.layout,
    class: vm.isPage ? 'page--static' : 'page--article',
    children: <ArticlePage vm={vm} slot={false} />,
  });
}

/**
 * An article or static page around its comments: the document before and after the comments
 * section's contents (a static page, which has none, is all `before`). See renderComments.
 */
export function renderArticleAround(vm: ArticleVM): { before: string; after: string } {
  const html = renderDocument({
    layout: vm.layout,
    class: vm.isPage ? 'page--static' : 'page--article',
    children: <ArticlePage vm={vm} slot />,
  });
  const at = html.lastIndexOf(COMMENTS_SLOT);
  if (at < 0) return { before: html, after: '' };
  return { before: html.slice(0, at), after: html.slice(at + COMMENTS_SLOT.length) };
}

/** The comments section's contents, for the slot renderArticleAround leaves: its thread part, then its form part. */
export const renderCommentsThread = (props: CommentsBodyProps): string => renderToString(<CommentsThreadPart {...props} />);
export const renderCommentsForm = (props: CommentsBodyProps): string => renderToString(<CommentsFormPart {...props} />);

/** Entries as the live endpoint sends them, each the HTML of its list item (newest first). */
export function renderLiveEntries(entries: LiveEntryVM[], t: Strings): { id: number; html: string }[] {
  return entries.map((e) => ({ id: e.id, html: renderToString(<LiveEntry entry={e} t={t} />) }));
}

/** The polite live region live.js fills: "3 new updates", one template per plural form (`data-message-one`…). */
function LiveAnnouncer({ t }: { t: Strings }) {
  const { lang, forms } = t.pluralForms('newEntries', 'n');
  const attributes = Object.fromEntries(Object.entries(forms).map(([form, text]) => [`data-message-${form}`, text]));
  return <p class="visually-hidden" aria-live="polite" data-live-announce="" data-plural-lang={lang} {...attributes} />;
}
