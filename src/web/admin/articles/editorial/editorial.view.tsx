/**
 * @module web/admin/articles/editorial/editorial.view
 * The newsroom panels under the article form (corrections, preview links, translations, the
 * autosave offer) and their own pages: a note's form, a new preview link, translation linking,
 * and the two-column comparison of revisions. No inline styles; admin.css does the layout.
 */
import type { ComponentChildren } from 'preact';
import type { CompareVM, CorrectionFormVM, EditorialVM, PreviewCreatedVM, TranslationsVM } from '../articles.view-models.js';
import { CsrfField, ErrorSummary, Time } from '../../shell/components.js';
import { renderAdminDocument } from '../../shell/layout.js';
import { LivePanel } from './live.view.js';

/** "There is an autosave from 14:05 UTC: Restore / Dismiss", above the form. */
export function AutosaveNotice({ vm, csrf }: { vm: EditorialVM; csrf: string }) {
  if (vm.restoring) {
    return (
      <div class="notice notice--info" role="status">
        <p>
          The form shows your autosave from <Time date={vm.restoring.at} />. It is not saved yet: save to keep it, or{' '}
          <a href={`/admin/articles/${vm.id}`}>go back to the saved version</a>.
        </p>
      </div>
    );
  }
  if (!vm.autosave) return null;
  return (
    <div class="notice notice--info autosave-offer" role="region" aria-labelledby="autosave-offer-title">
      <p id="autosave-offer-title">There is an autosave from {vm.autosave.time}, newer than the saved version.</p>
      <div class="autosave-offer__actions">
        <a class="button button--small" href={vm.autosave.restoreUrl}>
          Restore the autosave
        </a>{' '}
        <form class="inline-form" method="post" action={vm.autosave.dismissUrl}>
          <CsrfField token={csrf} />
          <button class="button button--small button--secondary" type="submit">
            Dismiss it
          </button>
        </form>
      </div>
    </div>
  );
}

/** Where the editor script reports autosaves ("Saved at 14:05" or the error). */
/** The autosave line (web/admin/editor/autosave): saved to the server once the article exists, kept in the browser before. */
export function AutosaveStatus({ url, draftUrl }: { url?: string | undefined; draftUrl?: string | undefined }) {
  return (
    <p
      class="autosave-status muted"
      id="autosave-status"
      role="status"
      aria-live="polite"
      data-autosave-status=""
      data-autosave-url={url}
      data-draft-url={draftUrl}
    />
  );
}

