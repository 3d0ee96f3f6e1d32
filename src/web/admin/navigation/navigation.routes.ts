/**
 * @module web/admin/navigation/navigation.routes
 * /admin/navigation (owners and editors: `navigation.manage`):
 *   GET  /admin/navigation?menu=primary|footer&language=*|en|fa…   one menu and its editor
 *   POST /admin/navigation/edit   location, language, version, op (labels, up:N, down:N, in:N,
 *                                 out:N, remove:N, order, clear), label-N…, order (drag and drop)
 *   POST /admin/navigation/add    location, language, version, kind, category|tag|page|author|url,
 *                                 label, nested
 * Every page shows the menus, so each change purges every page, on every instance. A form built
 * from a menu someone has changed since is refused (409) and the menu is shown as it is now.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { categoryPath, postPath, tagPath, authorPath } from '../../../modules/article/permalink.js';
import { ALL_LANGUAGES, isMenuLocation, MENU_KINDS, menuFor, menuVersion, type MenuKind, type MenuLocation, type MenuOp } from '../../../modules/site/menu.js';
import { authorMenuChoices, publishedPageChoices } from '../../../modules/site/menu.repository.js';
import { editMenu, menusForEditing, type NewMenuLink } from '../../../modules/site/menu.service.js';
import { SiteError } from '../../../modules/site/site.js';
import { loadCategoryTree } from '../../../modules/taxonomy/taxonomy.service.js';
import { pagePaths } from '../../../modules/article/reading.service.js';
import { sendHtml } from '../../html.js';
import { languageName, UI_LANGUAGES } from '../../site/i18n.js';
import { actorOf } from '../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { echo, fieldsOf, str } from '../shell/forms.js';
import { noticeLookup } from '../shell/presenters.js';
import { navigationScript } from '../shell/script-bundle.js';
import type { FormVM } from '../shell/view-models.js';
import type { MenuRowVM } from './navigation.view-models.js';
import { renderNavigation } from './navigation.view.js';

const notice = noticeLookup({ saved: 'Menu saved: every page shows it now.' });

const LANGUAGES = [ALL_LANGUAGES, ...UI_LANGUAGES];
const languageLabel = (l: string) => (l === ALL_LANGUAGES ? 'all languages' : `${languageName(l)} (${l})`);
const pageOf = (location: string, language: string, extra = '') => `/admin/navigation?menu=${location}&language=${encodeURIComponent(language)}${extra}`;

/** The menu a request names; unknown values fall back to the primary menu for all languages. */
function menuOf(fields: Record<string, unknown>): { location: MenuLocation; language: string } {
  const loc = str(fields.location ?? fields.menu);
  const lang = str(fields.language);
  return { location: isMenuLocation(loc) ? loc : 'primary', language: lang && LANGUAGES.includes(lang) ? lang : ALL_LANGUAGES };
}

