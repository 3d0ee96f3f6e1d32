/**
 * The article document as textarea text (modules/article/document-text): every document reads
 * back as itself (the demo newsroom, a WordPress theme-test import, and documents made to trip
 * Markdown up), and malformed text is a DocumentError that names the line.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWordPress } from '../../../src/import/wordpress/import-wordpress.js';
import { articles, pages } from '../../../src/demo/corpus.js';
import {
  a,
  b,
  doc,
  figure,
  gallery,
  h,
  hr,
  i,
  p,
  pullQuote,
  quote,
  quoteCard,
  text,
  type ArticleDocument,
  type Block,
} from '../../../src/modules/article/document.js';
import { checkDocument, DocumentError } from '../../../src/modules/article/document-input.js';
import { bodyFromText, documentFromText, documentToText, normalizeDocument } from '../../../src/modules/article/document-text.js';
import { freshDb, type TestDb } from '../../helpers/db.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/wxr/themeunittestdata.wordpress.xml');

/** The text, and the document read back from it, which must equal the (normalised) original. */
function roundTrip(d: ArticleDocument): string {
  const t = documentToText(d);
  expect(documentFromText(t), t).toEqual(normalizeDocument(checkDocument(d)));
  return t;
}

const code = (t: string) => text(t, [{ type: 'code' }]);
const br = { type: 'hardBreak' } as const;

