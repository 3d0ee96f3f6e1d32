/**
 * @module web/admin/comments/comment-rules.view
 * The block and allow lists: one table per list, each rule with its note and a Remove button,
 * and a form to add a rule.
 */
import type { AdminLayoutVM } from '../shell/view-models.js';
import { CsrfField, Time } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';

export interface CommentRulesVM {
  layout: AdminLayoutVM;
  csrf: string;
  lists: {
    list: 'block' | 'allow';
    heading: string;
    rules: { id: number; kind: string; value: string; note: string; date: { iso: string; label: string } }[];
  }[];
}

function CommentRules({ vm }: { vm: CommentRulesVM }) {
  return (
    <>
      <p>
        <a href="/admin/comments">Back to the queue</a>
      </p>
      <p>
        A comment that contains a blocked word, or comes from a blocked email address or IP hash, is scored as spam. One from an allowed email address or IP
        hash skips the other checks (but not the honeypot).
      </p>
      <section aria-labelledby="add-rule">
        <h2 id="add-rule">Add a rule</h2>
        <form method="post" action="/admin/comments/rules" class="filters">
          <CsrfField token={vm.csrf} />
          <label>
            List{' '}
            <select name="list">
              <option value="block">Block</option>
              <option value="allow">Allow</option>
            </select>
          </label>{' '}
          <label>
            Kind{' '}
            <select name="kind">
              <option value="word">Word or phrase</option>
              <option value="email">Email address</option>
              <option value="ip_hash">IP hash</option>
            </select>
          </label>{' '}
          <label>
            Value <input name="value" required maxLength={320} />
          </label>{' '}
          <label>
            Note <input name="note" maxLength={500} />
          </label>{' '}
          <button type="submit">Add</button>
        </form>
      </section>
      {vm.lists.map((l) => (
        <section aria-labelledby={`list-${l.list}`}>
          <h2 id={`list-${l.list}`}>
            {l.heading} ({l.rules.length})
          </h2>
          {l.rules.length === 0 ? (
            <p>None.</p>
          ) : (
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">Value</th>
                    <th scope="col">Note</th>
                    <th scope="col">Added</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {l.rules.map((r) => (
                    <tr>
                      <td>{r.kind}</td>
                      <td>
                        <code dir="auto">{r.value}</code>
                      </td>
                      <td dir="auto">{r.note}</td>
                      <td>
                        <Time date={r.date} />
                      </td>
                      <td>
                        <form method="post" action="/admin/comments/rules/remove">
                          <CsrfField token={vm.csrf} />
                          <input type="hidden" name="id" value={String(r.id)} />
                          <button type="submit">
                            Remove<span class="visually-hidden"> {r.value}</span>
                          </button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}

export const renderCommentRules = (vm: CommentRulesVM): string => renderAdminDocument({ layout: vm.layout, children: <CommentRules vm={vm} /> });
