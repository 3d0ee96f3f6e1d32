import { describe, expect, it } from 'vitest';
import { ACTIONS, can, canOn, ROLES, type Action, type Role } from '../../../src/modules/user/permissions.js';

/** The whole matrix, written out: a change to the permission table must change this too. */
const EXPECTED: Record<Role, Action[]> = {
  owner: [...ACTIONS],
  editor: [
    'admin.access',
    'taxonomy.manage',
    'comments.moderate',
    'authors.manage',
    'people.manage',
    'people.create',
    'frontpage.manage',
    'navigation.manage',
    'pages.manage',
    'media.library',
    'media.upload',
    'media.delete',
    'post.create',
    'post.submit.own',
    'post.edit.own',
    'post.edit.any',
    'post.publish.own',
    'post.publish.any',
    'post.delete.own',
    'post.delete.any',
  ],
  author: [
    'admin.access',
    'people.create',
    'media.library',
    'media.upload',
    'post.create',
    'post.submit.own',
    'post.edit.own',
    'post.publish.own',
    'post.delete.own',
  ],
  contributor: ['admin.access', 'people.create', 'media.library', 'post.create', 'post.submit.own', 'post.edit.own'],
};

describe('permissions', () => {
  for (const role of ROLES) {
    it(`${role} holds exactly its actions`, () => {
      expect(ACTIONS.filter((a) => can(role, a)).sort()).toEqual([...EXPECTED[role]].sort());
    });
  }

  it('only owners manage users and settings and see the audit log', () => {
    for (const a of ['users.manage', 'settings.manage', 'audit.view'] as const) {
      expect(ROLES.filter((r) => can(r, a))).toEqual(['owner']);
    }
  });

  it('contributors can neither publish nor upload', () => {
    expect(can('contributor', 'post.publish.own', { own: true })).toBe(false);
    expect(can('contributor', 'media.upload')).toBe(false);
    expect(can('contributor', 'post.edit.own', { own: true })).toBe(true);
  });

  it(".own actions need the resource to be the user's own; .any covers everybody's", () => {
    expect(can('author', 'post.publish.own', { own: true })).toBe(true);
    expect(can('author', 'post.publish.own', { own: false })).toBe(false);
    expect(canOn('author', 'post.edit', { own: false })).toBe(false);
    expect(canOn('author', 'post.edit', { own: true })).toBe(true);
    expect(canOn('editor', 'post.publish', { own: false })).toBe(true);
    expect(canOn('contributor', 'post.delete', { own: true })).toBe(false);
  });

  it('refuses unknown roles and actions', () => {
    expect(can('owner', 'nuke.everything' as Action)).toBe(false);
    expect(can('admin' as Role, 'admin.access')).toBe(false);
    expect(can('__proto__' as Role, 'admin.access')).toBe(false);
    expect(can('owner', 'constructor' as Action)).toBe(false);
  });
});
