/**
 * @module web/admin/articles/editable
 * The article of a `/admin/articles/:id/…` route: routes declare `EDIT_ARTICLE`, the admin plugin
 * loads the article and checks the user may edit it before the handler runs (404 / 403 otherwise,
 * see shell/access), and the handler takes it with `editableOf(request)`.
 */
export { editableOf, type Editable } from '../shell/access.js';

/** Route options of a route on one article that the user must be able to edit. */
export const EDIT_ARTICLE = { config: { access: { article: 'edit' } } } as const;

/** Route options of a route on one static page (pages.manage, and the id is a page's). */
export const EDIT_PAGE = { config: { access: { page: 'edit' } } } as const;
