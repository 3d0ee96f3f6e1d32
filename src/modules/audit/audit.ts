/**
 * @module modules/audit/audit
 * The audit log: who did what, when, from where. Entries are written in the same transaction as
 * the change they describe, so the log never claims something that was rolled back.
 */
export type AuditAction =
  | 'setup.completed'
  | 'login'
  | 'login.failed'
  | 'logout'
  | 'logout.everywhere'
  | 'sessions.ended'
  | 'user.created'
  | 'user.role_changed'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.password_reset'
  | 'user.password_changed'
  | 'category.created'
  | 'category.updated'
  | 'category.moved'
  | 'category.reordered'
  | 'category.deleted'
  | 'tag.created'
  | 'tag.updated'
  | 'tag.merged'
  | 'tag.deleted'
  | 'comment.replied'
  | 'comment.edited'
  | 'comment.moderated'
  | 'comment_rule.added'
  | 'comment_rule.removed'
  | 'media.uploaded'
  | 'media.updated'
  | 'media.deleted'
  | 'settings.updated'
  | 'banner.set'
  | 'banner.removed'
  | 'menu.updated'
  | 'frontpage.pinned'
  | 'frontpage.unpinned'
  | 'frontpage.changed'
  | 'author.created'
  | 'author.updated'
  | 'author.deleted'
  | 'person.created'
  | 'person.updated'
  | 'person.deleted'
  | 'person.merged'
  | 'person.linked'
  | 'article.trashed'
  | 'article.created'
  | 'article.edited'
  | 'article.submitted'
  | 'article.scheduled'
  | 'article.published'
  | 'article.unpublished'
  | 'article.revision_restored'
  | 'correction.added'
  | 'correction.edited'
  | 'correction.removed'
  | 'article.scheduled_published'
  | 'live.started'
  | 'live.ended'
  | 'live.entry_added'
  | 'live.entry_edited'
  | 'live.entry_deleted'
  | 'article.restored'
  | 'article.missing_images_cleared'
  | 'secrets.ip_key_rotated';

export const AUDIT_LABELS: Readonly<Record<AuditAction, string>> = {
  'setup.completed': 'Completed first-run setup',
  login: 'Logged in',
  'login.failed': 'Failed login',
  logout: 'Logged out',
  'logout.everywhere': 'Logged out everywhere',
  'sessions.ended': 'Ended sessions',
  'user.created': 'Created user',
  'user.role_changed': 'Changed role',
  'user.disabled': 'Disabled user',
  'user.enabled': 'Re-enabled user',
  'user.password_reset': 'Reset password',
  'user.password_changed': 'Changed own password',
  'category.created': 'Created category',
  'category.updated': 'Renamed category',
  'category.moved': 'Moved category',
  'category.reordered': 'Reordered category',
  'category.deleted': 'Deleted category',
  'tag.created': 'Created tag',
  'tag.updated': 'Renamed tag',
  'tag.merged': 'Merged tags',
  'tag.deleted': 'Deleted tag',
  'comment.replied': 'Replied to a comment',
  'comment.edited': 'Edited a comment',
  'comment.moderated': 'Moderated a comment',
  'comment_rule.added': 'Added a comment rule',
  'comment_rule.removed': 'Removed a comment rule',
  'media.uploaded': 'Uploaded an image',
  'media.updated': "Edited an image's texts",
  'media.deleted': 'Deleted an image',
  'settings.updated': 'Changed settings',
  'banner.set': 'Posted a breaking-news banner',
  'banner.removed': 'Removed the breaking-news banner',
  'menu.updated': 'Edited a menu',
  'frontpage.pinned': 'Pinned a story on a front page',
  'frontpage.unpinned': 'Unpinned a story from a front page',
  'frontpage.changed': 'Rearranged a front page',
  'author.created': 'Added a guest author',
  'author.updated': 'Edited an author profile',
  'author.deleted': 'Deleted a guest author',
  'person.created': 'Added a person',
  'person.updated': 'Edited a person',
  'person.deleted': 'Deleted a person',
  'person.merged': 'Merged two people',
  'person.linked': 'Linked an article to the people its captions and quotations name',
  'article.trashed': 'Moved an article to the trash',
  'article.created': 'Created an article',
  'article.edited': 'Edited an article',
  'article.submitted': 'Submitted an article for review',
  'article.scheduled': 'Scheduled an article',
  'article.published': 'Published an article',
  'article.unpublished': 'Unpublished an article',
  'article.revision_restored': 'Brought back an earlier revision',
  'correction.added': 'Added a correction or update',
  'correction.edited': 'Edited a correction or update',
  'correction.removed': 'Removed a correction or update',
  'article.scheduled_published': 'Published a scheduled article at its time',
  'live.started': 'Started live coverage',
  'live.ended': 'Ended live coverage',
  'live.entry_added': 'Added a live entry',
  'live.entry_edited': 'Edited a live entry',
  'live.entry_deleted': 'Deleted a live entry',
  'article.restored': 'Restored an article from the trash',
  'article.missing_images_cleared': 'Cleared the list of images to upload',
  'secrets.ip_key_rotated': 'Rotated the key of commenters’ IP hashes',
};

export interface AuditEntry {
  at: string;
  actorId: number | null;
  actorLabel: string;
  action: AuditAction;
  target?: { type: 'user' | 'article' | 'category' | 'tag' | 'comment' | 'comment_rule' | 'media' | 'author' | 'person'; id: number; label: string };
  /** Short, human-readable; never a secret. */
  detail?: string;
  ip?: string;
}
