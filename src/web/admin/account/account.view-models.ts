/**
 * @module web/admin/account/account.view-models
 * What the login and first-run setup screens render.
 */
import type { AdminLayoutVM, FormVM } from '../shell/view-models.js';

export interface LoginVM {
  layout: AdminLayoutVM;
  csrf: string;
  next?: string;
  form: FormVM;
  /** The whole-form message: wrong password, or "Too many attempts…". */
  problem?: string;
  /** No account exists yet: point to /admin/setup. */
  setupOpen: boolean;
}

export interface SetupVM {
  layout: AdminLayoutVM;
  csrf: string;
  form: FormVM;
}