function Panel({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="panel editorial-panel" id={id} aria-labelledby={`${id}-title`}>
      <h2 class="panel__title" id={`${id}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function CorrectionFields({ kind, body, errors, maxLength }: { kind: string; body: string; errors: Record<string, string>; maxLength: number }) {
  return (
    <>
      <fieldset class={`field${errors.kind !== undefined ? ' field--error' : ''}`} id="correction-kind">
        <legend class="field__label">Kind of note</legend>
        {errors.kind !== undefined && (
          <p class="field__error">
            <span class="visually-hidden">Error: </span>
            {errors.kind}
          </p>
        )}
        <label>
          <input type="radio" name="kind" value="correction" checked={kind !== 'update'} /> Correction: we got something wrong
        </label>
        <br />
        <label>
          <input type="radio" name="kind" value="update" checked={kind === 'update'} /> Update: the story moved on
        </label>
      </fieldset>
      <div class={`field${errors.body !== undefined ? ' field--error' : ''}`}>
        <label class="field__label" for="correction-body">
          Text of the note
        </label>
        <p class="field__hint" id="correction-body-hint">
          Plain text, shown at the end of the article and on the corrections page with today’s date. At most {maxLength.toLocaleString('en')} characters.
        </p>
        {errors.body !== undefined && (
          <p class="field__error" id="correction-body-error">
            <span class="visually-hidden">Error: </span>
            {errors.body}
          </p>
        )}
        <textarea
          class="field__input field__textarea"
          id="correction-body"
          name="body"
          rows={3}
          maxLength={maxLength}
          aria-invalid={errors.body !== undefined ? 'true' : undefined}
          aria-describedby={errors.body !== undefined ? 'correction-body-hint correction-body-error' : 'correction-body-hint'}
        >
          {body}
        </textarea>
      </div>
    </>
  );
}

export function EditorialPanels({ vm, csrf }: { vm: EditorialVM; csrf: string }) {
  const c = vm.corrections;
  const p = vm.preview;
  return (
    <>
      {vm.live && <LivePanel vm={vm.live} csrf={csrf} />}
      {c && (
        <Panel id="corrections" title="Corrections and updates">
          {c.notes.length === 0 ? (
            <p>No notes on this article.</p>
          ) : (
            <ul class="notes">
              {c.notes.map((n) => (
                <li class="notes__item">
                  <p>
                    <strong>
                      {n.kindLabel}, <Time date={n.at} />:
                    </strong>{' '}
                    {n.text}
                  </p>
                  {c.canAdd && (
                    <div class="notes__actions">
                      <a href={n.editUrl}>
                        Edit
                        <span class="visually-hidden">
                          {' '}
                          the {n.kindLabel.toLowerCase()} of <Time date={n.at} />
                        </span>
                      </a>{' '}
                      <form class="inline-form" method="post" action={n.deleteUrl}>
                        <CsrfField token={csrf} />
                        <button class="button button--small button--danger" type="submit">
                          Delete
                          <span class="visually-hidden">
                            {' '}
                            the {n.kindLabel.toLowerCase()} of <Time date={n.at} />
                          </span>
                        </button>
                      </form>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          {c.canAdd ? (
            <form class="form" method="post" action={c.addUrl}>
              <CsrfField token={csrf} />
              <CorrectionFields kind="correction" body="" errors={{}} maxLength={2000} />
              <button class="button" type="submit">
                Publish the note
              </button>
            </form>
          ) : (
            <p class="muted">Your role does not allow you to add notes to this article.</p>
          )}
        </Panel>
      )}
      {p && (
        <Panel id="preview-links" title="Private preview links">
          <p>Anyone with a link can read this unpublished article until the link expires or you revoke it. Search engines are told not to index it.</p>
          {p.links.length > 0 && (
            <div class="table-wrap">
              <table class="table">
                <caption class="visually-hidden">Preview links, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Created</th>
                    <th scope="col">Expires</th>
                    <th scope="col">State</th>
                    <th scope="col">Revoke</th>
                  </tr>
                </thead>
                <tbody>
                  {p.links.map((l) => (
                    <tr>
                      <td>
                        <Time date={l.created} />
                      </td>
                      <td>
                        <Time date={l.expires} />
                      </td>
                      <td>{l.stateLabel}</td>
                      <td>
                        {l.revokeUrl ? (
                          <form class="inline-form" method="post" action={l.revokeUrl}>
                            <CsrfField token={csrf} />
                            <button class="button button--small button--secondary" type="submit">
                              Revoke
                              <span class="visually-hidden">
                                {' '}
                                the link created <Time date={l.created} />
                              </span>
                            </button>
                          </form>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <form class="form form--inline" method="post" action={p.createUrl}>
            <CsrfField token={csrf} />
            <div class="field field--inline">
              <label class="field__label" for="preview-days">
                Link works for
              </label>
              <select class="field__select" id="preview-days" name="days">
                {p.days.map((d) => (
                  <option value={String(d)}>{d === 1 ? '1 day' : `${d} days`}</option>
                ))}
              </select>
            </div>
            <button class="button button--secondary" type="submit">
              Create a preview link
            </button>
          </form>
        </Panel>
      )}
      <Panel id="translations" title="Translations">
        {vm.translations.linked.length === 0 ? (
          <p>Not linked to versions in other languages.</p>
        ) : (
          <ul class="notes">
            {vm.translations.linked.map((t) => (
              <li class="notes__item">
                <a href={t.editUrl}>{t.title}</a> ({t.language}){' '}
                <form class="inline-form" method="post" action={`${vm.translations.manageUrl}/unlink`}>
                  <CsrfField token={csrf} />
                  <input type="hidden" name="target" value={String(t.id)} />
                  <button class="button button--small button--secondary" type="submit">
                    Unlink<span class="visually-hidden"> {t.title}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form class="form form--inline" method="post" action={vm.translations.manageUrl}>
          <CsrfField token={csrf} />
          <div class="field field--inline">
            <label class="field__label" for="translation-id">
              Link the version with article ID
            </label>
            <input class="field__input" type="text" inputmode="numeric" id="translation-id" name="target" maxLength={12} />
          </div>
          <button class="button button--secondary" type="submit">
            Link
          </button>
        </form>
        <form class="form form--inline" method="get" action={vm.translations.manageUrl} role="search" aria-label="Find the translation by headline">
          <div class="field field--inline">
            <label class="field__label" for="translation-search">
              Or find it by headline
            </label>
            <input class="field__input" type="search" id="translation-search" name="q" maxLength={200} />
          </div>
          <button class="button button--secondary" type="submit">
            Search
          </button>
        </form>
      </Panel>
    </>
  );
}

function CorrectionForm({ vm }: { vm: CorrectionFormVM }) {
  return (
    <>
      <p>
        <a href={vm.editUrl}>Back to “{vm.articleTitle}”</a>
      </p>
      <ErrorSummary errors={vm.errors} fields={{ kind: 'correction-kind', body: 'correction-body' }} />
      <form class="form" method="post" action={vm.action} novalidate>
        <CsrfField token={vm.csrf} />
        <CorrectionFields kind={vm.values.kind} body={vm.values.body} errors={vm.errors} maxLength={vm.maxLength} />
        <button class="button" type="submit">
          Publish the note
        </button>
      </form>
    </>
  );
}

export const renderCorrectionForm = (vm: CorrectionFormVM): string => renderAdminDocument({ layout: vm.layout, children: <CorrectionForm vm={vm} /> });

function PreviewCreated({ vm }: { vm: PreviewCreatedVM }) {
  return (
    <>
      <p>
        Copy this link now: for safety it is not shown again. It works until <Time date={vm.expires} />.
      </p>
      <div class="field">
        <label class="field__label" for="preview-url">
          Preview link
        </label>
        <input class="field__input preview-url" type="text" id="preview-url" value={vm.url} readonly />
      </div>
      <p>
        <a href={vm.editUrl}>Back to the article</a>
      </p>
    </>
  );
}

export const renderPreviewCreated = (vm: PreviewCreatedVM): string => renderAdminDocument({ layout: vm.layout, children: <PreviewCreated vm={vm} /> });

function Translations({ vm }: { vm: TranslationsVM }) {
  return (
    <>
      <p>
        <a href={vm.editUrl}>Back to “{vm.title}”</a> ({vm.language})
      </p>
      <ErrorSummary errors={vm.errors} fields={{ target: 'translation-target' }} />
      <section aria-labelledby="linked-title">
        <h2 id="linked-title">Linked versions</h2>
        {vm.linked.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul class="notes">
            {vm.linked.map((t) => (
              <li class="notes__item">
                <a href={t.editUrl}>{t.title}</a> ({t.language}, ID {t.id}){' '}
                <form class="inline-form" method="post" action={t.unlinkUrl}>
                  <CsrfField token={vm.csrf} />
                  <input type="hidden" name="target" value={String(t.id)} />
                  <button class="button button--small button--secondary" type="submit">
                    Unlink<span class="visually-hidden"> {t.title}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="link-title">
        <h2 id="link-title">Link another version</h2>
        <form class="form form--inline" method="get" action={vm.searchUrl} role="search" aria-label="Find articles to link">
          <div class="field field--inline">
            <label class="field__label" for="translation-q">
              Headline words or ID
            </label>
            <input class="field__input" type="search" id="translation-q" name="q" value={vm.q} maxLength={200} />
          </div>
          <button class="button button--secondary" type="submit">
            Search
          </button>
        </form>
        {vm.q &&
          (vm.results.length === 0 ? (
            <p>No articles match.</p>
          ) : (
            <ul class="notes">
              {vm.results.map((r) => (
                <li class="notes__item">
                  {r.title} ({r.language}, ID {r.id}, {r.status}){' '}
                  <form class="inline-form" method="post" action={vm.linkUrl}>
                    <CsrfField token={vm.csrf} />
                    <input type="hidden" name="target" value={String(r.id)} />
                    <button class="button button--small" type="submit">
                      Link<span class="visually-hidden"> {r.title}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          ))}
        <form class="form form--inline" method="post" action={vm.linkUrl}>
          <CsrfField token={vm.csrf} />
          <div class={`field field--inline${vm.errors.target !== undefined ? ' field--error' : ''}`}>
            <label class="field__label" for="translation-target">
              Article ID
            </label>
            {vm.errors.target !== undefined && (
              <p class="field__error" id="translation-target-error">
                <span class="visually-hidden">Error: </span>
                {vm.errors.target}
              </p>
            )}
            <input
              class="field__input"
              type="text"
              inputmode="numeric"
              id="translation-target"
              name="target"
              value={vm.target}
              maxLength={12}
              aria-invalid={vm.errors.target !== undefined ? 'true' : undefined}
              aria-describedby={vm.errors.target !== undefined ? 'translation-target-error' : undefined}
            />
          </div>
          <button class="button" type="submit">
            Link
          </button>
        </form>
      </section>
    </>
  );
}

export const renderTranslations = (vm: TranslationsVM): string => renderAdminDocument({ layout: vm.layout, children: <Translations vm={vm} /> });

function Pieces({ parts }: { parts: CompareVM['fields'][number]['old'] }) {
  return (
    <>
      {parts.map((p) =>
        p.change === 'ins' ? (
          <ins>
            <span class="visually-hidden">[added: </span>
            {p.text}
            <span class="visually-hidden">]</span>
          </ins>
        ) : p.change === 'del' ? (
          <del>
            <span class="visually-hidden">[removed: </span>
            {p.text}
            <span class="visually-hidden">]</span>
          </del>
        ) : (
          p.text
        ),
      )}
    </>
  );
}

function Compare({ vm }: { vm: CompareVM }) {
  return (
    <>
      <p>
        <a href={vm.revisionsUrl}>Back to the revisions</a>
        {vm.switchUrl && (
          <>
            {' '}
            · <a href={vm.switchUrl}>{vm.switchLabel}</a>
          </>
        )}
      </p>
      <p class="muted">Removed words are struck through in the left column, added words underlined in the right.</p>
      {vm.fields.map((f) => (
        <section class="diff" aria-label={f.label}>
          <h2 class="diff__title">
            {f.label}
            {!f.changed && <span class="muted"> (unchanged)</span>}
          </h2>
          <div class="diff__columns">
            <div class="diff__col diff__col--old">
              <h3 class="diff__side">{vm.oldLabel}</h3>
              <div class="diff__text">
                <Pieces parts={f.old} />
              </div>
            </div>
            <div class="diff__col diff__col--new">
              <h3 class="diff__side">{vm.newLabel}</h3>
              <div class="diff__text">
                <Pieces parts={f.new} />
              </div>
            </div>
          </div>
        </section>
      ))}
    </>
  );
}

export const renderCompare = (vm: CompareVM): string => renderAdminDocument({ layout: vm.layout, children: <Compare vm={vm} /> });
