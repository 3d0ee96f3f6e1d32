/**
 * @module web/site/views/comments
 * The thread under an article (nested replies, stable #comment-ID anchors, dir="auto" bodies) and
 * the comment form, which works without JavaScript: POST, then 303 back to the comment's anchor.
 */
import type { CommentFormVM, CommentVM } from '../view-models.js';
import { Time } from './components.js';

function Comment({ c }: { c: CommentVM }) {
  return (
    <li class={`comment${c.held ? ' comment--held' : ''}`} id={c.anchor}>
      <article class="comment__inner" aria-labelledby={`${c.anchor}-by`}>
        <p class="comment__meta meta">
          <span class="comment__author" id={`${c.anchor}-by`} dir="auto">{c.authorName}</span>{' '}
          <a class="comment__link" href={`#${c.anchor}`}><Time date={c.date} /></a>
          {c.held && <strong class="comment__held" lang="en"> Your comment is awaiting moderation.</strong>}
        </p>
        <div class="comment__body" dir="auto" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        {c.replyUrl && <p class="comment__actions"><a href={c.replyUrl} rel="nofollow" lang="en">Reply<span class="sr-only"> to {c.authorName}</span></a></p>}
      </article>
      {c.replies.length > 0 && <ol class="comment__replies">{c.replies.map((r) => <Comment c={r} />)}</ol>}
    </li>
  );
}

export function CommentThread({ thread }: { thread: CommentVM[] }) {
  if (thread.length === 0) return null;
  return <ol class="comment-list">{thread.map((c) => <Comment c={c} />)}</ol>;
}

export function CommentForm({ form }: { form: CommentFormVM }) {
  // The form's labels are English until i18n carries them: marked so, on pages in any language.
  return (
    <form class="comment-form" id="respond" method="post" action={form.action} lang="en">
      <h3 class="comment-form__heading">
        {form.replyingTo ? <>Reply to <span dir="auto">{form.replyingTo.name}</span> <a href={form.replyingTo.cancelUrl}>(cancel reply)</a></> : 'Your comment'}
      </h3>
      <input type="hidden" name="post_id" value={String(form.postId)} />
      {form.parentId !== undefined && <input type="hidden" name="parent_id" value={String(form.parentId)} />}
      <input type="hidden" name="token" value={form.token} />
      <p class="comment-form__field">
        <label for="comment-name">Name</label>
        <input id="comment-name" name="name" type="text" required maxLength={100} autocomplete="name" dir="auto" />
      </p>
      <p class="comment-form__field">
        <label for="comment-email">Email{form.requireEmail ? '' : ' (optional)'} <span class="meta">never shown</span></label>
        <input id="comment-email" name="email" type="email" maxLength={320} autocomplete="email" required={form.requireEmail} />
      </p>
      <p class="comment-form__field">
        <label for="comment-body">Comment</label>
        <textarea id="comment-body" name="body" rows={6} required maxLength={form.maxLength} dir="auto" aria-describedby="comment-help"></textarea>
        <span class="meta" id="comment-help">*emphasis*, [links](https://example.com), &gt; quotes and `code` work; HTML does not.</span>
      </p>
      {/* Honeypot: hidden from people (and from assistive technology); bots fill it in. */}
      <p class="comment-form__hp" aria-hidden="true">
        <label for="comment-website">Leave this empty</label>
        <input id="comment-website" name="website" type="text" tabIndex={-1} autocomplete="off" />
      </p>
      <p class="comment-form__field comment-form__check">
        <input id="comment-notify" name="notify" type="checkbox" value="1" />
        <label for="comment-notify">Email me when someone replies</label>
      </p>
      <p><button type="submit" class="button">Post comment</button></p>
    </form>
  );
}
