/**
 * @module web/admin/comments/comment-settings.routes
 * /admin/comments/settings (owners: `settings.manage`): the discussion policy.
 *   GET  /admin/comments/settings
 *   POST /admin/comments/settings   moderation, requireEmail, and the numbers of COMMENT_SETTING_RANGES
 * A change can alter every article page (the form, closing dates, page size), so the whole page
 * cache is purged.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  COMMENT_SETTING_RANGES,
  loadCommentSettings,
  parseCommentSettingsForm,
  updateCommentSettings,
  type CommentSettings,
} from '../../../modules/comment/comment-settings.js';
import { actorOf } from '../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { sendHtml } from '../../html.js';
import { fieldsOf } from '../shell/forms.js';
import type { FormVM } from '../shell/view-models.js';
import { renderCommentSettings } from './comment-settings.view.js';
import { ALL } from '../../cache/index.js';

type NumberSetting = keyof typeof COMMENT_SETTING_RANGES;

const NUMBERS: { name: NumberSetting; label: string; hint: string }[] = [
  { name: 'closeAfterDays', label: 'Close comments after (days)', hint: 'Days after publication; 0 keeps them open' },
  { name: 'maxLength', label: 'Longest comment (characters)', hint: 'Longer comments are refused with a message' },
  { name: 'perPage', label: 'Threads per comment page', hint: 'Top-level comments with their replies' },
  { name: 'minFillSeconds', label: 'Shortest time to fill the form (seconds)', hint: 'Faster submissions count towards spam' },
  { name: 'maxLinks', label: 'Links allowed in a comment', hint: 'More count towards spam' },
  { name: 'ratePerIp', label: 'Comments per address in the window', hint: 'More from one IP address count towards spam' },
  { name: 'ratePerEmail', label: 'Comments per email in the window', hint: 'More from one email address count towards spam' },
  { name: 'rateWindowMinutes', label: 'Rate window (minutes)', hint: 'The period the two limits above count over' },
  { name: 'spamThreshold', label: 'Spam score threshold', hint: 'A comment scoring this much or more goes to spam' },
];

const formOf = (s: CommentSettings): Record<string, string> =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? '1' : '') : String(v)]));

export async function commentSettingsRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const render = (request: FastifyRequest, reply: FastifyReply, form: FormVM, status = 200) => {
    const csrf = csrfFor(reply);
    const saved = (request.query as Record<string, unknown>).saved === '1';
    return sendHtml(
      reply,
      renderCommentSettings({
        layout: pageLayout(c, request, csrf, 'Comment settings', saved ? 'Settings saved.' : undefined),
        csrf,
        form,
        numbers: NUMBERS.map((n) => ({ ...n, min: COMMENT_SETTING_RANGES[n.name][0], max: COMMENT_SETTING_RANGES[n.name][1] })),
      }),
      status,
    );
  };

  app.get('/comments/settings', { config: { access: 'settings.manage' } }, async (request, reply) =>
    render(request, reply, { values: formOf(await loadCommentSettings(c.db)), errors: {} }),
  );

  app.post('/comments/settings', { config: { access: 'settings.manage' } }, async (request, reply) => {
    const raw = fieldsOf(request.body);
    const form: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') form[k] = v.slice(0, 50);
    const { settings, errors } = parseCommentSettingsForm(form);
    if (!settings) return render(request, reply, { values: form, errors: errors as Record<string, string> }, 400);
    await updateCommentSettings(c.db, settings, actorOf(request), c.now());
    app.pageCache.purge([ALL]);
    return reply.redirect('/admin/comments/settings?saved=1', 303);
  });
}
