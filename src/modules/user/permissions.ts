/**
 * @module modules/user/permissions
 * Who may do what, as data. Every admin route and API call asks `can(role, action, resource)`;
 * the HTTP layer turns a refusal into a 403. Adding a capability means adding one row here.
 *
 * Actions ending in `.own` apply to a resource the user owns (their own article); when a resource
 * is passed, they are granted only if `resource.own` is true. The matching `.any` action covers
 * everybody's resources.
 */
import { AppError } from '../../lib/errors.js';
import type { UserRole } from '../../db/schema.js';

export type Role = UserRole;

/** Strongest first; the order the admin lists them in. */
export const ROLES: readonly Role[] = ['owner', 'editor', 'author', 'contributor'];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  owner: 'Owner',
  editor: 'Editor',
  author: 'Author',
  contributor: 'Contributor',
};

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  owner: 'Everything, including site settings and user accounts.',
  editor: 'Publishes and edits any article and static page, manages categories and tags, moderates comments.',
  author: 'Writes, edits and publishes their own articles and uploads images.',
  contributor: 'Writes drafts and submits them for review; cannot publish or upload.',
};

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Every action the server checks, with the roles that hold it. */
export const PERMISSIONS = {
  'admin.access': { roles: ['owner', 'editor', 'author', 'contributor'], label: 'use the newsroom admin' },
  'users.manage': { roles: ['owner'], label: 'manage user accounts' },
  'settings.manage': { roles: ['owner'], label: 'change site settings' },
  'audit.view': { roles: ['owner'], label: 'view the audit log' },
  'taxonomy.manage': { roles: ['owner', 'editor'], label: 'manage categories and tags' },
  'comments.moderate': { roles: ['owner', 'editor'], label: 'moderate comments' },
  'authors.manage': { roles: ['owner', 'editor'], label: 'edit every author profile and manage guest authors' },
  'people.manage': { roles: ['owner', 'editor'], label: 'edit, merge and delete the people in the news' },
  'people.create': { roles: ['owner', 'editor', 'author', 'contributor'], label: 'add a person in the news while writing' },
  'frontpage.manage': { roles: ['owner', 'editor'], label: 'curate the front pages and the breaking-news banner' },
  'navigation.manage': { roles: ['owner', 'editor'], label: 'edit the primary and footer menus' },
  'pages.manage': { roles: ['owner', 'editor'], label: 'create, edit, publish and delete static pages' },
  'media.library': { roles: ['owner', 'editor', 'author', 'contributor'], label: 'browse the media library' },
  'media.upload': { roles: ['owner', 'editor', 'author'], label: 'upload images and edit their alt text, caption and credit' },
  'media.delete': { roles: ['owner', 'editor'], label: 'delete images from the media library' },
  'post.create': { roles: ['owner', 'editor', 'author', 'contributor'], label: 'write articles' },
  'post.submit.own': { roles: ['owner', 'editor', 'author', 'contributor'], label: 'submit their articles for review' },
  'post.edit.own': { roles: ['owner', 'editor', 'author', 'contributor'], label: 'edit their own articles' },
  'post.edit.any': { roles: ['owner', 'editor'], label: 'edit any article' },
  'post.publish.own': { roles: ['owner', 'editor', 'author'], label: 'publish their own articles' },
  'post.publish.any': { roles: ['owner', 'editor'], label: 'publish any article' },
  'post.delete.own': { roles: ['owner', 'editor', 'author'], label: 'delete their own articles' },
  'post.delete.any': { roles: ['owner', 'editor'], label: 'delete any article' },
} as const satisfies Record<string, { roles: readonly Role[]; label: string }>;

export type Action = keyof typeof PERMISSIONS;

export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** What an action is applied to; `own` is true when the acting user owns (wrote) it. */
export interface Resource {
  own: boolean;
}

/**
 * True when `role` may perform `action` (on `resource`, for `.own` actions).
 * @example can('author', 'post.publish.own', { own: true })  // true
 * @example can('author', 'post.publish.own', { own: false }) // false
 * @example can('contributor', 'media.upload')                 // false
 */
export function can(role: Role, action: Action, resource?: Resource): boolean {
  // Own properties only: 'constructor' or '__proto__' are not actions.
  if (!Object.hasOwn(PERMISSIONS, action)) return false;
  const rule: { roles: readonly Role[] } = PERMISSIONS[action];
  if (!rule.roles.includes(role)) return false;
  if (action.endsWith('.own') && resource !== undefined && !resource.own) return false;
  return true;
}

/**
 * For a verb with an `.own` and an `.any` form: may this role do it to this resource?
 * @example canOn('editor', 'post.edit', { own: false }) // true (post.edit.any)
 */
export function canOn(role: Role, verb: 'post.edit' | 'post.publish' | 'post.delete', resource: Resource): boolean {
  return can(role, `${verb}.any`) || can(role, `${verb}.own`, resource);
}

/** The actions a role holds, for display. */
export const actionsOf = (role: Role): Action[] => ACTIONS.filter((a) => can(role, a));

/** The sentence a refused action shows: "Your role (Author) does not allow you to publish any article." */
export const forbiddenMessage = (action: Action, role: Role): string => `Your role (${ROLE_LABELS[role]}) does not allow you to ${PERMISSIONS[action].label}.`;

/** A use case refused because the acting user's role does not hold `action` (HTTP 403). */
export class PermissionError extends AppError<'FORBIDDEN'> {
  constructor(
    public readonly action: Action,
    role: Role,
  ) {
    super('FORBIDDEN', forbiddenMessage(action, role));
  }
}
