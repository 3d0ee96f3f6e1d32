/**
 * @module web/admin/comments/comments.view
 * /admin/comments: the moderation queue. Tabs per status with counts, filters (article, email,
 * IP hash), a table with per-comment actions and bulk actions over the ticked rows.
 */
import type { AdminLayoutVM } from '../shell/view-models.js';
import { CsrfField, Pagination, Time } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';

export interface ModerationRowVM {
  id: number;
  authorName: string;
  email: string;
  ipHash: string;
  bodyHtml: string;
  date: { iso: string; label: string };
  article: { title: string; url: string; filterUrl: string };
  spamScore: number;
  spamReasons: string;
  /** The public link (approved comments): lands on the comment page that holds it. */
  viewUrl?: string;
  /** Edit and reply. */
  detailUrl: string;
  /** Staff may answer it (approved or held): the queue's script offers an inline reply. */
  canReply: boolean;
}

export interface ModerationVM {
  layout: AdminLayoutVM;
  csrf: string;
  /** The owner may change the discussion policy (a link to the settings). */
  canConfigure: boolean;
  tabs: { label: string; status: string; count: number; url: string; current: boolean }[];
  status: string;
  filters: { post: string; email: string; author: string; ip: string };
  rows: ModerationRowVM[];
  /** The actions offered in this tab (not "approve" in the approved tab…). */
  actions: { value: string; label: string }[];
  /** Where the forms send the moderator back to (this page with its filters). */
  back: string;
  total: number;
  page: number;
  totalPages: number;
  prevUrl?: string;
  nextUrl?: string;
  /** Inline moderation and replies (the page works without it). */
  script: string;
}

