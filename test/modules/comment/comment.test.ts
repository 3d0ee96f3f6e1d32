import { describe, expect, it } from 'vitest';
import { countLinks, renderCommentMarkdown } from '../../../src/modules/comment/comment-html.js';
import { validateComment } from '../../../src/modules/comment/comment.js';
import { DEFAULT_COMMENT_SETTINGS } from '../../../src/modules/comment/comment-settings.js';
import { issueFormToken, readFormToken } from '../../../src/modules/comment/form-token.js';
import { spamVerdict, type SpamSignals } from '../../../src/modules/comment/spam.js';
import { commentPagePath, paginateThread, pageOfThread, placeComment, replyParent } from '../../../src/modules/comment/thread.js';
import { validateRule } from '../../../src/modules/comment/comment-rules.js';

const clean: SpamSignals = {
  honeypotFilled: false,
  fillSeconds: 60,
  recentFromIp: 0,
  recentFromEmail: 0,
  links: 0,
  duplicate: false,
  blockedEmail: false,
  blockedIp: false,
  allowed: false,
};

describe('comment Markdown-lite', () => {
  it('keeps emphasis, links, quotes and code; shows HTML as text; links get nofollow ugc noopener', () => {
    expect(renderCommentMarkdown('*a* **b** `c`\n\n> q')).toBe('<p><em>a</em> <strong>b</strong> <code>c</code></p>\n<blockquote>\n<p>q</p>\n</blockquote>');
    expect(renderCommentMarkdown('<b>x</b>')).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
    expect(renderCommentMarkdown('[a](https://example.org)')).toBe('<p><a href="https://example.org" rel="nofollow ugc noopener">a</a></p>');
    expect(renderCommentMarkdown('[a](javascript:alert(1)) ![i](https://x.example/i.png) # h')).not.toMatch(/href="javascript|<img|<h1/);
    expect(renderCommentMarkdown('[rel](/relative)')).toBe('<p><a rel="nofollow ugc noopener">rel</a></p>');
    expect(countLinks('https://a.example and [b](https://b.example)')).toBe(2);
  });
});

describe('threading', () => {
  it('places replies under their parent, and at most five levels deep', () => {
    expect(placeComment(7, undefined)).toEqual({ path: '0000000007', depth: 0 });
    expect(placeComment(9, { id: 7, path: '0000000007', depth: 0 })).toEqual({ path: '0000000007/0000000009', depth: 1 });
    const deepest = { id: 5, path: '0000000001/0000000002/0000000003/0000000004/0000000005', depth: 4 };
    expect(replyParent(deepest)).toEqual({ id: 4, path: '0000000001/0000000002/0000000003/0000000004', depth: 3 });
    expect(placeComment(6, replyParent(deepest)).depth).toBe(4);
  });
});

describe('spam verdict', () => {
  const s = DEFAULT_COMMENT_SETTINGS;
  it('adds a score and a reason per signal', () => {
    expect(spamVerdict(clean, s)).toEqual({ score: 0, reasons: [], spam: false, hold: false });
    expect(spamVerdict({ ...clean, links: 3 }, s)).toEqual({ score: 3, reasons: ['links'], spam: false, hold: false });
    expect(spamVerdict({ ...clean, fillSeconds: 1, duplicate: true }, s)).toEqual({ score: 10, reasons: ['too-fast', 'duplicate'], spam: true, hold: false });
    // No fill time (a cached page's shared token): held, not scored; the allow list still clears it.
    expect(spamVerdict({ ...clean, fillSeconds: undefined }, s)).toEqual({ score: 0, reasons: ['no-fill-time'], spam: false, hold: true });
    expect(spamVerdict({ ...clean, fillSeconds: undefined, allowed: true }, s)).toEqual({
      score: 0,
      reasons: ['no-fill-time', 'allow-listed'],
      spam: false,
      hold: false,
    });
    expect(spamVerdict({ ...clean, blockedWord: 'casino' }, s).reasons).toEqual(['blocked-word']);
  });
  it('an allow list clears everything but the honeypot', () => {
    expect(spamVerdict({ ...clean, duplicate: true, allowed: true }, s)).toEqual({
      score: 0,
      reasons: ['duplicate', 'allow-listed'],
      spam: false,
      hold: false,
    });
    expect(spamVerdict({ ...clean, honeypotFilled: true, allowed: true }, s).spam).toBe(true);
  });
});

describe('validation and form tokens', () => {
  it('checks the fields', () => {
    const o = { maxLength: 10, requireEmail: false };
    expect(validateComment({ name: ' Ana  B ', email: 'A@Example.com', body: ' hi\r\n' }, o)).toEqual({ name: 'Ana B', email: 'a@example.com', body: 'hi' });
    expect(() => validateComment({ name: 'A', email: '', body: 'x'.repeat(11) }, o)).toThrow(expect.objectContaining({ code: 'COMMENT_TOO_LONG' }));
    expect(() => validateComment({ name: 'A\u202E', email: '', body: 'x' }, o)).toThrow(expect.objectContaining({ code: 'COMMENT_INVALID' }));
    expect(() => validateComment({ name: 'A', email: '', body: 'x\uD800' }, o)).toThrow(expect.objectContaining({ code: 'COMMENT_INVALID_UTF8' }));
    expect(() => validateComment({ name: 'A', email: '', body: 'x' }, { ...o, requireEmail: true })).toThrow(
      expect.objectContaining({ code: 'COMMENT_INVALID' }),
    );
  });
  it('signs and checks the form token', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const tok = issueFormToken('secret', 12, now);
    expect(readFormToken('secret', tok)).toEqual({ postId: 12, issuedAt: now, shared: false });
    expect(readFormToken('other', tok)).toBeUndefined();
    expect(readFormToken('secret', tok.replace(/^12\./, '13.'))).toBeUndefined();
    // A cached page's token says so, and that cannot be taken off without breaking the signature.
    const shared = issueFormToken('secret', 12, now, true);
    expect(readFormToken('secret', shared)).toEqual({ postId: 12, issuedAt: now, shared: true });
    expect(readFormToken('secret', shared.replace(/^(12\.\d+)s\./, '$1.'))).toBeUndefined();
  });
});

