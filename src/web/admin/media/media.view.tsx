/**
 * @module web/admin/media/media.view
 * /admin/media: the upload form (a plain multipart form; /admin/assets/media.js adds drag and
 * drop), search, and the grid of thumbnails; /admin/media/:id: one image with its alt text,
 * caption and credit, where it is used, and delete.
 */
import type { MediaEditVM, MediaLibraryVM } from './media.view-models.js';
import { CsrfField, ErrorSummary, Pagination, TextField, Time } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';

const TEXT_FIELDS = { file: 'media-file', alt: 'media-alt', caption: 'media-caption', credit: 'media-credit', focal_x: 'media-focal-x' };

function Caption({ id, value, error, hint }: { id: string; value: string; error?: string | undefined; hint: string }) {
  const described = [`${id}-hint`, error !== undefined ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error !== undefined ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        Caption
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error !== undefined && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <textarea
        class="field__input field__textarea"
        id={id}
        name="caption"
        rows={3}
        maxLength={1000}
        aria-invalid={error !== undefined ? 'true' : undefined}
        aria-describedby={described}
      >
        {value}
      </textarea>
    </div>
  );
}

const ALT_HINT = 'What the image shows, for readers who cannot see it (up to 500 characters). Leave empty only for a purely decorative image.';

function Library({ vm }: { vm: MediaLibraryVM }) {
  const up = vm.upload;
  return (
    <>
      {up && (
        <section class="panel" aria-labelledby="upload-title">
          <h2 id="upload-title">Upload an image</h2>
          <ErrorSummary errors={up.errors} fields={TEXT_FIELDS} />
          <form class="form media-upload" method="post" action="/admin/media" enctype="multipart/form-data" data-media-drop="">
            <CsrfField token={vm.csrf} />
            <div class={`field media-drop${up.errors.file !== undefined ? ' field--error' : ''}`}>
              <label class="field__label" for="media-file">
                Image file
              </label>
              <p class="field__hint" id="media-file-hint">
                {up.limits}. The location and camera details are removed from the file.
              </p>
              {up.errors.file !== undefined && (
                <p class="field__error" id="media-file-error">
                  <span class="visually-hidden">Error: </span>
                  {up.errors.file}
                </p>
              )}
              <input
                class="field__input"
                type="file"
                id="media-file"
                name="file"
                accept={up.accept}
                required
                aria-describedby={up.errors.file !== undefined ? 'media-file-hint media-file-error' : 'media-file-hint'}
              />
            </div>
            <TextField
              id="media-alt"
              name="alt"
              label="Alt text"
              required={false}
              value={up.values.alt ?? ''}
              error={up.errors.alt}
              maxLength={500}
              hint={ALT_HINT}
            />
            <Caption id="media-caption" value={up.values.caption ?? ''} error={up.errors.caption} hint="Shown under the image (up to 1,000 characters)." />
            <TextField
              id="media-credit"
              name="credit"
              label="Credit"
              required={false}
              value={up.values.credit ?? ''}
              error={up.errors.credit}
              maxLength={200}
              hint="Photographer or agency, e.g. “Lena Park/Reuters”."
            />
            <div class="form__actions">
              <button class="button" type="submit">
                Upload
              </button>
            </div>
          </form>
        </section>
      )}
      <form class="filters" method="get" action="/admin/media" role="search" aria-label="Search images">
        <div class="field field--inline">
          <label class="field__label" for="media-q">
            Search file name, alt text, caption or credit
          </label>
          <input class="field__input" type="search" id="media-q" name="q" value={vm.q} maxLength={200} />
        </div>
        <button class="button button--secondary" type="submit">
          Search
        </button>
      </form>
      {vm.items.length === 0 ? (
        <p>{vm.q ? 'No images match.' : 'No images yet.'}</p>
      ) : (
        <>
          <p class="muted">
            {vm.total} {vm.total === 1 ? 'image' : 'images'}, newest first
          </p>
          <ul class="media-grid">
            {vm.items.map((m) => (
              <li class="media-grid__item">
                <a class="media-grid__link" href={m.editUrl}>
                  <img class="media-grid__thumb" src={m.thumb.src} width={m.thumb.width} height={m.thumb.height} alt="" loading="lazy" decoding="async" />
                  <span class="media-grid__name">{m.filename}</span>
                </a>
                {m.alt ? (
                  <p class="media-grid__alt">{m.alt}</p>
                ) : (
                  <p class="media-grid__alt">
                    <span class="badge badge--warn">No alt text</span>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <Pagination page={vm.page} totalPages={vm.totalPages} prevUrl={vm.prevUrl} nextUrl={vm.nextUrl} label="Media library pages" />
      {up && <script src={vm.script} type="module" />}
    </>
  );
}

export const renderMediaLibrary = (vm: MediaLibraryVM): string => renderAdminDocument({ layout: vm.layout, children: <Library vm={vm} /> });

/** One of the focal point's two fields (percent across or down). */
function Percent({ axis, label, value, invalid }: { axis: 'x' | 'y'; label: string; value: string; invalid: boolean }) {
  return (
    <span class="focal-fields__pair">
      <label for={`media-focal-${axis}`}>{label}</label>
      <input
        class="field__input field__input--short"
        type="number"
        min="0"
        max="100"
        step="1"
        inputMode="numeric"
        id={`media-focal-${axis}`}
        name={`focal_${axis}`}
        value={value}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? 'media-focal-hint media-focal-error' : 'media-focal-hint'}
        {...{ [`data-focal-${axis}`]: '' }}
      />
    </span>
  );
}

function Edit({ vm }: { vm: MediaEditVM }) {
  const m = vm.item;
  const e = vm.errors;
  return (
    <>
      <p>
        <a href="/admin/media">Back to the media library</a>
      </p>
      <ErrorSummary errors={e} fields={TEXT_FIELDS} />
      <div class="media-edit">
        <figure class="media-edit__preview" data-focal-preview={vm.canEdit ? '' : undefined}>
          <img src={vm.preview.src} width={vm.preview.width} height={vm.preview.height} alt={m.alt} />
        </figure>
        <div>
          <dl class="facts">
            <dt>File</dt>
            <dd>
              <a href={vm.originalUrl}>{m.filename}</a>
            </dd>
            <dt>Size</dt>
            <dd>
              {m.width} × {m.height} pixels
            </dd>
            <dt>Type</dt>
            <dd>
              {vm.type}
              {vm.avifPending ? ' (AVIF versions are being made)' : ''}
            </dd>
            <dt>Uploaded</dt>
            <dd>
              <Time date={vm.uploaded} />
            </dd>
            <dt>Media id</dt>
            <dd>{m.id}</dd>
          </dl>
          {vm.canEdit ? (
            <form class="form" method="post" action={vm.action} novalidate>
              <CsrfField token={vm.csrf} />
              <TextField id="media-alt" name="alt" label="Alt text" required={false} value={vm.values.alt} error={e.alt} maxLength={500} hint={ALT_HINT} />
              <Caption
                id="media-caption"
                value={vm.values.caption}
                error={e.caption}
                hint="Shown under the image unless an article gives its own (up to 1,000 characters)."
              />
              <TextField id="media-credit" name="credit" label="Credit" required={false} value={vm.values.credit} error={e.credit} maxLength={200} />
              <fieldset class={`field focal-fields${e.focal_x !== undefined ? ' field--error' : ''}`} id="media-focal">
                <legend class="field__label">Focal point</legend>
                <p class="field__hint" id="media-focal-hint">
                  Where cards and square crops keep the picture’s centre (a face, the subject), in percent across and down. Empty for the middle. With
                  JavaScript, click the picture.
                </p>
                {e.focal_x !== undefined && (
                  <p class="field__error" id="media-focal-error">
                    <span class="visually-hidden">Error: </span>
                    {e.focal_x}
                  </p>
                )}
                <p class="focal-fields__row">
                  <Percent axis="x" label="Across (%)" value={vm.values.focal_x} invalid={e.focal_x !== undefined} />
                  <Percent axis="y" label="Down (%)" value={vm.values.focal_y} invalid={e.focal_x !== undefined} />
                </p>
              </fieldset>
              <div class="form__actions">
                <button class="button" type="submit">
                  Save
                </button>
              </div>
            </form>
          ) : (
            <dl class="facts">
              <dt>Alt text</dt>
              <dd>{m.alt || '—'}</dd>
              <dt>Caption</dt>
              <dd>{m.caption || '—'}</dd>
              <dt>Credit</dt>
              <dd>{m.credit || '—'}</dd>
            </dl>
          )}
        </div>
      </div>
      <section class="panel" aria-labelledby="uses-title">
        <h2 id="uses-title">Where it is used</h2>
        {vm.uses.length === 0 ? (
          <p>Not used by any article or author.</p>
        ) : (
          <ul>
            {vm.uses.map((u) => (
              <li>
                {u.url ? <a href={u.url}>{u.title}</a> : u.title}{' '}
                <span class="muted">
                  ({u.status}; {u.where})
                </span>
              </li>
            ))}
          </ul>
        )}
        {vm.deleteUrl && (
          <form class="inline-form" method="post" action={vm.deleteUrl}>
            <CsrfField token={vm.csrf} />
            <button class="button button--small button--danger" type="submit">
              Delete this image<span class="visually-hidden"> ({m.filename})</span>
            </button>
          </form>
        )}
        {vm.deleteBlocked && <p class="muted">{vm.deleteBlocked}</p>}
      </section>
      {vm.canEdit && <script src={vm.script} type="module" />}
    </>
  );
}

export const renderMediaEdit = (vm: MediaEditVM): string => renderAdminDocument({ layout: vm.layout, children: <Edit vm={vm} /> });
