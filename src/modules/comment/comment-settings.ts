/**
 * @module modules/comment/comment-settings
 * The site's comment policy, kept in the `settings` table under `comments.*` keys; defaults here.
 */
import type { Db } from '../../db/database.js';
import { versioned } from '../../db/data-versions.js';
import { recordAudit } from '../audit/audit.repository.js';
import { settingsLike, upsertSetting } from '../content/settings.repository.js';
import type { Actor } from '../user/user.js';

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

/**
 * The comment settings: stored values over the defaults, kept in memory and checked against the
 * `settings` change counter (db/data-versions).
 */
export const loadCommentSettings: (db: Db) => Promise<CommentSettings> = versioned('settings', readCommentSettings);

async function readCommentSettings(db: Db): Promise<CommentSettings> {
  const rows = await settingsLike(db, 'comments.%');
  const out: Record<string, unknown> = { ...DEFAULT_COMMENT_SETTINGS };
  for (const [name, key] of Object.entries(KEYS) as [keyof CommentSettings, string][]) {
    const row = rows.find((r) => r.key === key);
    const v = row ? parse(name, row.value) : undefined;
    if (v !== undefined) out[name] = v;
  }
  return Object.freeze(out) as unknown as CommentSettings;
}

/** Stores some settings (upsert on both dialects; pass a transaction to store them together). */
export async function saveCommentSettings(db: Db, patch: Partial<CommentSettings>): Promise<void> {
  for (const [name, value] of Object.entries(patch) as [keyof CommentSettings, unknown][]) {
    const v = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    await upsertSetting(db, KEYS[name], v);
  }
}

/** Stores the whole policy with its audit entry, in one transaction. */
export async function updateCommentSettings(db: Db, next: CommentSettings, actor: Actor, now: Date): Promise<void> {
  const before = await loadCommentSettings(db);
  const changed = (Object.keys(next) as (keyof CommentSettings)[]).filter((k) => before[k] !== next[k]);
  await db.transaction().execute(async (trx) => {
    await saveCommentSettings(trx, next);
    await recordAudit(trx, {
      at: now.toISOString(),
      actorId: actor.id,
      actorLabel: actor.label,
      ip: actor.ip,
      action: 'settings.updated',
      detail: changed.length ? `Comments: ${changed.join(', ')}` : 'Comments: no change',
    });
  });
}

/** What each number may be, for the settings form (the defaults sit inside every range). */
export const COMMENT_SETTING_RANGES: Readonly<Record<Exclude<keyof CommentSettings, 'moderation' | 'requireEmail'>, readonly [number, number]>> = {
  maxLength: [100, 100_000],
  closeAfterDays: [0, 3650],
  minFillSeconds: [0, 600],
  maxLinks: [0, 100],
  ratePerIp: [1, 1000],
  ratePerEmail: [1, 1000],
  rateWindowMinutes: [1, 1440],
  spamThreshold: [1, 100],
  perPage: [10, 1000],
};

/**
 * Checks a submitted settings form (strings, as posted). Every field is required except the
 * checkbox; errors are per field, and nothing is returned to save unless all are valid.
 */
export function parseCommentSettingsForm(form: Record<string, string | undefined>): {
  settings?: CommentSettings;
  errors: Partial<Record<keyof CommentSettings, string>>;
} {
  const errors: Partial<Record<keyof CommentSettings, string>> = {};
  const moderation = form.moderation;
  if (moderation !== 'hold_all' && moderation !== 'hold_first' && moderation !== 'auto') errors.moderation = 'Choose how new comments are moderated.';
  const out: Record<string, unknown> = { moderation, requireEmail: form.requireEmail === '1' };
  for (const [name, [min, max]] of Object.entries(COMMENT_SETTING_RANGES)) {
    const raw = (form[name] ?? '').trim();
    const n = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= min && n <= max)) errors[name as keyof CommentSettings] = `Enter a whole number from ${min} to ${max}.`;
    else out[name] = n;
  }
  return Object.keys(errors).length ? { errors } : { settings: out as unknown as CommentSettings, errors };
}