describe('comment pages', () => {
  const flat = (spec: [number, string][]) => spec.map(([rootId, status], i) => ({ id: i + 1, rootId, status }));
  it('splits approved threads by perPage; a held-only thread goes with the approved thread before it', () => {
    const list = flat([
      [1, 'approved'],
      [1, 'approved'],
      [2, 'approved'],
      [3, 'pending'],
      [4, 'approved'],
      [5, 'approved'],
    ]);
    expect(paginateThread(list, 1, 2).items.map((c) => c.rootId)).toEqual([1, 1, 2, 3]);
    expect(paginateThread(list, 2, 2)).toEqual({ items: list.filter((c) => c.rootId >= 4), totalPages: 2 });
    expect(paginateThread(list, 3, 2).items).toEqual([]);
    expect(paginateThread([], 1, 100)).toEqual({ items: [], totalPages: 1 });
    // The same rule the database query uses.
    expect(pageOfThread(2, false, 2)).toBe(1);
    expect(pageOfThread(2, true, 2)).toBe(2);
    expect(pageOfThread(0, false, 2)).toBe(1);
    expect(commentPagePath('/a/', 1)).toBe('/a/');
    expect(commentPagePath('/a/', 3)).toBe('/a/comment-page-3/');
  });
});

describe('block and allow rules', () => {
  it('normalises good rules and refuses bad ones', () => {
    expect(validateRule({ kind: 'email', list: 'block', value: ' Spam@X.com ', note: ' why  not ' })).toEqual({
      kind: 'email',
      list: 'block',
      value: 'spam@x.com',
      note: 'why not',
    });
    expect(validateRule({ kind: 'word', list: 'block', value: 'Free  Money', note: '' }).value).toBe('Free Money');
    expect(() => validateRule({ kind: 'word', list: 'allow', value: 'ok', note: '' })).toThrow(expect.objectContaining({ code: 'COMMENT_INVALID' }));
    expect(() => validateRule({ kind: 'ip_hash', list: 'block', value: '10.0.0.1', note: '' })).toThrow(/64 hexadecimal/);
  });
  it('an outside verdict adds to the score; an outage only leaves a reason', () => {
    expect(spamVerdict({ ...clean, external: 'spam' }, DEFAULT_COMMENT_SETTINGS)).toEqual({ score: 10, reasons: ['akismet'], spam: true, hold: false });
    expect(spamVerdict({ ...clean, external: 'unavailable' }, DEFAULT_COMMENT_SETTINGS)).toEqual({
      score: 0,
      reasons: ['akismet-unavailable'],
      spam: false,
      hold: false,
    });
    expect(spamVerdict({ ...clean, external: 'ham' }, DEFAULT_COMMENT_SETTINGS).reasons).toEqual([]);
  });
});
