import { describe, expect, it } from 'vitest';
import { CategoryTree } from './taxonomy.js';

const row = (id: number, parent_id: number | null, slug: string, position = 0) => ({ id, parent_id, slug, name: slug.toUpperCase(), description: '', position });

describe('CategoryTree', () => {
  const tree = new CategoryTree([row(1, null, 'world', 0), row(2, 1, 'europe', 1), row(3, 1, 'americas', 0), row(4, 2, 'nordics'), row(5, null, 'sport', 1), row(6, 99, 'orphan', 2)]);

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
