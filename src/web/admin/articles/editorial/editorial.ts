/**
 * @module web/admin/articles/editorial/editorial
 * The newsroom tools around a saved article, under /admin/articles/:id/…: public corrections and
 * update notes, private preview links, translation links, the revision comparison and the
 * editor's autosave (one file each, registered here), and the panels the edit form shows for
 * them. Same role rules as the article form: whoever may edit the article may use them, and
 * changing what readers see of a published article needs the right to publish it. Every write
 * that changes a public page purges its cache tags before responding.
 */
import type { FastifyInstance } from 'fastify';
import type { PostStatus } from '../../../../db/schema.js';
import { PREVIEW_DAYS } from '../../../../modules/preview/preview.js';
import { editorialState, userAutosave } from '../../../../modules/article/editorial.service.js';
import { translationsFor } from '../../../../modules/translation/translation.service.js';
import { can, canOn } from '../../../../modules/user/permissions.js';
import { ENTRIES_PER_PAGE, entryAnchor } from '../../../../modules/live/live.js';
import { liveForEditing, type LiveForEditing } from '../../../../modules/live/live.service.js';
import { liveRoutes } from './live.routes.js';
import type { User } from '../../../../modules/user/user.js';
import type { SiteContext } from '../../../site/site-context.js';
import { autosaveRoutes } from './autosave.routes.js';
import { compareRoutes } from './compare.routes.js';
import { correctionRoutes } from './corrections.routes.js';
import { previewLinkRoutes } from './preview-links.routes.js';
import { translationRoutes } from './translations.routes.js';
import type { EditorialVM, LiveVM } from '../articles.view-models.js';
import type { AdminContext } from '../../shell/context.js';
import { dateVM } from '../../shell/presenters.js';
import { wallTimeOf, zoneAbbreviation } from '../../../../lib/zoned-time.js';

