/**
 * @module web/admin/articles/editorial/live.view
 * The live coverage panel under an article's form (start, end, the new entry's form, the entries
 * with edit, pin and delete) and the page that edits one entry. The entry's text takes the same
 * editor as the article (the textarea without JavaScript). No inline styles; admin.css lays it out.
 */
import type { LiveEntryFieldsVM, LiveEntryFormVM, LiveVM } from '../articles.view-models.js';
import { CsrfField, ErrorSummary, TextAreaField, TextField, Time } from '../../shell/components.js';
import { renderAdminDocument } from '../../shell/layout.js';

const ENTRY_FIELDS = { headline: 'entry-headline', body: 'entry-body', pinned: 'entry-pinned' };

function LiveEntryFields({ vm, csrf }: { vm: LiveEntryFieldsVM; csrf: string }) {
  const v = vm.values;
  return (
    <form class="form live-entry-form" method="post" action={vm.action} novalidate>
      <CsrfField token={csrf} />
      <ErrorSummary errors={vm.errors} fields={ENTRY_FIELDS} />
      <TextField
        id="entry-headline"
        name="headline"
        label="Headline (optional)"
        required={false}
        value={v.headline}
        error={vm.errors.headline}
        maxLength={300}
        dir="auto"
        hint="A few words readers scan the page by; key events are listed by it."
      />
      <input type="hidden" name="body_format" value="text" data-editor-format="" />
      <input type="hidden" name="body_json" value={v.body_json} data-editor-json="" />
      <div class="editor" data-editor="" data-media-url="/media/" data-media-upload={vm.canUpload ? '1' : undefined}>
        <TextAreaField
          id="entry-body"
          name="body_text"
          label="Entry"
          value={v.body_text}
          error={vm.errors.body}
          rows={6}
          dir="auto"
          hint="Written like the article: paragraphs, > quotations, [figure …] and [social-post …] lines."
        />
      </div>
      <div class={`field${vm.errors.pinned !== undefined ? ' field--error' : ''}`}>
        {vm.errors.pinned !== undefined && (
          <p class="field__error" id="entry-pinned-error">
            <span class="visually-hidden">Error: </span>
            {vm.errors.pinned}
          </p>
        )}
        <label>
          <input type="checkbox" id="entry-pinned" name="pinned" value="1" checked={v.pinned} /> Key event: list it at the top of the live page
        </label>
      </div>
      <button class="button" type="submit">
        {vm.submit}
      </button>
    </form>
  );
}

export function LivePanel({ vm, csrf }: { vm: LiveVM; csrf: string }) {
  return (
    <section class="panel editorial-panel" id="live" aria-labelledby="live-title">
      <h2 class="panel__title" id="live-title">
        Live coverage
      </h2>
      {vm.state === 'off' && <p>Run this article as a live page: timestamped entries, newest first, with key events at the top. The article stays as it is.</p>}
      {vm.state === 'live' && <p class="live-state live-state--on">This article is live. Readers with the page open see each entry as it is published.</p>}
      {vm.state === 'ended' && <p class="live-state">The live coverage has ended; the article keeps every entry.</p>}
      {vm.canRun && (
        <form class="inline-form" method="post" action={vm.state === 'live' ? vm.endUrl : vm.startUrl}>
          <CsrfField token={csrf} />
          <button class={`button button--small${vm.state === 'live' ? ' button--secondary' : ''}`} type="submit">
            {vm.state === 'live' ? 'End the live coverage' : vm.state === 'ended' ? 'Resume the live coverage' : 'Start live coverage'}
          </button>
        </form>
      )}
      {vm.form && vm.canRun && (
        <section class="live-new" aria-labelledby="live-new-title">
          <h3 id="live-new-title">New entry</h3>
          <LiveEntryFields vm={vm.form} csrf={csrf} />
        </section>
      )}
      {vm.total > 0 && (
        <section aria-labelledby="live-entries-title">
          <h3 id="live-entries-title">
            {vm.total} {vm.total === 1 ? 'entry' : 'entries'}
          </h3>
          <ol class="live-entries" reversed>
            {vm.entries.map((e) => (
              <li class="live-entries__item" id={`entry-${e.id}`}>
                <p>
                  <Time date={e.at} /> · {e.author}
                  {e.pinned && <strong class="live-entries__key"> · Key event</strong>}
                </p>
                <p class="live-entries__headline" dir="auto">
                  {e.headline || <span class="muted">(no headline)</span>}
                </p>
                {vm.canRun && (
                  <div class="notes__actions">
                    <a href={e.editUrl}>
                      Edit<span class="visually-hidden"> the entry of {e.at.label}</span>
                    </a>{' '}
                    <form class="inline-form" method="post" action={e.pinUrl}>
                      <CsrfField token={csrf} />
                      <button class="button button--small button--secondary" type="submit">
                        {e.pinned ? 'Unpin' : 'Pin as a key event'}
                        <span class="visually-hidden"> (the entry of {e.at.label})</span>
                      </button>
                    </form>{' '}
                    <form class="inline-form" method="post" action={e.deleteUrl}>
                      <CsrfField token={csrf} />
                      <button class="button button--small button--danger" type="submit">
                        Delete<span class="visually-hidden"> the entry of {e.at.label}</span>
                      </button>
                    </form>
                    {e.publicUrl && (
                      <>
                        {' '}
                        <a href={e.publicUrl}>On the site</a>
                      </>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ol>
          {(vm.newerUrl || vm.olderUrl) && (
            <p class="pagination">
              {vm.newerUrl && <a href={vm.newerUrl}>Newer entries</a>} {vm.olderUrl && <a href={vm.olderUrl}>Older entries</a>}
            </p>
          )}
        </section>
      )}
    </section>
  );
}

function LiveEntryPage({ vm }: { vm: LiveEntryFormVM }) {
  return (
    <>
      <p>
        <a href={vm.editUrl}>Back to “{vm.articleTitle}”</a>
      </p>
      <LiveEntryFields vm={vm.form} csrf={vm.csrf} />
      <script src={vm.editorScript} type="module" />
    </>
  );
}

export const renderLiveEntryForm = (vm: LiveEntryFormVM): string => renderAdminDocument({ layout: vm.layout, children: <LiveEntryPage vm={vm} /> });
