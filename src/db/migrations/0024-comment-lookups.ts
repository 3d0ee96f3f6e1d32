/**
 * What posting a comment asks about an article's discussion, answered by an index instead of a
 * walk through every comment of the article (a breaking story gathers thousands): "is this text
 * already there?" looks up the first 64 characters of the body beside the article.
 */
import { sql } from 'kysely';
import type { Migration } from './migration.js';

export const m0024CommentLookups: Migration = {
  name: '0024-comment-lookups',
  async up(db) {
    // An expression index on both databases (a function call needs no extra parentheses on PostgreSQL).
    await sql`create index comments_post_body on comments (post_id, substr(body, 1, 64))`.execute(db);
  },
};
