/**
 * @module web/site/views
 * Render functions for the public site. Each takes a view-model and returns a complete HTML
 * document (starting with `<!doctype html>`); none touches the database.
 */
export { renderHome } from './home.js';
export { renderArticle, renderArticleAround, renderCommentsForm, renderCommentsThread, renderLiveEntries } from './article.js';
export { renderArchive } from './archive.js';
export { renderBareError, renderError } from './error.js';
export { renderSearch } from './search.js';
export { renderPeopleIndex } from './people.js';
