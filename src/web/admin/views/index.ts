/**
 * @module web/admin/views
 * Render functions for the admin. Each takes a view-model and returns a complete HTML document.
 */
export { renderLogin, renderSetup } from './login.js';
export { renderDashboard } from './dashboard.js';
export { renderUsers } from './users.js';
export { renderAudit } from './audit.js';
export { renderAdminError } from './error.js';
