/**
 * Comments, the rest of issue #4: a note on each block/allow rule (why it is there), and a flag
 * that a reply's email to the parent commenter went out (sent once, whenever the reply is approved).
 */
import type { Migration } from './migration.js';

export const m0013CommentExtras: Migration = {
  name: '0013-comment-extras',
  async up(db) {
    await db.schema
      .alterTable('comment_rules')
      .addColumn('note', 'varchar(500)', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('comments')
      .addColumn('reply_notified', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
