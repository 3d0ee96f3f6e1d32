/**
 * @module modules/person/person-suggest
 * Finding the people an imported site already names. Nothing in a WordPress export says who a
 * person is, but newsrooms write them the same way everywhere: a photo caption "Maria Lind,
 * harbour master" and a quotation's citation "Maria Lind". This module reads article documents
 * (no database) and returns the names that look like people, with the role written beside them;
 * `person-suggest.service` counts them across the site and, when asked, creates the people and
 * attributes the captions and quotations to them.
 *
 * What counts as a name (`readMention`):
 * - captions "Name, role", "Name ; role" (any semicolon) and "Name — role" / "Name – role" (a
 *   dash with spaces). Not "Name (role)": in captions, brackets hold a year, a place or "left";
 * - citations: the whole citation ("Mark Twain"), or its "Name, role" form; a leading dash goes;
 * - a title before the name ("Dr", "Prof.", "Sir") is left out of it;
 * - 2–5 words, at least two of them starting with a capital (any script with case, \p{Lu}),
 *   the others particles ("de", "van", "bin", "al-", "d’"); no digits, no all-capital words
 *   ("BBC"), no title-case function words ("Bank Of England"), not opening with "The", "Photo"…,
 *   not ending in a full stop (a sentence); a role needs a letter ("View, 2019" is not a role);
 * - a name in lower case ("maria lind, harbour master") counts only for a name found elsewhere
 *   with its capitals (same `nameKey`);
 * - scripts without capitals (Arabic, Persian, Urdu…): 2–5 words of that script before an Arabic
 *   comma "،" and a role ("محمد رضا شجریان، خواننده"); without the comma we cannot tell a name
 *   from a phrase, so nothing is suggested;
 * - credits are not people shown: "Photo: Lena Park" is skipped, a trailing "Photo: …" is cut
 *   from a role, and the names in the site's photo credits are never suggested.
 * Captions and citations are also read inside imported HTML blocks (`<figcaption>`, `<cite>`) and
 * WordPress `[caption]` shortcodes left in the text.
 */
import { flatBlocks, type ArticleDocument, type Block, type Figure } from '../article/document.js';
import { nameKey } from './person.js';

export type MentionSource = 'caption' | 'citation';

/** A name found in one caption or citation. */
export interface Mention {
  name: string;
  key: string;
  /** What is written beside the name ("harbour master"); empty for a bare citation. */
  role: string;
  source: MentionSource;
  /** Written with its capitals (false: all lower case, counted only for a name found capitalised elsewhere). */
  shaped: boolean;
  /** Inside an HTML block or a shortcode: the article can be linked, the words not attributed. */
  inHtml: boolean;
}

/** What a caption's figure shows when its own caption is empty: the media library's caption and credit. */
export type MediaText = (mediaId: number) => { caption: string; credit: string } | undefined;

