/**
 * @module modules/comment/spam
 * The spam score: each signal adds points and records a reason. Pure: the service gathers the
 * signals (counts from the database, lists) and this decides.
 */
import type { CommentSettings } from './comment-settings.js';

export interface SpamSignals {
  honeypotFilled: boolean;
  /** Seconds from the form's issue to the post; undefined when unknown (a shared cached form). */
  fillSeconds: number | undefined;
  recentFromIp: number;
  recentFromEmail: number;
  links: number;
  duplicate: boolean;
  blockedWord?: string;
  blockedEmail: boolean;
  blockedIp: boolean;
  allowed: boolean;
  /** An outside filter's verdict (modules/comment/akismet), when one is configured. */
  external?: 'spam' | 'ham' | 'unavailable';
}

export interface SpamVerdict {
  score: number;
  reasons: string[];
  spam: boolean;
  /** Not spam by score, but not to be published unseen: held for a moderator whatever the policy. */
  hold: boolean;
}

const WEIGHTS = {
  honeypot: 10,
  'too-fast': 5,
  'rate-ip': 5,
  'rate-email': 5,
  links: 3,
  duplicate: 5,
  'blocked-word': 10,
  'blocked-email': 10,
  'blocked-ip': 10,
  akismet: 10,
  'akismet-unavailable': 0,
  'no-fill-time': 0,
} as const;

/**
 * @example spamVerdict({ ...clean, honeypotFilled: true }, settings) // { score: 10, reasons: ['honeypot'], spam: true }
 */
export function spamVerdict(s: SpamSignals, settings: CommentSettings): SpamVerdict {
  const reasons: (keyof typeof WEIGHTS)[] = [];
  if (s.honeypotFilled) reasons.push('honeypot');
  // A bot posting the instant it fetched a cached page shows no fill time at all: held, not scored.
  if (s.fillSeconds === undefined) reasons.push('no-fill-time');
  else if (s.fillSeconds < settings.minFillSeconds) reasons.push('too-fast');
  if (s.recentFromIp >= settings.ratePerIp) reasons.push('rate-ip');
  if (s.recentFromEmail >= settings.ratePerEmail) reasons.push('rate-email');
  if (s.links > settings.maxLinks) reasons.push('links');
  if (s.duplicate) reasons.push('duplicate');
  if (s.blockedWord !== undefined) reasons.push('blocked-word');
  if (s.blockedEmail) reasons.push('blocked-email');
  if (s.blockedIp) reasons.push('blocked-ip');
  if (s.external === 'spam') reasons.push('akismet');
  // Recorded so moderators know the outside check did not run; it never holds a comment back.
  if (s.external === 'unavailable') reasons.push('akismet-unavailable');
  let score = reasons.reduce((n, r) => n + WEIGHTS[r], 0);
  const out: string[] = [...reasons];
  let hold = reasons.includes('no-fill-time');
  // An allow-listed commenter skips everything but the honeypot (a bot on a trusted network).
  if (s.allowed && !s.honeypotFilled) {
    score = 0;
    hold = false;
    out.push('allow-listed');
  }
  return { score, reasons: out, spam: score >= settings.spamThreshold, hold };
}
