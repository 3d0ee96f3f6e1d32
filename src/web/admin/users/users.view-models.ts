/**
 * @module web/admin/users/users.view-models
 * What the users screen renders.
 */
import type { AdminLayoutVM, FormVM } from '../shell/view-models.js';

export interface UserItemVM {
  id: number;
  name: string;
  email: string;
  role: string;
  roleLabel: string;
  status: 'active' | 'disabled';
  sessions: number;
  lastLogin?: { iso: string; label: string };
  isSelf: boolean;
}

export interface UsersVM {
  layout: AdminLayoutVM;
  csrf: string;
  users: UserItemVM[];
  roles: { value: string; label: string; description: string }[];
  create: FormVM;
}