export async function navigationRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  await navigationScript.route(app);

  const render = async (request: FastifyRequest, reply: FastifyReply, which: { location: MenuLocation; language: string }, form: FormVM, status = 200) => {
    const csrf = csrfFor(reply);
    const [{ menus, targets }, tree, pages, authors, paths] = await Promise.all([
      menusForEditing(c.db),
      loadCategoryTree(c.db),
      publishedPageChoices(c.db),
      authorMenuChoices(c.db),
      pagePaths(c.db),
    ]);
    const { location, language } = which;
    const items = menus[location][language] ?? [];
    const rows: MenuRowVM[] = items.map((it, i) => {
      const id = Number(it.ref);
      let target: string | undefined;
      switch (it.kind) {
        case 'category': {
          const cat = tree.get(id);
          target = cat && `Section: ${cat.name} (${categoryPath(tree.pathOf(cat.id))})`;
          break;
        }
        case 'tag': {
          const t = targets.tag.get(id);
          target = t && `Tag: ${t.name} (${tagPath(t.slug)})`;
          break;
        }
        case 'page': {
          const p = targets.page.get(id);
          target = p && `Page: ${p.title} (${p.path})`;
          break;
        }
        case 'author': {
          const a = targets.author.get(id);
          target = a && `Author: ${a.name} (${authorPath(a.slug)})`;
          break;
        }
        case 'url':
          target = `Address: ${it.ref}`;
          break;
      }
      const prevTop = items.slice(0, i).some((x) => x.depth === 0);
      return {
        index: i,
        label: it.label,
        target: target ?? `A ${it.kind} that no longer exists`,
        missing: target === undefined,
        depth: it.depth,
        canUp: it.depth === 1 ? items[i - 1]?.depth === 1 : prevTop,
        canDown: it.depth === 1 ? items[i + 1]?.depth === 1 : items.slice(i + 1).some((x) => x.depth === 0),
        canIn: location === 'primary' && it.depth === 0 && i > 0 && items[i + 1]?.depth !== 1,
        canOut: it.depth === 1,
      };
    });
    const fallbackItems =
      language === ALL_LANGUAGES
        ? undefined
        : menuFor({ ...menus, [location]: { ...menus[location], [language]: undefined } } as typeof menus, location, language);
    const fallback =
      language !== ALL_LANGUAGES && fallbackItems
        ? `Pages in ${languageName(language)} show the menu for all languages until this one has a link.`
        : location === 'primary'
          ? 'Until it has one, the masthead shows the top-level sections.'
          : 'Until it has one, the footer shows the top-level sections, About and Corrections.';
    const menuLinks = LANGUAGES.flatMap((lang) =>
      (['primary', 'footer'] as const)
        .filter((loc) => lang === ALL_LANGUAGES || menus[loc][lang] || (loc === location && lang === language))
        .map((loc) => ({
          label: `${loc === 'primary' ? 'Primary' : 'Footer'} menu${lang === ALL_LANGUAGES ? '' : ` (${languageName(lang)})`}`,
          url: pageOf(loc, lang),
          current: loc === location && lang === language,
          exists: menus[loc][lang] !== undefined,
        })),
    );
    return sendHtml(
      reply,
      renderNavigation({
        layout: pageLayout(c, request, csrf, 'Navigation', notice((request.query as Record<string, unknown>).notice)),
        csrf,
        location,
        language,
        languageLabel: languageLabel(language),
        menus: menuLinks,
        languages: LANGUAGES.map((l) => ({ value: l, label: l === ALL_LANGUAGES ? 'All languages (the default menu)' : languageLabel(l) })),
        version: menuVersion(items),
        rows,
        fallback,
        form,
        choices: {
          categories: tree
            .roots()
            .flatMap((r) => [
              r,
              ...tree
                .subtreeIds(r.id)
                .slice(1)
                .map((id) => tree.get(id)!),
            ])
            .map((cat) => ({
              value: String(cat.id),
              label: tree
                .ancestry(cat.id)
                .map((x) => x.name)
                .join(' › '),
            })),
          // Nested pages by their path (`About › Team` reads as /about/team/), in path order.
          pages: pages
            .map((p) => ({
              value: String(p.id),
              label: `${p.title || p.slug} (${paths.byId.get(p.id) ?? postPath(p.slug)})`,
              path: paths.byId.get(p.id) ?? '',
            }))
            .sort((a, b) => a.path.localeCompare(b.path))
            .map(({ value, label }) => ({ value, label })),
          authors: authors.map((a) => ({ value: String(a.id), label: a.name })),
        },
        script: navigationScript.url,
      }),
      status,
    );
  };

  /** Runs one edit; a refusal re-renders the menu with its message (the labels typed kept). */
  const apply = async (request: FastifyRequest, reply: FastifyReply, ops: Parameters<typeof editMenu>[1]['ops'], values: Record<string, string>) => {
    const fields = fieldsOf(request.body);
    const which = menuOf(fields);
    try {
      const { purge } = await editMenu(c.db, { ...which, version: echo(fields.version, 100), ops }, actorOf(request), c.now());
      if (purge.length) app.pageCache.purge(purge);
    } catch (err) {
      if (err instanceof SiteError && err.code === 'MENU_CHANGED') return render(request, reply, which, { values: {}, errors: { menu: err.message } }, 409);
      if (err instanceof SiteError) return render(request, reply, which, { values, errors: { ...err.fields } }, 400);
      throw err;
    }
    return reply.redirect(pageOf(which.location, which.language, '&notice=saved'), 303);
  };

  app.get('/navigation', { config: { access: 'navigation.manage' } }, async (request, reply) =>
    render(request, reply, menuOf(request.query as Record<string, unknown>), { values: {}, errors: {} }),
  );

  app.post('/navigation/edit', { config: { access: 'navigation.manage' } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    const labels: string[] = [];
    const values: Record<string, string> = {};
    for (let i = 0; typeof fields[`label-${i}`] === 'string'; i++) {
      labels.push(fields[`label-${i}`] as string);
      values[`label-${i}`] = echo(fields[`label-${i}`], 200);
    }
    const [name, arg] = (str(fields.op) ?? '').split(':');
    const index = Number(arg);
    const ops: MenuOp[] = labels.length ? [{ op: 'labels', labels }] : [];
    if (name === 'up' || name === 'down' || name === 'in' || name === 'out' || name === 'remove') ops.push({ op: name, index });
    else if (name === 'order') ops.push({ op: 'order', order: (str(fields.order) ?? '').split(',').map(Number) });
    else if (name === 'clear') ops.splice(0, ops.length, { op: 'clear' });
    else if (name !== 'labels') return render(request, reply, menuOf(fields), { values, errors: { menu: 'Choose what to do with the menu.' } }, 400);
    return apply(request, reply, ops, values);
  });

  app.post('/navigation/add', { config: { access: 'navigation.manage' } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    const values: Record<string, string> = {};
    for (const k of ['kind', 'category', 'tag', 'page', 'author', 'url', 'label', 'nested']) values[k] = echo(fields[k], 600);
    const kind = str(fields.kind);
    if (!kind || !(MENU_KINDS as readonly string[]).includes(kind)) {
      return render(request, reply, menuOf(fields), { values, errors: { kind: 'Choose what the link points at.' } }, 400);
    }
    const link: NewMenuLink = {
      kind: kind as MenuKind,
      target: str(fields[kind]) ?? '',
      label: str(fields.label) ?? '',
      nested: fields.nested === '1',
    };
    return apply(request, reply, [{ op: 'add', link }], values);
  });
}
