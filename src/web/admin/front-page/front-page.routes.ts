/**
 * @module web/admin/front-page/front-page.routes
 * /admin/front-page (editors and owners: `frontpage.manage`):
 *   GET  /admin/front-page[?front=home|cat:{id}]   the pins of a front page, the home page's
 *                                                  section blocks, and the banner
 *   POST /admin/front-page/pin                     scope, slot (lead|top), story|storyRef, expiresAt
 *   POST /admin/front-page/pins/:id/unpin|up|down
 *   POST /admin/front-page/blocks                  section, count
 *   POST /admin/front-page/blocks/:id/remove|up|down
 *   POST /admin/front-page/banner                  text, url, expiresAt: post or replace it
 *   POST /admin/front-page/banner/remove           take it down
 * Times are typed in the site's zone. Pins and blocks purge only the front page they change; the
 * banner is on every page, so each banner change purges every page, on every instance.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { postPath } from '../../../modules/article/permalink.js';
import { FrontPageError, homeScope, isPinScope, pinHolds, scopeCategory, type PinScope, type PinSlot } from '../../../modules/frontpage/frontpage.js';
import { addHomeBlock, frontPageForEditing, moveHomeBlock, movePin, pinStory, removeHomeBlock, unpin } from '../../../modules/frontpage/frontpage.service.js';
import { bannerShows, parseBannerForm, parseExpiry } from '../../../modules/site/site.js';
import { setBanner } from '../../../modules/site/site.service.js';
import { loadCategoryTree } from '../../../modules/taxonomy/taxonomy.service.js';
import { sendHtml } from '../../html.js';
import { actorOf } from '../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { echo, fieldsOf, pathId, str } from '../shell/forms.js';
import { dateVM, noticeLookup } from '../shell/presenters.js';
import type { FormVM } from '../shell/view-models.js';
import { renderFrontPage, type PinVM } from './front-page.view.js';

const notice = noticeLookup({
  posted: 'Banner posted: every page shows it now.',
  removed: 'Banner removed from every page.',
  pinned: 'Pinned: the front page shows it now.',
  unpinned: 'Unpinned: the latest stories fill its place.',
  moved: 'Moved.',
  block: 'Section blocks saved: the home page shows them now.',
});

const frontUrl = (scope: string, n: string) => `/admin/front-page?${scope === homeScope ? '' : `front=${encodeURIComponent(scope)}&`}notice=${n}`;

export async function frontPageRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const render = async (request: FastifyRequest, reply: FastifyReply, scope: PinScope, form: FormVM, status = 200) => {
    const csrf = csrfFor(reply);
    const b = c.site.stored.banner;
    const tree = await loadCategoryTree(c.db);
    const cat = scopeCategory(scope);
    const { pins, choices, blocks } = await frontPageForEditing(c.db, scope, cat !== undefined ? tree.subtreeIds(cat) : undefined);
    const now = c.now();
    const sectionLabel = (id: number) =>
      tree
        .ancestry(id)
        .map((x) => x.name)
        .join(' › ');
    const tops = pins.filter((p) => p.slot === 'top');
    const pinVM = (p: (typeof pins)[number], i: number): PinVM => ({
      id: p.id,
      title: p.title,
      url: postPath(p.slug),
      ...(p.status !== 'published' ? { inactive: 'not shown: the story is not published' } : !pinHolds(p, now) ? { inactive: 'expired' } : {}),
      ...(p.expiresAt ? { expires: dateVM(p.expiresAt, c.site.dates.timeZone) } : {}),
      canUp: i > 0,
      canDown: i < tops.length - 1,
    });
    const lead = pins.find((p) => p.slot === 'lead');
    const sections = tree.roots().flatMap((r) => tree.subtreeIds(r.id).map((id) => ({ value: String(id), label: sectionLabel(id) })));
    return sendHtml(
      reply,
      renderFrontPage({
        layout: pageLayout(c, request, csrf, 'Front page', notice((request.query as Record<string, unknown>).notice)),
        csrf,
        form,
        scope,
        scopeLabel: cat === undefined ? 'home page' : `section front of ${sectionLabel(cat)}`,
        scopes: [{ value: homeScope, label: 'The home page' }, ...sections.map((s) => ({ value: `cat:${s.value}`, label: `Section: ${s.label}` }))],
        ...(lead ? { lead: pinVM(lead, 0) } : {}),
        ...(!lead && choices[0] ? { latestLead: choices[0].title } : {}),
        tops: tops.map(pinVM),
        stories: choices.map((s) => ({ value: String(s.id), label: `${s.title}${s.published_at ? ` (${s.published_at.slice(0, 10)})` : ''}` })),
        ...(scope === homeScope
          ? {
              blocks: blocks
                .filter((bl) => tree.get(bl.categoryId))
                .map((bl, i, all) => ({
                  id: bl.id,
                  label: `${sectionLabel(bl.categoryId)}: the ${bl.count} latest`,
                  canUp: i > 0,
                  canDown: i < all.length - 1,
                })),
            }
          : {}),
        sections,
        ...(b
          ? {
              current: {
                text: b.text,
                ...(b.url ? { url: b.url } : {}),
                ...(b.expiresAt ? { expires: dateVM(b.expiresAt, c.site.dates.timeZone) } : {}),
                showing: bannerShows(b, now),
              },
            }
          : {}),
      }),
      status,
    );
  };

  /** The front page a request names (unknown values: the home page). */
  const scopeOf = (raw: unknown): PinScope => {
    const s = str(raw);
    return s && isPinScope(s) ? s : homeScope;
  };

  /** Runs a change; a refusal shows the screen again with its message. */
  const change = async (
    request: FastifyRequest,
    reply: FastifyReply,
    scope: PinScope,
    values: Record<string, string>,
    run: () => Promise<{ purge: string[]; scope?: PinScope }>,
    n: string,
  ) => {
    try {
      const r = await run();
      app.pageCache.purge(r.purge);
      return reply.redirect(frontUrl(r.scope ?? scope, n), 303);
    } catch (err) {
      if (!(err instanceof FrontPageError)) throw err;
      const fields = Object.keys(err.fields).length ? err.fields : { pins: err.message };
      return render(request, reply, scope, { values, errors: { ...fields } }, err.code === 'FRONTPAGE_NOT_FOUND' ? 404 : 400);
    }
  };

  app.get('/front-page', { config: { access: 'frontpage.manage' } }, async (request, reply) =>
    render(request, reply, scopeOf((request.query as Record<string, unknown>).front), { values: {}, errors: {} }),
  );

  app.post('/front-page/pin', { config: { access: 'frontpage.manage' } }, async (request, reply) => {
    const f = fieldsOf(request.body);
    const scope = scopeOf(f.scope);
    const values = { story: echo(f.story, 20), storyRef: echo(f.storyRef, 300), pinExpiresAt: echo(f.expiresAt, 100) };
    const slot = str(f.slot);
    if (slot !== 'lead' && slot !== 'top')
      return render(request, reply, scope, { values, errors: { story: 'Choose to pin it as the lead or as a top story.' } }, 400);
    const { expiresAt, error } = parseExpiry(str(f.expiresAt), c.now(), 'to keep it pinned until you unpin it', c.site.dates.timeZone);
    if (error) return render(request, reply, scope, { values, errors: { pinExpiresAt: error } }, 400);
    const story = (str(f.storyRef) ?? '').trim() || (str(f.story) ?? '');
    return change(
      request,
      reply,
      scope,
      values,
      () => pinStory(c.db, { scope, slot: slot as PinSlot, story, ...(expiresAt ? { expiresAt } : {}) }, actorOf(request), c.now()),
      'pinned',
    );
  });

  for (const op of ['unpin', 'up', 'down'] as const) {
    app.post(`/front-page/pins/:id/${op}`, { config: { access: 'frontpage.manage' } }, async (request, reply) => {
      const id = pathId(request, 'pinned story');
      return change(
        request,
        reply,
        homeScope,
        {},
        () => (op === 'unpin' ? unpin(c.db, id, actorOf(request), c.now()) : movePin(c.db, id, op, actorOf(request), c.now())),
        op === 'unpin' ? 'unpinned' : 'moved',
      );
    });
  }

  app.post('/front-page/blocks', { config: { access: 'frontpage.manage' } }, async (request, reply) => {
    const f = fieldsOf(request.body);
    const values = { section: echo(f.section, 20), count: echo(f.count, 20) };
    const count = /^\d{1,3}$/.test((str(f.count) ?? '').trim()) ? Number(str(f.count)) : Number.NaN;
    const categoryId = /^\d{1,12}$/.test(str(f.section) ?? '') ? Number(str(f.section)) : Number.NaN;
    return change(request, reply, homeScope, values, () => addHomeBlock(c.db, { categoryId, count }, actorOf(request), c.now()), 'block');
  });

  for (const op of ['remove', 'up', 'down'] as const) {
    app.post(`/front-page/blocks/:id/${op}`, { config: { access: 'frontpage.manage' } }, async (request, reply) => {
      const id = pathId(request, 'section block');
      return change(
        request,
        reply,
        homeScope,
        {},
        () => (op === 'remove' ? removeHomeBlock(c.db, id, actorOf(request), c.now()) : moveHomeBlock(c.db, id, op, actorOf(request), c.now())),
        'block',
      );
    });
  }

  app.post('/front-page/banner', { config: { access: 'frontpage.manage' } }, async (request, reply) => {
    const f = fieldsOf(request.body);
    const form = { text: echo(f.text, 1000), url: echo(f.url, 1000), expiresAt: echo(f.expiresAt, 100) };
    const { banner, errors } = parseBannerForm(form, c.now(), c.site.dates.timeZone);
    if (!banner) return render(request, reply, homeScope, { values: form, errors }, 400);
    app.pageCache.purge((await setBanner(c.db, banner, actorOf(request), c.now())).purge);
    return reply.redirect('/admin/front-page?notice=posted', 303);
  });

  app.post('/front-page/banner/remove', { config: { access: 'frontpage.manage' } }, async (request, reply) => {
    app.pageCache.purge((await setBanner(c.db, undefined, actorOf(request), c.now())).purge);
    return reply.redirect('/admin/front-page?notice=removed', 303);
  });
}
