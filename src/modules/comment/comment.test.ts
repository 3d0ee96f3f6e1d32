import { describe, expect, it } from 'vitest';
import { countLinks, renderCommentMarkdown } from './comment-html.js';
import { validateComment } from './comment.js';
import { DEFAULT_COMMENT_SETTINGS } from './comment-settings.js';
import { issueFormToken, readFormToken } from './form-token.js';
import { spamVerdict, type SpamSignals } from './spam.js';
import { placeComment, replyParent } from './thread.js';

const clean: SpamSignals = { honeypotFilled: false, fillSeconds: 60, recentFromIp: 0, recentFromEmail: 0, links: 0, duplicate: false, blockedEmail: false, blockedIp: false, allowed: false };

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
    expect(spamVerdict(clean, s)).toEqual({ score: 0, reasons: [], spam: false });
    expect(spamVerdict({ ...clean, links: 3 }, s)).toEqual({ score: 3, reasons: ['links'], spam: false });
    expect(spamVerdict({ ...clean, fillSeconds: 1, duplicate: true }, s)).toEqual({ score: 10, reasons: ['too-fast', 'duplicate'], spam: true });
    expect(spamVerdict({ ...clean, blockedWord: 'casino' }, s).reasons).toEqual(['blocked-word']);
  });
  it('an allow list clears everything but the honeypot', () => {
    expect(spamVerdict({ ...clean, duplicate: true, allowed: true }, s)).toEqual({ score: 0, reasons: ['duplicate', 'allow-listed'], spam: false });
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
    expect(() => validateComment({ name: 'A', email: '', body: 'x' }, { ...o, requireEmail: true })).toThrow(expect.objectContaining({ code: 'COMMENT_INVALID' }));
  });
  it('signs and checks the form token', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const tok = issueFormToken('secret', 12, now);
    expect(readFormToken('secret', tok)).toEqual({ postId: 12, issuedAt: now });
    expect(readFormToken('other', tok)).toBeUndefined();
    expect(readFormToken('secret', tok.replace(/^12\./, '13.'))).toBeUndefined();
  });
});