const KIND_LABELS = { correction: 'Correction', update: 'Update' } as const;
const hhmm = (iso: string, zone: string): string => {
  const w = wallTimeOf(new Date(iso), zone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')} ${zoneAbbreviation(new Date(iso), zone)}`;
};

/** What the panels under the edit form show, for this user and article. */
export async function editorialFor(
  c: AdminContext,
  o: { id: number; user: User; status: PostStatus; mine: boolean; updatedAt: string; restoring?: { at: string }; livePage?: number },
): Promise<EditorialVM> {
  const { db } = c;
  const now = c.now();
  const zone = c.site.dates.timeZone;
  const base = `/admin/articles/${o.id}`;
  const [{ notes, links, autosave }, translations, live] = await Promise.all([
    // Restoring: the form shows that autosave already, so there is nothing to offer.
    editorialState(db, { id: o.id, userId: o.user.id, published: o.status === 'published', withAutosave: !o.restoring }),
    translationsFor(db, o.id),
    liveForEditing(db, o.id, o.livePage ?? 1),
  ]);
  const stateOf = (l: (typeof links)[number]) =>
    (l.revoked_at !== null ? 'revoked' : Date.parse(l.expires_at) <= now.getTime() ? 'expired' : 'active') as 'active' | 'expired' | 'revoked';
  return {
    id: o.id,
    ...(o.status === 'published'
      ? {
          corrections: {
            addUrl: `${base}/corrections`,
            canAdd: canOn(o.user.role, 'post.publish', { own: o.mine }),
            notes: notes
              .slice()
              .reverse()
              .map((n) => ({
                id: n.id,
                kindLabel: KIND_LABELS[n.kind],
                at: dateVM(n.created_at, zone),
                text: n.body,
                editUrl: `${base}/corrections/${n.id}`,
                deleteUrl: `${base}/corrections/${n.id}/delete`,
              })),
          },
        }
      : {}),
    ...(o.status !== 'published'
      ? {
          preview: {
            createUrl: `${base}/preview-links`,
            days: [...PREVIEW_DAYS],
            links: links.map((l) => {
              const state = stateOf(l);
              return {
                id: l.id,
                created: dateVM(l.created_at, zone),
                expires: dateVM(l.expires_at, zone),
                state,
                stateLabel: state === 'active' ? 'Active' : state === 'expired' ? 'Expired' : 'Revoked',
                ...(state === 'active' ? { revokeUrl: `${base}/preview-links/${l.id}/revoke` } : {}),
              };
            }),
          },
        }
      : {}),
    translations: {
      manageUrl: `${base}/translations`,
      linked: translations.map((t) => ({ id: t.id, title: t.title, language: t.language, editUrl: `/admin/articles/${t.id}` })),
    },
    autosaveUrl: `${base}/autosave`,
    ...(autosave && Date.parse(autosave.created_at) > Date.parse(o.updatedAt)
      ? {
          autosave: {
            at: dateVM(autosave.created_at, zone),
            time: hhmm(autosave.created_at, zone),
            restoreUrl: `${base}?autosave=1`,
            dismissUrl: `${base}/autosave/dismiss`,
          },
        }
      : {}),
    ...(o.restoring ? { restoring: { at: dateVM(o.restoring.at, zone), time: hhmm(o.restoring.at, zone) } } : {}),
    ...(live
      ? {
          live: liveVM(live, {
            base,
            zone,
            canRun: canOn(o.user.role, 'post.publish', { own: o.mine }),
            canUpload: can(o.user.role, 'media.upload'),
            published: o.status === 'published',
            page: o.livePage ?? 1,
          }),
        }
      : {}),
  };
}

/** The live panel: the state, the new entry's empty form while live, one page of entries. */
function liveVM(live: LiveForEditing, o: { base: string; zone: string; canRun: boolean; canUpload: boolean; published: boolean; page: number }): LiveVM {
  const state = live.post.live_status ?? 'off';
  const pages = Math.max(1, Math.ceil(live.total / ENTRIES_PER_PAGE));
  return {
    state,
    canRun: o.canRun,
    startUrl: `${o.base}/live/start`,
    endUrl: `${o.base}/live/end`,
    ...(state === 'live'
      ? {
          form: {
            action: `${o.base}/live/entries`,
            values: { headline: '', body_text: '', body_json: '', pinned: false },
            errors: {},
            canUpload: o.canUpload,
            submit: 'Publish the entry',
          },
        }
      : {}),
    entries: live.entries.map((e) => ({
      id: e.id,
      at: dateVM(e.created_at, o.zone),
      author: e.author_name ?? 'Unknown author',
      headline: e.headline,
      pinned: e.pinned === 1,
      editUrl: `${o.base}/live/entries/${e.id}`,
      deleteUrl: `${o.base}/live/entries/${e.id}/delete`,
      pinUrl: `${o.base}/live/entries/${e.id}/pin`,
      ...(o.published ? { publicUrl: `/${live.post.slug}/#${entryAnchor(e.id)}` } : {}),
    })),
    total: live.total,
    ...(o.page > 1 ? { newerUrl: `${o.base}?live=${o.page - 1}#live` } : {}),
    ...(o.page < pages ? { olderUrl: `${o.base}?live=${o.page + 1}#live` } : {}),
  };
}

export async function editorialRoutes(app: FastifyInstance, c: AdminContext, deps: { site: SiteContext }): Promise<void> {
  await correctionRoutes(app, c);
  await previewLinkRoutes(app, c, deps);
  await translationRoutes(app, c);
  await compareRoutes(app, c);
  await autosaveRoutes(app, c);
  await liveRoutes(app, c);
}

/** The user's autosave to load into the form instead of the saved content (?autosave=1). */
export async function autosaveContent(
  c: AdminContext,
  id: number,
  userId: number,
): Promise<{ title: string; excerpt: string; bodyDoc: string; at: string } | undefined> {
  const a = await userAutosave(c.db, id, userId);
  return a ? { title: a.title, excerpt: a.excerpt, bodyDoc: a.body_doc, at: a.created_at } : undefined;
}
