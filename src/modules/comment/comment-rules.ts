/**
 * @module modules/comment/comment-rules
 * The block and allow lists, managed by editors: words (block only), email addresses and IP
 * hashes, each with a note saying why. Changes are audit-logged in the same transaction.
 */
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../user/user.js';
import { CommentError, isEmail } from './comment.js';
import * as repo from './comment.repository.js';

export type RuleKind = 'word' | 'email' | 'ip_hash';
export type RuleList = 'block' | 'allow';

export interface RuleInput {
  kind: string;
  list: string;
  value: string;
  note: string;
}

const CONTROL = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/**
 * Checks a rule as typed; throws CommentError (400) saying what is wrong.
 * @example validateRule({ kind: 'email', list: 'block', value: ' Spam@X.com ', note: '' }) // { kind: 'email', list: 'block', value: 'spam@x.com', note: '' }
 */
export function validateRule(r: RuleInput): { kind: RuleKind; list: RuleList; value: string; note: string } {
  if (r.kind !== 'word' && r.kind !== 'email' && r.kind !== 'ip_hash')
    throw new CommentError('COMMENT_INVALID', 'Choose words, an email address or an IP hash.');
  if (r.list !== 'block' && r.list !== 'allow') throw new CommentError('COMMENT_INVALID', 'Choose the block list or the allow list.');
  if (r.kind === 'word' && r.list === 'allow')
    throw new CommentError('COMMENT_INVALID', 'Words can only be blocked; allow an email address or an IP hash instead.');
  const value = r.value.trim().replace(/\s+/g, ' ');
  const note = r.note.trim().replace(/\s+/g, ' ');
  if (value === '') throw new CommentError('COMMENT_INVALID', 'Give the word, email address or IP hash.');
  if (CONTROL.test(value) || CONTROL.test(note)) throw new CommentError('COMMENT_INVALID', 'Rules and notes cannot contain control characters.');
  if (note.length > 500) throw new CommentError('COMMENT_INVALID', 'Notes can be at most 500 characters.');
  if (r.kind === 'word' && (value.length < 2 || value.length > 100))
    throw new CommentError('COMMENT_INVALID', 'A blocked word or phrase has 2 to 100 characters.');
  if (r.kind === 'email' && (value.length > 320 || !isEmail(value.toLowerCase())))
    throw new CommentError('COMMENT_INVALID', 'That email address does not look right.');
  if (r.kind === 'ip_hash' && !/^[0-9a-f]{64}$/.test(value.toLowerCase()))
    throw new CommentError('COMMENT_INVALID', 'An IP hash is 64 hexadecimal characters (copy it from the queue).');
  return { kind: r.kind, list: r.list, value: r.kind === 'word' ? value : value.toLowerCase(), note };
}

const label = (r: { kind: string; list: string; value: string }): string => `${r.list} ${r.kind.replace('_', ' ')} "${r.value.slice(0, 80)}"`;

/** Adds a rule (a repeat is not an error: false says it was there already). */
export async function addCommentRule(db: Db, input: RuleInput, actor: Actor, now: Date): Promise<boolean> {
  const r = validateRule(input);
  return db.transaction().execute(async (trx) => {
    const added = await repo.addRule(trx, r.kind, r.list, r.value, now.toISOString(), r.note);
    if (added) {
      await recordAudit(trx, {
        at: now.toISOString(),
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'comment_rule.added',
        ip: actor.ip,
        detail: `${label(r)}${r.note ? ` (${r.note})` : ''}`.slice(0, 500),
      });
    }
    return added;
  });
}

export async function removeCommentRule(db: Db, id: number, actor: Actor, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const gone = await repo.removeRule(trx, id);
    if (!gone) throw new CommentError('COMMENT_NOT_FOUND', 'There is no such rule.');
    await recordAudit(trx, {
      at: now.toISOString(),
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'comment_rule.removed',
      ip: actor.ip,
      detail: label(gone),
    });
  });
}

export const listCommentRules = (db: Db) => repo.listRules(db);