const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'der',
  'den',
  'des',
  'du',
  'la',
  'le',
  'van',
  'von',
  'ter',
  'ten',
  'zu',
  'y',
  'e',
  'bin',
  'binti',
  'bint',
  'ibn',
  'ben',
  'bat',
  'al',
  'el',
  'abu',
]);
const HYPHEN_PARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ibn|abu|abd)-(?=\p{Lu})/u;
const APOSTROPHE_PARTICLE = /^(?:d|l|o)['’](?=\p{Lu})/u;
/** Title-case words that make a phrase, not a name ("Bank Of England", "Sunrise Over The Coast"). */
const FUNCTION_WORDS = new Set(['and', 'or', 'of', 'the', 'in', 'on', 'at', 'for', 'with', 'from', 'to', 'by', 'over', 'under', 'near', 'after', 'before']);
/** First words that open a description or a credit, not a name. */
const OPENERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'our',
  'my',
  'your',
  'his',
  'her',
  'its',
  'their',
  'photo',
  'photograph',
  'picture',
  'image',
  'view',
  'left',
  'right',
  'above',
  'below',
  'top',
  'bottom',
  'from',
  'credit',
  'courtesy',
  'file',
  'archive',
]);
const CREDIT_WORDS = '(?:photo(?:graph)?|picture|image|credit|foto|courtesy)s?';
/** A credit opening the text: "Photo: Lena Park", "Photograph by Lena Park". */
const CREDIT_START = new RegExp(String.raw`^${CREDIT_WORDS}\b\s*(?:by\b|:)`, 'iu');
/** A credit closing a role: "harbour master. Photo: Lena Park", "(Photo by Lena Park)". */
const CREDIT_END = new RegExp(String.raw`[\s.(\[|/]*\b${CREDIT_WORDS}\b\s*(?:by\b|:)[\s\S]*$`, 'iu');
const SEPARATOR = /\s*(?:,|;|،|\s[—–]\s)\s*/u;
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;
const INITIAL = /^\p{Lu}\.$/u;
const LOWER = /^\p{Ll}[\p{Ll}\p{M}'’-]*$/u;
const CASELESS = /^[\p{Lo}\p{M}\u200c\u200d]+$/u;
/** Titles before a name: "Dr", "Prof.", "Sir"… */
const TITLE = /^(?:(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame|lord|lady|rev|fr)\.?\s+)+(?=\S)/iu;
const MAX_NAME = 100;
const MAX_ROLE = 200;

/** A name's words checked: 'shaped' (capitals), 'lower' (all lower case), 'caseless' (a script without case), or null. */
function nameShape(name: string): 'shaped' | 'lower' | 'caseless' | null {
  if (!name || name.length > MAX_NAME || /\p{N}/u.test(name)) return null;
  const words = name.split(/\s+/u);
  if (words.length < 2 || words.length > 5) return null;
  if (words.every((w) => CASELESS.test(w))) return 'caseless';
  if (OPENERS.has(words[0]!.toLowerCase()) || words.at(-1)!.endsWith('.')) return null;
  if (words.every((w) => LOWER.test(w)) && !words.some((w) => FUNCTION_WORDS.has(w))) return 'lower';
  let capitals = 0;
  for (const w of words) {
    const core = w.replace(HYPHEN_PARTICLE, '').replace(APOSTROPHE_PARTICLE, '');
    if (core === w && PARTICLES.has(w)) continue;
    if (INITIAL.test(w)) {
      capitals++;
      continue;
    }
    if (!CAPITALISED.test(core) || FUNCTION_WORDS.has(core.toLowerCase())) return null;
    // All capitals of two letters or more is an acronym ("BBC", "CA"), not a name.
    const letters = core.replace(/[^\p{L}]/gu, '');
    if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return null;
    capitals++;
  }
  return capitals >= 2 && !PARTICLES.has(words[0]!) ? 'shaped' : null;
}

/** The role as it is worth keeping: the credit and anything after the first sentence cut off. */
function cleanRole(raw: string): string {
  const role = raw
    .replace(CREDIT_END, '')
    .split(/[.!?](?:\s|$)/u)[0]!
    .replace(/[\s,;:،—–-]+$/u, '')
    .trim();
  return role.length <= MAX_ROLE && /\p{L}/u.test(role) ? role : '';
}

/**
 * The name (and role) a caption or a citation gives, or null when it does not name a person.
 * @example readMention('Maria Lind, harbour master', 'caption') // { name: 'Maria Lind', role: 'harbour master', … }
 * @example readMention('View from the bridge, 2019', 'caption') // null
 */
export function readMention(text: string, source: MentionSource, inHtml = false): Mention | null {
  let t = text.replace(/\s+/gu, ' ').trim();
  if (source === 'citation') t = t.replace(/^[—–~-]+\s*/u, '');
  if (!t || CREDIT_START.test(t)) return null;
  const sep = SEPARATOR.exec(t);
  // A title is not part of the name People keeps ("Dr Leila Arman" is Leila Arman; the caption keeps it).
  const name = (sep ? t.slice(0, sep.index) : t).trim().replace(TITLE, '');
  // A caption names someone beside what it says about them; a citation may be the name alone.
  if (!sep && source === 'caption') return null;
  const role = sep ? cleanRole(t.slice(sep.index + sep[0].length)) : '';
  if (sep && source === 'caption' && !role) return null;
  const shape = nameShape(name);
  if (!shape) return null;
  if (shape === 'caseless' && (!sep?.[0].includes('،') || !role)) return null;
  if (shape === 'lower' && sep?.[0].includes('،')) return null;
  const key = nameKey(name);
  if (!key) return null;
  return { name, key, role, source, shaped: shape !== 'lower', inHtml };
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', rsquo: '’' };

/** The text of a piece of HTML: tags out, character references decoded. */
function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref.toLowerCase()] ?? m;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Captions and citations in HTML (an imported block) or in WordPress `[caption]` shortcodes. */
function htmlTexts(html: string): { text: string; source: MentionSource }[] {
  const out: { text: string; source: MentionSource }[] = [];
  for (const m of html.matchAll(/<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/gi)) out.push({ text: htmlText(m[1]!), source: 'caption' });
  for (const m of html.matchAll(/<cite\b[^>]*>([\s\S]*?)<\/cite>/gi)) out.push({ text: htmlText(m[1]!), source: 'citation' });
  for (const m of html.matchAll(/\[caption\b([^\]]*)\]([\s\S]*?)\[\/caption\]/gi)) {
    const attr = /\bcaption=(?:"([^"]*)"|'([^']*)')/i.exec(m[1]!);
    const inner = m[2]!.replace(/<img\b[^>]*>/gi, '').replace(/<a\b[^>]*>\s*<\/a>/gi, '');
    out.push({ text: htmlText(attr ? (attr[1] ?? attr[2] ?? '') : inner), source: 'caption' });
  }
  return out;
}

