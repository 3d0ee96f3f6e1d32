/**
 * @module web/admin/shell/components
 * Form pieces shared by admin pages: the CSRF field, the error summary, labelled fields with
 * their error next to them, times and pagination.
 */
import type { ComponentChildren } from 'preact';

/** Hidden CSRF token; every state-changing form carries one. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/**
 * "There is a problem" box listing each error as a link to its field. `fields` maps a field name
 * to the id of its input, in form order.
 */
export function ErrorSummary({ errors, fields, extra }: { errors: Record<string, string>; fields: Record<string, string>; extra?: string }) {
  const items = Object.entries(fields).filter(([name]) => errors[name] !== undefined);
  if (items.length === 0 && extra === undefined) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 class="error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <ul class="error-summary__list">
        {extra !== undefined && <li>{extra}</li>}
        {items.map(([name, id]) => (
          <li>
            <a href={`#${id}`}>{errors[name]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  id: string;
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint !== undefined ? `${id}-hint` : '', error !== undefined ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldShell({ id, label, error, hint, children }: FieldProps & { children: ComponentChildren }) {
  return (
    <div class={`field${error !== undefined ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint !== undefined && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

interface TextFieldProps extends FieldProps {
  type?: 'text' | 'email' | 'password';
  value?: string;
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  /** 'numeric': a whole number (a text input with the digit keyboard, as GOV.UK advises). */
  inputMode?: 'numeric';
  /** 'auto' for text in the writer's language (a Persian headline is shown right to left); 'rtl' for a field of a right-to-left article. */
  dir?: 'auto' | 'rtl';
  /** The language of what is typed in (an article's), for spelling and the input method. */
  lang?: string;
  /** What applies when the field is left empty (shown greyed in it). */
  placeholder?: string;
}

export function TextField(props: TextFieldProps) {
  const { id, name, error, hint, type = 'text', value, autocomplete, required = true, maxLength, minLength, inputMode, dir, lang, placeholder } = props;
  const common = {
    placeholder,
    lang,
    class: inputMode ? 'field__input field__input--short' : 'field__input',
    inputMode,
    dir,
    id,
    name,
    autocomplete,
    required,
    maxLength,
    minLength,
    'aria-invalid': error !== undefined ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, hint, error),
  };
  return (
    <FieldShell {...props}>
      {type === 'password' ? (
        <input type="password" {...common} />
      ) : type === 'email' ? (
        <input type="email" spellcheck={false} value={value} {...common} />
      ) : (
        <input type="text" value={value} {...common} />
      )}
    </FieldShell>
  );
}

/**
 * A fold of one text field per language (`{name}-{lang}`): a name or title in the other languages
 * pages are shown in. Open when one is filled or refused.
 */
export function LanguageFields(props: {
  idPrefix: string;
  name: string;
  summary: string;
  hint: string;
  languages: readonly { value: string; label: string }[];
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  maxLength: number;
}) {
  const { idPrefix, name, languages, values, errors } = props;
  const open = languages.some((l) => values[`${name}-${l.value}`] || errors[`${name}-${l.value}`]);
  return (
    <details class="disclosure" open={open || undefined}>
      <summary>{props.summary}</summary>
      <p class="field__hint">{props.hint}</p>
      {languages.map((l) => (
        <TextField
          id={`${idPrefix}-${l.value}`}
          name={`${name}-${l.value}`}
          label={l.label}
          required={false}
          value={values[`${name}-${l.value}`] ?? ''}
          error={errors[`${name}-${l.value}`]}
          maxLength={props.maxLength}
          autocomplete="off"
          dir="auto"
        />
      ))}
    </details>
  );
}

interface TextAreaFieldProps extends FieldProps {
  value?: string;
  rows?: number;
  maxLength?: number;
  /** Code (a stylesheet): monospaced, no spell checking. */
  code?: boolean;
  dir?: 'auto';
}

export function TextAreaField(props: TextAreaFieldProps) {
  const { id, name, error, hint, value, rows = 4, maxLength, code = false, dir } = props;
  return (
    <FieldShell {...props}>
      <textarea
        class={`field__textarea${code ? ' field__textarea--code' : ''}`}
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        dir={dir}
        spellcheck={code ? false : undefined}
        aria-invalid={error !== undefined ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {value ?? ''}
      </textarea>
    </FieldShell>
  );
}

interface SelectFieldProps extends FieldProps {
  options: { value: string; label: string }[];
  /** Options under headings (<optgroup>), after the plain ones. */
  groups?: { label: string; options: { value: string; label: string }[] }[];
  value?: string;
}

export function SelectField(props: SelectFieldProps) {
  const { id, name, error, hint, options, groups = [], value } = props;
  return (
    <FieldShell {...props}>
      <select class="field__select" id={id} name={name} aria-invalid={error !== undefined ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup label={g.label}>
            {g.options.map((o) => (
              <option value={o.value} selected={o.value === value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}

export function Time({ date }: { date: { iso: string; label: string } }) {
  return <time datetime={date.iso}>{date.label}</time>;
}

export function Pagination({
  page,
  totalPages,
  prevUrl,
  nextUrl,
  label,
}: {
  page: number;
  totalPages: number;
  prevUrl?: string | undefined;
  nextUrl?: string | undefined;
  label: string;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav class="pagination" aria-label={label}>
      {prevUrl !== undefined ? (
        <a href={prevUrl} rel="prev">
          Newer
        </a>
      ) : (
        <span />
      )}
      <p class="pagination__status">
        Page {page} of {totalPages}
      </p>
      {nextUrl !== undefined ? (
        <a href={nextUrl} rel="next">
          Older
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
