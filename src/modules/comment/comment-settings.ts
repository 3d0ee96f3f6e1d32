/**
 * @module modules/comment/comment-settings
 * The site's comment policy, kept in the `settings` table under `comments.*` keys; defaults here.
 */
import type { Db } from '../../db/database.js';

export type ModerationPolicy = 'hold_all' | 'hold_first' | 'auto';

export interface CommentSettings {
  moderation: ModerationPolicy;
  /** Email field required (it is never shown either way). */
  requireEmail: boolean;
  maxLength: number;
  /** Close comments this many days after publication; 0: never. */
  closeAfterDays: number;
  /** A form sent back sooner than this was filled by a machine. */
  minFillSeconds: number;
  /** More links than this add to the spam score. */
  maxLinks: number;
  /** Comments per IP hash / per email in `rateWindowMinutes` before the rate limit counts. */
  ratePerIp: number;
  ratePerEmail: number;
  rateWindowMinutes: number;
  /** A spam score at or above this marks the comment as spam. */
  spamThreshold: number;
  /** Top-level comments (threads) per comment page. */
  perPage: number;
}

export const DEFAULT_COMMENT_SETTINGS: Readonly<CommentSettings> = Object.freeze({
  moderation: 'hold_first',
  requireEmail: false,
  maxLength: 10_000,
  closeAfterDays: 0,
  minFillSeconds: 3,
  maxLinks: 2,
  ratePerIp: 5,
  ratePerEmail: 5,
  rateWindowMinutes: 10,
  spamThreshold: 5,
  perPage: 100,
});

const KEYS: Record<keyof CommentSettings, string> = {
  moderation: 'comments.moderation',
  requireEmail: 'comments.require_email',
  maxLength: 'comments.max_length',
  closeAfterDays: 'comments.close_after_days',
  minFillSeconds: 'comments.min_fill_seconds',
  maxLinks: 'comments.max_links',
  ratePerIp: 'comments.rate_per_ip',
  ratePerEmail: 'comments.rate_per_email',
  rateWindowMinutes: 'comments.rate_window_minutes',
  spamThreshold: 'comments.spam_threshold',
  perPage: 'comments.per_page',
};

function parse(key: keyof CommentSettings, raw: string): CommentSettings[typeof key] | undefined {
  if (key === 'moderation') return raw === 'hold_all' || raw === 'hold_first' || raw === 'auto' ? raw : undefined;
  if (key === 'requireEmail') return raw === '1' || raw === 'true';
  const n = Number(raw);
  if (key === 'perPage') return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : undefined;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The comment settings: stored values over the defaults (one query). */
export async function loadCommentSettings(db: Db): Promise<CommentSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'comments.%').execute();
  const out: Record<string, unknown> = { ...DEFAULT_COMMENT_SETTINGS };
  for (const [name, key] of Object.entries(KEYS) as [keyof CommentSettings, string][]) {
    const row = rows.find((r) => r.key === key);
    const v = row ? parse(name, row.value) : undefined;
    if (v !== undefined) out[name] = v;
  }
  return out as unknown as CommentSettings;
}

/** Stores some settings (upsert on both dialects). */
export async function saveCommentSettings(db: Db, patch: Partial<CommentSettings>): Promise<void> {
  for (const [name, value] of Object.entries(patch) as [keyof CommentSettings, unknown][]) {
    const v = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    await db.insertInto('settings').values({ key: KEYS[name], value: v })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: v })).execute();
  }
}