const blockText = (b: Block): string =>
  b.type === 'paragraph' || b.type === 'heading' ? (b.content ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('') : '';

/** What a figure's caption shows: its own caption, else the library's. */
export const figureCaption = (attrs: { mediaId: number; caption?: string }, media?: MediaText): string =>
  attrs.caption || media?.(attrs.mediaId)?.caption || '';

/**
 * Every name a document's captions and citations give, in document order.
 * @example mentionsIn(doc(figure({ mediaId: 1, caption: 'Maria Lind, harbour master' })))[0].name // 'Maria Lind'
 */
export function mentionsIn(doc: ArticleDocument, media?: MediaText): Mention[] {
  const out: Mention[] = [];
  const add = (m: Mention | null): void => {
    if (m) out.push(m);
  };
  for (const b of flatBlocks(doc)) {
    if (b.type === 'figure') add(readMention(figureCaption(b.attrs, media), 'caption'));
    else if (b.type === 'blockquote' && b.attrs?.citation) add(readMention(b.attrs.citation, 'citation'));
    else if (b.type === 'html') for (const x of htmlTexts(b.attrs.html)) add(readMention(x.text, x.source, true));
    else if (b.type === 'paragraph' && blockText(b).includes('[caption')) for (const x of htmlTexts(blockText(b))) add(readMention(x.text, x.source, true));
  }
  return out;
}

/**
 * The folded names of the photographers a document credits ("Photo: Lena Park" in a caption, a
 * figure's credit, the library's): they took the photo, they are not in it.
 */
export function creditKeysIn(doc: ArticleDocument, media?: MediaText): string[] {
  const out: string[] = [];
  const fromCredit = (credit: string): void => {
    const bare = credit.replace(new RegExp(String.raw`^.*?\b${CREDIT_WORDS}\b\s*(?:by\b|:)`, 'iu'), '');
    for (const part of bare.split(/[/|,;()]|\s[—–-]\s/u)) {
      const key = nameKey(part);
      if (key.includes(' ')) out.push(key);
    }
  };
  const fromCaption = (caption: string): void => {
    const m = new RegExp(String.raw`\b${CREDIT_WORDS}\b\s*(?:by\b|:)[\s\S]*$`, 'iu').exec(caption);
    if (m) fromCredit(m[0]);
  };
  for (const b of flatBlocks(doc)) {
    if (b.type === 'figure') {
      const credit = b.attrs.credit || media?.(b.attrs.mediaId)?.credit || '';
      if (credit) fromCredit(credit);
      fromCaption(figureCaption(b.attrs, media));
    } else if (b.type === 'html') for (const x of htmlTexts(b.attrs.html)) if (x.source === 'caption') fromCaption(x.text);
  }
  return out;
}

/** A person the site's articles name, as the command lists them. */
export interface Candidate {
  name: string;
  key: string;
  /** The role written most often beside the name (empty when only bare citations name them). */
  role: string;
  /** Distinct articles naming them. */
  articles: number;
  postIds: number[];
  captions: number;
  citations: number;
}

const mostCommon = (counts: Map<string, number>): string => {
  let best = '';
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
};

/**
 * The candidates of a set of articles: names grouped by `nameKey` (so "Maria Lind", "María Lind"
 * and "maria lind" are one), the spelling and role written most often, minus photo credits;
 * sorted by the number of articles, then by name.
 */
export function candidatesOf(articles: readonly { postId: number; mentions: readonly Mention[] }[], creditKeys: ReadonlySet<string> = new Set()): Candidate[] {
  const shaped = new Set<string>();
  for (const a of articles) for (const m of a.mentions) if (m.shaped) shaped.add(m.key);
  const by = new Map<string, { names: Map<string, number>; roles: Map<string, number>; posts: Set<number>; captions: number; citations: number }>();
  for (const a of articles)
    for (const m of a.mentions) {
      if (!shaped.has(m.key) || creditKeys.has(m.key)) continue;
      const c = by.get(m.key) ?? { names: new Map<string, number>(), roles: new Map<string, number>(), posts: new Set<number>(), captions: 0, citations: 0 };
      by.set(m.key, c);
      if (m.shaped) c.names.set(m.name, (c.names.get(m.name) ?? 0) + 1);
      if (m.role) c.roles.set(m.role, (c.roles.get(m.role) ?? 0) + 1);
      c.posts.add(a.postId);
      if (m.source === 'caption') c.captions++;
      else c.citations++;
    }
  return [...by]
    .map(([key, c]) => ({
      name: mostCommon(c.names),
      key,
      role: mostCommon(c.roles),
      articles: c.posts.size,
      postIds: [...c.posts].sort((x, y) => x - y),
      captions: c.captions,
      citations: c.citations,
    }))
    .sort((x, y) => y.articles - x.articles || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/**
 * The document with its captions and citations attributed to the people in `people` (folded name
 * → person id): a figure or quotation already attributed to someone keeps its person. Also which
 * people it names only inside HTML (they can be linked, not attributed).
 */
export function attributeMentions(
  doc: ArticleDocument,
  people: ReadonlyMap<string, number>,
  media?: MediaText,
): { doc: ArticleDocument; attributed: Map<number, number>; htmlOnly: Set<number> } {
  const attributed = new Map<number, number>();
  const htmlOnly = new Set<number>();
  const count = (id: number): void => {
    attributed.set(id, (attributed.get(id) ?? 0) + 1);
  };
  const figure = (b: Figure): Figure => {
    const m = readMention(figureCaption(b.attrs, media), 'caption');
    const id = m ? people.get(m.key) : undefined;
    if (id === undefined || b.attrs.personId !== undefined) return b;
    count(id);
    return { ...b, attrs: { ...b.attrs, personId: id } };
  };
  const content = (Array.isArray(doc?.content) ? doc.content : []).map((b): Block => {
    if (b.type === 'figure') return figure(b);
    if (b.type === 'gallery') return { ...b, content: b.content.map(figure) };
    if (b.type === 'blockquote' && b.attrs?.citation) {
      const m = readMention(b.attrs.citation, 'citation');
      const id = m ? people.get(m.key) : undefined;
      if (id === undefined) return b;
      if (b.attrs.personId === undefined) {
        count(id);
        return { ...b, attrs: { ...b.attrs, personId: id } };
      }
      return b;
    }
    if (b.type === 'html' || b.type === 'paragraph')
      for (const m of mentionsIn({ type: 'doc', content: [b] })) {
        const id = people.get(m.key);
        if (id !== undefined) htmlOnly.add(id);
      }
    return b;
  });
  return { doc: attributed.size ? { ...doc, content } : doc, attributed, htmlOnly };
}