function Moderation({ vm }: { vm: ModerationVM }) {
  return (
    <>
      <nav class="tabs" aria-label="Comment status">
        <ul class="tabs__list">
          {vm.tabs.map((t) => (
            <li>
              <a class="tabs__tab" href={t.url} aria-current={t.current ? 'page' : undefined} data-status={t.status}>
                {t.label} <span class="tabs__count">{t.count}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <a href="/admin/comments/rules">Block and allow lists</a>
        {vm.canConfigure && (
          <>
            {' '}
            · <a href="/admin/comments/settings">Comment settings</a>
          </>
        )}
      </p>
      <form method="get" action="/admin/comments" class="filters">
        <input type="hidden" name="status" value={vm.status} />
        <div class="field">
          <label class="field__label" for="filter-post">
            Article id
          </label>
          <input class="field__input field__input--short" id="filter-post" name="post" inputMode="numeric" value={vm.filters.post} size={6} />
        </div>
        <div class="field">
          <label class="field__label" for="filter-author">
            Name
          </label>
          <input class="field__input" id="filter-author" name="author" value={vm.filters.author} maxLength={200} />
        </div>
        <div class="field">
          <label class="field__label" for="filter-email">
            Email
          </label>
          <input class="field__input" id="filter-email" name="email" type="email" value={vm.filters.email} />
        </div>
        <div class="field">
          <label class="field__label" for="filter-ip">
            IP hash
          </label>
          <input class="field__input" id="filter-ip" name="ip" value={vm.filters.ip} size={20} />
        </div>
        <button class="button button--secondary" type="submit">
          Filter
        </button>
      </form>
      {vm.rows.length === 0 ? (
        <p>No comments here.</p>
      ) : (
        <form method="post" action="/admin/comments/moderate" id="moderate">
          <CsrfField token={vm.csrf} />
          <input type="hidden" name="back" value={vm.back} />
          <p>
            <label for="bulk-action">With the ticked comments: </label>
            <select class="field__select field__select--inline" id="bulk-action" name="action">
              {vm.actions.map((a) => (
                <option value={a.value}>{a.label}</option>
              ))}
            </select>{' '}
            <button class="button button--small" type="submit" name="bulk" value="1">
              Apply
            </button>
          </p>
          <div class="table-wrap">
            <table class="table">
              <caption>
                {vm.total} {vm.total === 1 ? 'comment' : 'comments'}, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">Select</span>
                  </th>
                  <th scope="col">Author</th>
                  <th scope="col">Comment</th>
                  <th scope="col">Article</th>
                  <th scope="col">Spam score</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {vm.rows.map((r) => (
                  <tr id={`c${r.id}`} data-reply={r.canReply ? '1' : undefined}>
                    <td>
                      <input type="checkbox" name="ids" value={String(r.id)} id={`pick-${r.id}`} aria-label={`Select comment ${r.id}`} />
                    </td>
                    <td>
                      <span dir="auto">{r.authorName}</span>
                      {r.email !== '' && (
                        <>
                          <br />
                          <a href={`/admin/comments?status=${vm.status}&email=${encodeURIComponent(r.email)}`}>{r.email}</a>
                        </>
                      )}
                      {r.ipHash !== '' && (
                        <>
                          <br />
                          <a href={`/admin/comments?status=${vm.status}&ip=${r.ipHash}`} title={r.ipHash}>
                            IP {r.ipHash.slice(0, 10)}…
                          </a>
                        </>
                      )}
                      <br />
                      <Time date={r.date} />
                    </td>
                    <td>
                      <div dir="auto" class="comment-body" dangerouslySetInnerHTML={{ __html: r.bodyHtml }} />
                    </td>
                    <td>
                      <a href={r.article.url}>{r.article.title}</a> (<a href={r.article.filterUrl}>only this</a>)
                      <br />
                      <a href={r.detailUrl}>
                        Edit or reply<span class="visually-hidden"> to comment {r.id}</span>
                      </a>
                      {r.viewUrl && (
                        <>
                          {' '}
                          ·{' '}
                          <a href={r.viewUrl}>
                            View<span class="visually-hidden"> comment {r.id}</span>
                          </a>
                        </>
                      )}
                    </td>
                    <td>
                      {r.spamScore}
                      {r.spamReasons !== '' && (
                        <>
                          <br />
                          <span class="meta">{r.spamReasons.replaceAll(',', ', ')}</span>
                        </>
                      )}
                    </td>
                    <td class="row-actions">
                      {vm.actions.map((a) => (
                        <button
                          class={`button button--small${a.value === 'approve' ? '' : a.value === 'spam' || a.value === 'trash' ? ' button--danger' : ' button--secondary'}`}
                          type="submit"
                          name="one"
                          value={`${a.value}:${r.id}`}
                        >
                          {a.label}
                          <span class="visually-hidden"> comment {r.id}</span>
                        </button>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </form>
      )}
      <Pagination page={vm.page} totalPages={vm.totalPages} prevUrl={vm.prevUrl} nextUrl={vm.nextUrl} label="Comment pages" />
      <script src={vm.script} type="module"></script>
    </>
  );
}

export interface CommentDetailVM {
  layout: AdminLayoutVM;
  csrf: string;
  id: number;
  name: string;
  /** The Markdown-lite source, for editing. */
  body: string;
  bodyHtml: string;
  status: string;
  staff: boolean;
  date: { iso: string; label: string };
  article: { title: string; url: string };
  viewUrl?: string;
  canReply: boolean;
  queueUrl: string;
}

function CommentDetail({ vm }: { vm: CommentDetailVM }) {
  return (
    <>
      <p>
        <a href={vm.queueUrl}>Back to the queue</a>
      </p>
      <section aria-labelledby="comment-heading">
        <h2 id="comment-heading">
          Comment {vm.id} ({vm.status}
          {vm.staff ? ', staff' : ''})
        </h2>
        <p>
          On <a href={vm.article.url}>{vm.article.title}</a>, <Time date={vm.date} />
          {vm.viewUrl && (
            <>
              {' '}
              · <a href={vm.viewUrl}>View on the site</a>
            </>
          )}
        </p>
        <blockquote dir="auto" class="comment-body" dangerouslySetInnerHTML={{ __html: vm.bodyHtml }} />
      </section>
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">Edit</h2>
        <form method="post" action={`/admin/comments/${vm.id}/edit`} class="stack">
          <CsrfField token={vm.csrf} />
          <p>
            <label for="edit-name">Name</label>
            <br />
            <input id="edit-name" name="name" value={vm.name} maxLength={100} required dir="auto" />
          </p>
          <p>
            <label for="edit-body">Text (Markdown-lite)</label>
            <br />
            <textarea id="edit-body" name="body" rows={8} cols={70} required dir="auto">
              {vm.body}
            </textarea>
          </p>
          <p>
            <button type="submit">Save changes</button>
          </p>
        </form>
      </section>
      {vm.canReply && (
        <section aria-labelledby="reply-heading">
          <h2 id="reply-heading">Reply as staff</h2>
          <p class="meta">Published at once under your name, marked as staff.{vm.status === 'pending' ? ' Replying approves this comment too.' : ''}</p>
          <form method="post" action={`/admin/comments/${vm.id}/reply`} class="stack">
            <CsrfField token={vm.csrf} />
            <p>
              <label for="reply-body">Reply</label>
              <br />
              <textarea id="reply-body" name="body" rows={6} cols={70} required dir="auto"></textarea>
            </p>
            <p>
              <button type="submit">Publish reply</button>
            </p>
          </form>
        </section>
      )}
    </>
  );
}

export const renderCommentDetail = (vm: CommentDetailVM): string => renderAdminDocument({ layout: vm.layout, children: <CommentDetail vm={vm} /> });

export const renderModeration = (vm: ModerationVM): string => renderAdminDocument({ layout: vm.layout, children: <Moderation vm={vm} /> });
