/**
 * @module web/admin/comments/comment-settings.view
 * /admin/comments/settings: the site's discussion policy (moderation, closing, limits, spam
 * thresholds) as one plain form.
 */
import type { AdminLayoutVM, FormVM } from '../shell/view-models.js';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';

export interface CommentSettingsVM {
  layout: AdminLayoutVM;
  csrf: string;
  form: FormVM;
  numbers: { name: string; label: string; hint: string; min: number; max: number }[];
}

const MODERATION = [
  { value: 'hold_first', label: 'Hold a commenter’s first comment; approve them afterwards (known by the same email and name)' },
  { value: 'hold_all', label: 'Hold every comment for a moderator' },
  { value: 'auto', label: 'Publish comments at once (spam checks still apply)' },
];

function CommentSettings({ vm }: { vm: CommentSettingsVM }) {
  const { values, errors } = vm.form;
  const fields: Record<string, string> = { moderation: 'moderation', ...Object.fromEntries(vm.numbers.map((n) => [n.name, `setting-${n.name}`])) };
  return (
    <>
      <p>
        <a href="/admin/comments">Back to the queue</a> · <a href="/admin/comments/rules">Block and allow lists</a>
      </p>
      <ErrorSummary errors={errors} fields={fields} />
      <form class="form" method="post" action="/admin/comments/settings" novalidate>
        <CsrfField token={vm.csrf} />
        <SelectField id="moderation" name="moderation" label="New comments" options={MODERATION} value={values.moderation ?? ''} error={errors.moderation} />
        <div class="field">
          <label>
            <input type="checkbox" name="requireEmail" value="1" checked={values.requireEmail === '1'} /> Ask for an email address (never shown to anyone)
          </label>
        </div>
        {vm.numbers.map((n) => (
          <TextField
            id={`setting-${n.name}`}
            name={n.name}
            label={n.label}
            hint={`${n.hint} (${n.min} to ${n.max})`}
            value={values[n.name] ?? ''}
            error={errors[n.name]}
            inputMode="numeric"
            maxLength={7}
          />
        ))}
        <button class="button" type="submit">
          Save settings
        </button>
      </form>
    </>
  );
}

export const renderCommentSettings = (vm: CommentSettingsVM): string => renderAdminDocument({ layout: vm.layout, children: <CommentSettings vm={vm} /> });
