/**
 * Full-text search: posts get the plain text of their body, and the dialect builds its index
 * (FTS5 on SQLite, a generated tsvector with GIN on PostgreSQL).
 */
import type { Migration } from './migration.js';

/** Tags out, entities decoded enough for indexing (the index never shows this text as HTML). */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

export const m0002Search: Migration = {
  name: '0002-search',
  async up(db, d) {
    await db.schema
      .alterTable('posts')
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    // Backfill existing posts in batches (a fresh database has none).
    let last = 0;
    for (;;) {
      const rows: { id: number; body_html: string }[] = await db
        .selectFrom('posts')
        .select(['id', 'body_html'])
        .where('id', '>', last)
        .orderBy('id')
        .limit(500)
        .execute();
      if (rows.length === 0) break;
      for (const r of rows)
        await db
          .updateTable('posts')
          .set({ search_text: textOf(r.body_html) })
          .where('id', '=', r.id)
          .execute();
      last = rows[rows.length - 1]!.id;
    }
    await d.fullText.createIndex(db);
  },
};
