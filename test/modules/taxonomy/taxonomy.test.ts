import { describe, expect, it } from 'vitest';
import { CategoryTree } from '../../../src/modules/taxonomy/taxonomy.js';
import { cleanDescription, cleanName, cleanSlug } from '../../../src/modules/taxonomy/taxonomy.service.js';

const row = (id: number, parent_id: number | null, slug: string, position = 0) => ({
  id,
  parent_id,
  slug,
  name: slug.toUpperCase(),
  description: '',
  position,
  names: '{}',
});

describe('CategoryTree', () => {
  const tree = new CategoryTree([
    row(1, null, 'world', 0),
    row(2, 1, 'europe', 1),
    row(3, 1, 'americas', 0),
    row(4, 2, 'nordics'),
    row(5, null, 'sport', 1),
    row(6, 99, 'orphan', 2),
  ]);

  it('orders roots and children by position and treats a missing parent as a root', () => {
    expect(tree.roots().map((c) => c.slug)).toEqual(['world', 'sport', 'orphan']);
    expect(tree.childrenOf(1).map((c) => c.slug)).toEqual(['americas', 'europe']);
  });

  it('gives ancestry, paths and subtrees', () => {
    expect(tree.pathOf(4)).toEqual(['world', 'europe', 'nordics']);
    expect(tree.subtreeIds(1).sort()).toEqual([1, 2, 3, 4]);
    expect(tree.findByPath(['world', 'europe'])?.id).toBe(2);
    expect(tree.findByPath(['europe'])).toBeUndefined();
    expect(tree.findByPath(['sport', 'europe'])).toBeUndefined();
  });

  it('survives a cycle in bad data', () => {
    const cyclic = new CategoryTree([row(1, 2, 'a'), row(2, 1, 'b')]);
    expect(cyclic.ancestry(1).length).toBeLessThanOrEqual(2);
    expect(cyclic.subtreeIds(1).length).toBeLessThanOrEqual(2);
  });
});

describe('name and slug rules', () => {
  it('trims names and refuses empty, blank, over-long or non-string ones', () => {
    expect(cleanName('CATEGORY', '  World  ')).toBe('World');
    for (const bad of ['', '   ', 'x'.repeat(201), undefined, ['a'], 42]) expect(() => cleanName('TAG', bad)).toThrow(/1 to 200 characters/);
  });

  it('makes a slug from the name when none is typed, and never rewrites a typed one silently', () => {
    expect(cleanSlug('CATEGORY', '', 'Arts & Culture')).toBe('arts-culture');
    expect(cleanSlug('CATEGORY', ' News ', 'x')).toBe('news');
    expect(cleanSlug('TAG', 'خبر', 'x')).toBe('خبر');
    for (const bad of ['a/b', '..', '../x', 'a.b', 'with space', '-x', '%2e'])
      expect(() => cleanSlug('TAG', bad, 'x'), bad).toThrow(/letters, digits and hyphens/);
    expect(() => cleanSlug('TAG', '', '!!!')).toThrow(/No slug can be made/);
  });

  it('limits descriptions to 2,000 characters', () => {
    expect(cleanDescription('CATEGORY', undefined)).toBe('');
    expect(() => cleanDescription('CATEGORY', 'd'.repeat(2001))).toThrow(/2,000/);
  });
});
