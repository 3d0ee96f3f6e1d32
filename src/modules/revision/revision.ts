/**
 * @module modules/revision/revision
 * A revision: an article as it was saved, enough to restore it.
 */
export interface RevisionFields {
  slug: string;
  language: string;
  primaryCategoryId: number | null;
  categoryIds: number[];
  tagIds: number[];
  authorIds: number[];
  featuredMediaId: number | null;
  seoTitle: string;
  seoDescription: string;
  commentStatus: 'open' | 'closed';
}

/** Who saved it, for the list. */
export interface RevisionActor {
  id: number | null;
  label: string;
}
