/**
 * @module web/site/views/comments
 * The thread under an article (nested replies, stable #comment-ID anchors, dir="auto" bodies), the
 * comment pages' navigation and the comment form, which works without JavaScript: POST, then 303
 * back to the comment's anchor on the page that holds it. /assets/comments.js (deferred) adds the
 * inline reply and the kept draft; it reads its labels from the form's data attributes.
 */
import type { CommentStrings } from '../comment-strings.js';
import type { CommentFormVM, CommentPagesVM, CommentVM } from '../view-models.js';
import { Time } from './components.js';

function Comment({ c, s }: { c: CommentVM; s: CommentStrings }) {
  return (
    <li class={`comment${c.held ? ' comment--held' : ''}${c.staff ? ' comment--staff' : ''}`} id={c.anchor}>
      <article class="comment__inner" aria-labelledby={`${c.anchor}-by`}>
        <header class="comment__meta meta">
          <h3 class="comment__author" id={`${c.anchor}-by`} dir="auto">
            {c.authorName}
          </h3>{' '}
          {c.staff && (
            <>
              <span class="comment__staff">{c.staff === 'author' ? s.author : s.staff}</span>{' '}
            </>
          )}
          <a class="comment__link" href={`#${c.anchor}`}>
            <Time date={c.date} />
          </a>
          {c.held && <strong class="comment__held"> {s.held}</strong>}
        </header>
        <div class="comment__body" dir="auto" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        {c.replyUrl && (
          <p class="comment__actions">
            <a class="comment__reply" href={c.replyUrl} rel="nofollow" data-reply-to={String(c.id)} data-reply-name={c.authorName}>
              {s.reply}
              <span class="sr-only">{s.format('replyToSr', { name: c.authorName })}</span>
            </a>
          </p>
        )}
      </article>
      {c.replies.length > 0 && (
        <ol class="comment__replies">
          {c.replies.map((r) => (
            <Comment c={r} s={s} />
          ))}
        </ol>
      )}
    </li>
  );
}

export function CommentThread({ thread, strings }: { thread: CommentVM[]; strings: CommentStrings }) {
  if (thread.length === 0) return null;
  return (
    <ol class="comment-list">
      {thread.map((c) => (
        <Comment c={c} s={strings} />
      ))}
    </ol>
  );
}

/**
 * "Older comments" / "Newer comments" (only when there is more than one comment page): rel=prev
 * is the page before in the reader's order, which holds older threads oldest first and newer ones
 * newest first.
 */
export function CommentPages({ pages, strings }: { pages: CommentPagesVM; strings: CommentStrings }) {
  if (pages.totalPages <= 1) return null;
  const newest = pages.order === 'newest';
  return (
    <nav class="pagination comment-pages" aria-label={strings.commentPages}>
      {pages.prevUrl !== undefined ? (
        <a class="pagination__link pagination__link--prev" href={pages.prevUrl} rel="prev">
          {newest ? strings.newerComments : strings.olderComments}
        </a>
      ) : (
        <span class="pagination__spacer" />
      )}
      <p class="pagination__status">{strings.format('commentPageOf', { n: pages.page, total: pages.totalPages })}</p>
      {pages.nextUrl !== undefined ? (
        <a class="pagination__link pagination__link--next" href={pages.nextUrl} rel="next">
          {newest ? strings.olderComments : strings.newerComments}
        </a>
      ) : (
        <span class="pagination__spacer" />
      )}
    </nav>
  );
}

/** Oldest first / newest first: two links (no JavaScript), the current order marked. */
export function CommentOrderLinks({ pages, strings }: { pages: CommentPagesVM; strings: CommentStrings }) {
  const link = (order: CommentPagesVM['order'], label: string) => (
    <a class="comment-order__link" href={pages.orderUrls[order]} aria-current={pages.order === order ? 'true' : undefined} rel="nofollow">
      {label}
    </a>
  );
  return (
    <nav class="comment-order" aria-label={strings.sortComments}>
      {link('oldest', strings.oldestFirst)}
      {link('newest', strings.newestFirst)}
    </nav>
  );
}

export function CommentForm({ form, strings: s }: { form: CommentFormVM; strings: CommentStrings }) {
  return (
    <form
      class="comment-form"
      id="respond"
      method="post"
      action={form.action}
      data-cancel-label={s.cancelReply}
      data-reply-label={s.replyTo}
      data-heading={s.yourComment}
    >
      <h3 class="comment-form__heading" id="respond-heading">
        {form.replyingTo ? (
          <>
            {s.replyTo.split('{name}')[0]}
            <span dir="auto">{form.replyingTo.name}</span>
            {s.replyTo.split('{name}')[1]} <a href={form.replyingTo.cancelUrl}>({s.cancelReply})</a>
          </>
        ) : (
          s.yourComment
        )}
      </h3>
      <input type="hidden" name="post_id" value={String(form.postId)} />
      <input type="hidden" name="parent_id" value={form.parentId !== undefined ? String(form.parentId) : ''} />
      <input type="hidden" name="token" value={form.token} />
      <p class="comment-form__field">
        <label for="comment-name">{s.name}</label>
        <input id="comment-name" name="name" type="text" required maxLength={100} autocomplete="name" dir="auto" />
      </p>
      <p class="comment-form__field">
        <label for="comment-email">
          {s.email}
          {form.requireEmail ? '' : ` ${s.optional}`} <span class="meta">{s.neverShown}</span>
        </label>
        <input id="comment-email" name="email" type="email" maxLength={320} autocomplete="email" required={form.requireEmail} />
      </p>
      <p class="comment-form__field">
        <label for="comment-body">{s.comment}</label>
        <textarea id="comment-body" name="body" rows={6} required maxLength={form.maxLength} dir="auto" aria-describedby="comment-help"></textarea>
        <span class="meta" id="comment-help">
          {s.help}
        </span>
      </p>
      {/* Honeypot: hidden from people (and from assistive technology); bots fill it in. */}
      <p class="comment-form__hp" aria-hidden="true">
        <label for="comment-website">{s.leaveEmpty}</label>
        <input id="comment-website" name="website" type="text" tabIndex={-1} autocomplete="off" />
      </p>
      <p class="comment-form__field comment-form__check">
        <input id="comment-notify" name="notify" type="checkbox" value="1" />
        <label for="comment-notify">{s.notify}</label>
      </p>
      <p>
        <button type="submit" class="button">
          {s.submit}
        </button>
      </p>
    </form>
  );
}
