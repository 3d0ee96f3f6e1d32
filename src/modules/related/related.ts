/**
 * @module modules/related/related
 * Which words describe an article best, and how candidates are scored. Pure functions.
 */

const STOPWORDS = new Set([
  // English
  'a',
  'about',
  'after',
  'again',
  'against',
  'all',
  'also',
  'am',
  'an',
  'and',
  'any',
  'are',
  'as',
  'at',
  'be',
  'because',
  'been',
  'before',
  'being',
  'between',
  'both',
  'but',
  'by',
  'can',
  'could',
  'did',
  'do',
  'does',
  'doing',
  'down',
  'during',
  'each',
  'few',
  'for',
  'from',
  'further',
  'had',
  'has',
  'have',
  'having',
  'he',
  'her',
  'here',
  'hers',
  'him',
  'his',
  'how',
  'i',
  'if',
  'in',
  'into',
  'is',
  'it',
  'its',
  'just',
  'last',
  'more',
  'most',
  'much',
  'my',
  'new',
  'no',
  'nor',
  'not',
  'now',
  'of',
  'off',
  'on',
  'once',
  'one',
  'only',
  'or',
  'other',
  'our',
  'out',
  'over',
  'own',
  'said',
  'same',
  'says',
  'she',
  'should',
  'since',
  'so',
  'some',
  'such',
  'than',
  'that',
  'the',
  'their',
  'them',
  'then',
  'there',
  'these',
  'they',
  'this',
  'those',
  'through',
  'to',
  'too',
  'two',
  'under',
  'until',
  'up',
  'very',
  'was',
  'we',
  'were',
  'what',
  'when',
  'where',
  'which',
  'while',
  'who',
  'whom',
  'why',
  'will',
  'with',
  'would',
  'year',
  'years',
  'you',
  'your',
  'first',
  'three',
  'still',
  'many',
  'may',
  'might',
  'must',
  'week',
  'like',
  'even',
  'there',
  'into',
  // Persian
  'و',
  'در',
  'به',
  'از',
  'که',
  'این',
  'را',
  'با',
  'است',
  'برای',
  'آن',
  'یک',
  'خود',
  'تا',
  'کرد',
  'بر',
  'هم',
  'نیز',
  'گفت',
  'می',
  'شد',
  'شده',
  'وی',
  'ما',
  'او',
  'اما',
  'یا',
  'هر',
  'ای',
  'ی',
  'پس',
  'اند',
  'بود',
  'دارد',
  'باید',
  'کند',
  'شود',
  'های',
  'ها',
  // Albanian
  'dhe',
  'në',
  'të',
  'e',
  'i',
  'që',
  'për',
  'me',
  'një',
  'nga',
  'është',
  'se',
  'nuk',
  'ka',
  'si',
  'u',
  'do',
  'po',
  'por',
  'më',
  'ai',
  'ajo',
  'ky',
  'kjo',
  'janë',
  'edhe',
  'tha',
  'mbi',
  'pas',
  'deri',
]);

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * The article's most telling words: frequency in title (×3), standfirst and tags (×2) and body,
 * stopwords and very short words left out. The index's own IDF (BM25 / ts_rank) then favours the
 * rarer ones among them when candidates are ranked.
 */
export function keyTerms(parts: { title: string; excerpt: string; body: string; tags: string[] }, max = 10): string[] {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const m of text
      .toLowerCase()
      .replace(/\u200c/g, ' ')
      .matchAll(WORD)) {
      const w = m[0];
      if (w.length < 3 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + weight);
    }
  };
  add(parts.title, 3);
  add(parts.excerpt, 2);
  add(parts.tags.join(' '), 2);
  add(parts.body, 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([w]) => w);
}

export interface Candidate {
  id: number;
  /** Text similarity from the index, any positive scale. */
  textScore: number;
  sharedCategories: number;
  sharedTags: number;
  /** How many of the article's leading key terms the candidate's headline or standfirst has. */
  sharedTerms: number;
  publishedAt: string;
}

/** The article's leading key terms (the first of keyTerms) a candidate must share without a common section or tag. */
export const LEADING_TERMS = 5;

/** How many of `terms` the text has as whole words (case and script aside). */
export function termsIn(text: string, terms: readonly string[]): number {
  const words = new Set(
    [
      ...text
        .toLowerCase()
        .replace(/\u200c/g, ' ')
        .matchAll(WORD),
    ].map((m) => m[0]),
  );
  return terms.filter((t) => words.has(t)).length;
}

/**
 * A candidate is related enough to be offered when it shares a section or a tag with the article,
 * or its headline or standfirst has one of the article's leading terms: a recipe that only shares
 * the word "water" with a harbour story somewhere in its body is not, even on a small site where
 * it is among the few text matches. Fewer than three related articles is better than a wrong one.
 */
export const relatedEnough = (c: Candidate): boolean => c.sharedCategories > 0 || c.sharedTags > 0 || c.sharedTerms > 0;

/**
 * Text similarity (normalised to the best candidate) boosted by shared categories and tags, and
 * lightly by recency.
 */
export function scoreCandidates(candidates: Candidate[], now: Date): { id: number; score: number }[] {
  const best = Math.max(...candidates.map((c) => c.textScore), 1e-9);
  return candidates
    .filter(relatedEnough)
    .map((c) => {
      const days = Math.max(0, (now.getTime() - Date.parse(c.publishedAt)) / 86_400_000);
      const score = c.textScore / best + 0.35 * Math.min(c.sharedCategories, 2) + 0.2 * Math.min(c.sharedTags, 3) + 0.1 * Math.exp(-days / 120);
      return { id: c.id, score };
    })
    .sort((a, b) => b.score - a.score || b.id - a.id);
}