describe('document as text', () => {
  it('every demo article and page reads back as itself', () => {
    for (const x of [...articles, ...pages]) {
      let n = 0;
      roundTrip(typeof x.body === 'function' ? x.body(() => ++n) : x.body);
    }
  });

  it('text that looks like Markdown stays text', () => {
    const tricky: Block[] = [
      p('# not a heading'),
      p('> not a quotation'),
      p('- not a list'),
      p('+ nor this'),
      p('1. not numbered'),
      p('2) nor this'),
      p('***'),
      p('---'),
      p('==='),
      p('~~~'),
      p('```'),
      p('    four spaces in front'),
      p('two spaces at the end  '),
      p('*stars*, _underscores_, snake_case_word, `ticks`, [brackets](/x), <https://auto.link>, \\backslash\\'),
      p('&amp; &#32; &copy; are written, not entities; a & b stays'),
      p('Line one', br, br, 'after an empty line'),
      p('Ends with a hash #'),
      h(2, 'Heading ending in ##'),
      p('[figure image=3]'),
      p('[social-post author="x"]'),
      p('[html]'),
      p('— a dash at the start of a paragraph'),
      quote('— A quotation that starts with a dash'),
      { type: 'blockquote', content: [p('First.'), p('— Second, not a citation.')] },
    ];
    const t = roundTrip(doc(...tricky));
    expect(t).toContain('\\# not a heading');
    expect(t).toContain('snake_case_word');
  });

  it('marks, nested and neighbouring, and links with odd addresses', () => {
    roundTrip(
      doc(
        p(
          b('bold'),
          i('italic'),
          ' ',
          text('both', [{ type: 'bold' }, { type: 'italic' }]),
          ' ',
          code('a `tick` inside'),
          ' ',
          code('`'),
          ' ',
          code(' spaced '),
        ),
        p(
          a('a link', 'https://example.org/a b(c)'),
          ' ',
          text('bold link', [{ type: 'link', attrs: { href: '/x' } }, { type: 'bold' }]),
          a('neighbour', '/y'),
          '.',
        ),
        p(text(' bold with spaces ', [{ type: 'bold' }]), 'after'),
        p(a('mail', 'mailto:desk@example.org'), ' ', a('anchor', '#notes')),
      ),
    );
  });

  it('lists: several in a row stay apart, items with several paragraphs stay whole', () => {
    const item = (...ps: Block[]) => ({ type: 'listItem' as const, content: ps as never });
    roundTrip(
      doc(
        { type: 'bulletList', content: [item(p('one')), item(p('two'))] },
        { type: 'bulletList', content: [item(p('three'))] },
        { type: 'orderedList', content: [item(p('first'), p('more about it')), item(p('second', br, 'line'))] },
        { type: 'orderedList', content: [item(p('again'))] },
        { type: 'bulletList', content: [item(p('1. numbered-looking'))] },
        hr(),
      ),
    );
  });

  it('figures, quoted posts and HTML blocks keep every field, quotation marks and newlines included', () => {
    const t = roundTrip(
      doc(
        figure({ mediaId: 7, alt: 'A "quoted" \\ alt', caption: 'Line\nbreak, role]', credit: '© Agency', align: 'right' }),
        figure({ mediaId: 8, alt: '', caption: '', credit: '', align: 'center' }),
        quoteCard({
          author: 'Ana [Berg]',
          handle: '@ana',
          date: '2026-11-02T09:30:00.000Z',
          text: '  Indented.\n\n**not bold**\n[/html]',
          url: 'https://social.example/1',
          network: 'Bluesky',
        }),
        { type: 'html', attrs: { html: '<table>\n<tr><td>1</td></tr>\n\n</table>' } },
        quote('Said.', 'Maria Lind, *harbour* master'),
      ),
    );
    expect(t).toContain('[figure image=8]');
    expect(t).toContain('[figure image=7 align="right" alt="A \\"quoted\\" \\\\ alt" caption="Line\\nbreak, role]" credit="© Agency"]');
  });

  it('a gallery is its [figure] lines between [gallery] lines, columns and caption kept; a placed width is kept', () => {
    const t = roundTrip(
      doc(
        p('Before.'),
        gallery(
          4,
          [
            figure({ mediaId: 7, alt: 'Quay', caption: 'The "east" quay', credit: 'Ana', align: 'center' }),
            figure({ mediaId: 8, alt: '', caption: '', credit: '', align: 'center', personId: 3 }),
          ],
          'The harbour [/gallery] in pictures',
        ),
        figure({ mediaId: 9, alt: 'Thumb', align: 'right', width: 150 }),
      ),
    );
    expect(t).toContain(
      '[gallery columns=4 caption="The harbour [/gallery] in pictures"]\n[figure image=7 alt="Quay" caption="The \\"east\\" quay" credit="Ana"]\n[figure image=8 person=3]\n[/gallery]',
    );
    expect(t).toContain('[figure image=9 align="right" alt="Thumb" width=150]');
    // Typed by hand: blank lines inside are fine, three columns by default.
    expect(documentFromText('[gallery]\n\n[figure image=1]\n\n[/gallery]')).toEqual(
      doc(gallery(3, [figure({ mediaId: 1, alt: '', caption: '', credit: '', align: 'center' })])),
    );
  });

  it('![alt](media:N "caption") alone on its line is a figure of that image; inside a paragraph it is an error that says so', () => {
    expect(documentFromText('Before.\n\n![The east quay](media:49 "Ana Berg, photographer")\n\nAfter.')).toEqual(
      doc(p('Before.'), figure({ mediaId: 49, alt: 'The east quay', caption: 'Ana Berg, photographer', credit: '', align: 'center' }), p('After.')),
    );
    expect(documentFromText('![](media:7)').content[0]).toMatchObject({ type: 'figure', attrs: { mediaId: 7 } });
    // Not the media library's: the words stay, as for any other image address.
    expect(documentFromText('![A chart](https://example.org/chart.png)').content[0]?.type).toBe('paragraph');
    expect(() => documentFromText('See ![this](media:7) here.')).toThrow(/goes on a line of its own/);
  });

  it('a pull quote is a quotation between [pull-quote] lines and reads back as a pull quote, a quotation beside it as a quotation', () => {
    const t = roundTrip(
      doc(
        p('Before.'),
        pullQuote('We will not leave the harbour.', 'Maria Lind'),
        quote('A long quotation. It has several sentences.', 'Someone'),
        pullQuote('[/pull-quote] inside the words'),
        { type: 'blockquote', attrs: { kind: 'pull' }, content: [p('Two'), p('paragraphs')] },
      ),
    );
    expect(t).toContain('[pull-quote]\n> We will not leave the harbour.\n> — Maria Lind\n[/pull-quote]\n\n> A long quotation.');
    // The editor's JSON: a kind other than "pull" is refused, an empty one means a quotation.
    const said = [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }];
    expect(() => checkDocument({ type: 'doc', content: [{ type: 'blockquote', attrs: { kind: '<script>' }, content: said }] })).toThrow(/kind must be "pull"/);
    expect(checkDocument({ type: 'doc', content: [{ type: 'blockquote', attrs: { kind: null }, content: said }] })).toEqual(doc(quote('x')));
    // Typed by hand, with the citation on the last line.
    expect(documentFromText('[pull-quote]\n> Words.\n> — Her\n[/pull-quote]')).toEqual(doc(pullQuote('Words.', 'Her')));
  });

  it('malformed lines are errors that name the line', () => {
    const cases: [string, RegExp][] = [
      ['Intro.\n\n[figure image=x]', /Line 3: .*could not be read/],
      ['[figure caption="a"]', /Line 1: a \[figure\] needs image=N/],
      ['[figure image=1 size="big"]', /Line 1: \[figure\] has no field "size"/],
      ['[figure image=1 alt="\\x"]', /Line 1: the alt of \[figure\] could not be read/],
      ['\n[social-post author="a"]\ntext', /Line 2: the \[social-post\] opened here has no \[\/social-post\] line/],
      ['[social-post handle="@a"]\ntext\n[/social-post]', /author is missing/],
      ['[html]\n<b>x</b>', /no \[\/html\] line/],
      ['[a](javascript:alert(1))', /must start with https:\/\//],
      ['[figure image=1 align="diagonal"]', /alignment must be/],
      ['Intro.\n\n[pull-quote]\n> Words.', /Line 3: the \[pull-quote\] opened here has no \[\/pull-quote\] line/],
      ['[pull-quote]\nNot a quotation.\n[/pull-quote]', /Line 1: a \[pull-quote\] holds one quotation/],
      ['[pull-quote]\n> One.\n\nTwo.\n[/pull-quote]', /Line 1: a \[pull-quote\] holds one quotation/],
      ['x'.repeat(500_001), /longer than 500,000/],
      ['[gallery columns=3]\n[figure image=1]', /Line 1: the \[gallery\] opened here has no \[\/gallery\] line/],
      ['[gallery]\n[figure image=1]\nA paragraph.\n[/gallery]', /Line 3: a \[gallery\] holds only \[figure …\] lines/],
      ['[gallery]\n[/gallery]', /A gallery is empty/],
      ['[gallery columns=9]\n[figure image=1]\n[/gallery]', /columns must be a whole number from 1 to 8/],
      ['[gallery columns="<script>"]\n[figure image=1]\n[/gallery]', /columns must be a whole number/],
      ['[gallery rows=2]\n[figure image=1]\n[/gallery]', /\[gallery\] has no field "rows"/],
      ['[figure image=1 width=5]', /width must be a whole number of pixels from 16/],
    ];
    for (const [t, message] of cases) expect(() => documentFromText(t), t.slice(0, 40)).toThrow(message);
    expect(() => documentFromText('[figure image=1 size="big"]')).toThrow(DocumentError);
  });

  it('an unchanged text keeps the original document byte for byte, an edited one is read', () => {
    const original = doc(p('Ends with a break', br), p('Two'));
    const json = JSON.stringify(original);
    const t = documentToText(original);
    expect(bodyFromText(t.replace(/\n/g, '\r\n'), json)).toEqual(original);
    expect(bodyFromText(`${t}\n\nThree`, json)).toEqual(doc(p('Ends with a break'), p('Two'), p('Three')));
    expect(bodyFromText(t, '{not json')).toEqual(doc(p('Ends with a break'), p('Two')));
  });
});

describe('imported WordPress posts as text', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb('sqlite');
    await importWordPress(t.handle.db, {
      file: FIXTURE,
      mediaRoot: path.join(t.dataDir, 'media'),
      ipHashKey: Buffer.alloc(32, 1),
      now: new Date('2026-11-20T12:00:00Z'),
      related: false,
    });
  });
  afterAll(() => t?.cleanup());

  it('every imported post and page reads back as itself', async () => {
    const rows = await t.handle.db.selectFrom('posts').select(['slug', 'body_doc']).execute();
    expect(rows.length).toBeGreaterThan(20);
    const kinds = new Set<string>();
    for (const r of rows) {
      const d = JSON.parse(r.body_doc) as ArticleDocument;
      for (const x of d.content) kinds.add(x.type);
      roundTrip(d);
    }
    expect([...kinds]).toEqual(
      expect.arrayContaining(['paragraph', 'heading', 'blockquote', 'quoteCard', 'horizontalRule', 'bulletList', 'orderedList', 'html']),
    );
  });
});
