/**
 * Content conversion: shortcodes, block-editor blocks and classic HTML → document blocks.
 */
import { describe, expect, it } from 'vitest';
import { autop, convertContent, type ConvertContext } from '../../src/import/wordpress/convert.js';
import { renderDocument } from '../../src/modules/article/render.js';

const ctx = (over: Partial<ConvertContext> = {}): ConvertContext => ({
  attachment: (id) =>
    id === 12
      ? { src: '/media/wp/2020/01/harbour.jpg', alt: 'Harbour', caption: 'The harbour', mediaId: 5 }
      : id === 13
        ? { src: 'https://old.example/wp-content/uploads/x.jpg', alt: 'X', caption: '' }
        : undefined,
  imageByUrl: (url) => (url.includes('harbour') ? { src: '/media/wp/2020/01/harbour.jpg', alt: 'Harbour', caption: 'The harbour', mediaId: 5 } : undefined),
  childAttachments: [12],
  date: '2020-01-01T00:00:00.000Z',
  ...over,
});

describe('convertContent', () => {
  it('classic content: paragraphs, line breaks, marks, links, headings and lists', () => {
    const { doc } = convertContent(
      'First <strong>bold</strong> line\nsecond line\n\n<h1>Title</h1>\n<ul><li>a</li><li><a href="https://x.example">b</a></li></ul>',
      ctx(),
    );
    expect(doc.content.map((b) => b.type)).toEqual(['paragraph', 'heading', 'bulletList']);
    expect(doc.content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'First ' },
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' line' },
        { type: 'hardBreak' },
        { type: 'text', text: 'second line' },
      ],
    });
    expect(doc.content[1]).toMatchObject({ type: 'heading', attrs: { level: 2 } });
  });

  it('[caption] becomes a figure with its caption and alignment; an image we do not have is left out and listed, never kept as a remote reference', () => {
    const r = convertContent(
      '[caption id="attachment_12" align="alignleft" width="300"]<a href="x"><img class="wp-image-12" src="https://old.example/harbour-300x200.jpg" alt="Cranes" /></a> Cranes at <em>dawn</em>[/caption]\n\n[caption id="attachment_99" align="alignright"]<img src="https://elsewhere.example/y.jpg" alt="Y"> Y caption[/caption]\n\nText with <img src="https://tracker.example/pixel.gif" width="1" height="1"> a pixel.\n\n<table><tr><td><img src="/wp-content/uploads/z.png" alt="Zed"></td><td>Cell</td></tr></table>\n\n[gallery ids="12,13"]',
      ctx(),
    );
    expect(r.doc.content[0]).toEqual({ type: 'figure', attrs: { mediaId: 5, alt: 'Cranes', caption: 'Cranes at dawn', align: 'left' } });
    expect(r.missingImages).toEqual([
      { url: 'https://elsewhere.example/y.jpg', alt: 'Y', caption: 'Y caption' },
      { url: 'https://tracker.example/pixel.gif', alt: '', caption: '' },
      { url: '/wp-content/uploads/z.png', alt: 'Zed', caption: '' },
      { url: 'https://old.example/wp-content/uploads/x.jpg', alt: 'X', caption: '' },
    ]);
    const json = JSON.stringify(r.doc);
    expect(json).not.toMatch(/elsewhere\.example|tracker\.example|old\.example|wp-content|broadsheet-missing-image|Y caption/);
    expect(json).toContain('a pixel.');
    expect(json).toContain('Cell');
    const html = renderDocument(r.doc, { media: new Map(), lang: 'en' });
    expect(html).not.toMatch(/<img[^>]+src="(https?:)?\/\//);
  });

  it('[gallery] becomes one gallery in its columns; unknown shortcodes are listed, kept for the editor and hidden from readers', () => {
    const r = convertContent('[gallery columns="3"]\n\nHello [pullquote]x[/pullquote] and [[escaped]]', ctx());
    expect(r.doc.content[0]).toEqual({
      type: 'gallery',
      attrs: { columns: 3 },
      content: [{ type: 'figure', attrs: { mediaId: 5, alt: 'Harbour', caption: 'The harbour', align: 'center' } }],
    });
    expect(r.unknownShortcodes).toEqual(['pullquote']);
    expect(r.hiddenShortcodes).toEqual(['pullquote']);
    // The stored document keeps the shortcode's text for an editor; readers see what it enclosed.
    const stored = JSON.stringify(r.doc);
    expect(stored).toContain('[pullquote]');
    expect(stored).toContain('[/pullquote]');
    const html = renderDocument(r.doc, { media: new Map(), lang: 'en' });
    expect(html).not.toContain('[pullquote]');
    expect(html).not.toContain('[/pullquote]');
    expect(html).toContain('Hello x and [[escaped]]');
  });

  it('a plugin shortcode with attributes or a closing tag is hidden; a bare bracketed word ("[sic]") an editor wrote stays', () => {
    const r = convertContent('<p>He said it [sic] twice.</p>\n\n<p>Vote: [poll id="3" style=wide] and [contact-form-7 id="9" title="Contact"]</p>', ctx());
    expect(r.unknownShortcodes.sort()).toEqual(['contact-form-7', 'poll', 'sic']);
    expect(r.hiddenShortcodes.sort()).toEqual(['contact-form-7', 'poll']);
    const html = renderDocument(r.doc, { media: new Map(), lang: 'en' });
    expect(html).toContain('He said it [sic] twice.');
    expect(html).not.toMatch(/\[poll|contact-form-7/);
    expect(JSON.stringify(r.doc)).toContain('<span class=\\"shortcode\\">[poll id=&quot;3&quot; style=wide]</span>');
  });

  it('block-editor footnotes become numbered links to a list of notes at the footnotes block, each linking back', () => {
    const content = [
      '<!-- wp:paragraph -->\n<p>The bridge opened in 1911<sup data-fn="a1b2" class="fn"><a href="#a1b2" id="a1b2-link">1</a></sup> and closed in 2019<sup data-fn="c3d4" class="fn"><a href="#c3d4" id="c3d4-link">2</a></sup>.</p>\n<!-- /wp:paragraph -->',
      '<!-- wp:paragraph -->\n<p>Later text.</p>\n<!-- /wp:paragraph -->',
      '<!-- wp:footnotes /-->',
    ].join('\n\n');
    const footnotes = [
      { id: 'c3d4', content: 'After the <em>flood</em>.' },
      { id: 'a1b2', content: 'City archive, box 12.' },
    ];
    const r = convertContent(content, ctx({ footnotes }));
    const html = renderDocument(r.doc, { media: new Map(), lang: 'en' });
    expect(html).toContain('1911<sup class="fn" id="fnref-1"><a href="#fn-1">1</a></sup>');
    expect(html).toContain('2019<sup class="fn" id="fnref-2"><a href="#fn-2">2</a></sup>');
    expect(html).toMatch(
      /<ol class="footnotes">\s*<li id="fn-1">City archive, box 12\. <a class="footnote-back" href="#fnref-1" aria-label="Back to the text">↩︎<\/a><\/li>\s*<li id="fn-2">After the <em>flood<\/em>\./,
    );
    // The list is where the footnotes block was: after "Later text."
    expect(html.indexOf('Later text.')).toBeLessThan(html.indexOf('class="footnotes"'));
    // Without a footnotes block, the notes go at the end; a reference to no note is dropped; ids never come from the content.
    const end = renderDocument(
      convertContent(
        '<p>A<sup data-fn="a1b2" class="fn"><a href="#a1b2">1</a></sup> B<sup data-fn="zz" class="fn"><a href="#zz">9</a></sup></p><p id="evil">x</p>',
        ctx({ footnotes }),
      ).doc,
      { media: new Map(), lang: 'en' },
    );
    expect(end).toMatch(/A<sup class="fn" id="fnref-1">.*B<\/p>[\s\S]*<ol class="footnotes">/);
    expect(end).not.toContain('id="evil"');
    expect(end).not.toContain('#zz');
  });

  it('a cover becomes a wide figure with its words as caption; a details block stays a disclosure', () => {
    const content = [
      '<!-- wp:cover {"url":"https://old.example/harbour.jpg","id":12,"dimRatio":50,"align":"full"} -->\n<div class="wp-block-cover alignfull"><span aria-hidden="true" class="wp-block-cover__background has-background-dim"></span><img class="wp-block-cover__image-background wp-image-12" alt="" src="https://old.example/harbour.jpg" data-object-fit="cover"/><div class="wp-block-cover__inner-container"><!-- wp:paragraph {"align":"center"} -->\n<p class="has-text-align-center">Harbour &amp; town at night</p>\n<!-- /wp:paragraph --></div></div>\n<!-- /wp:cover -->',
      '<!-- wp:details -->\n<details class="wp-block-details"><summary>How were the figures counted?</summary><!-- wp:paragraph -->\n<p>By the port authority, daily.</p>\n<!-- /wp:paragraph --></details>\n<!-- /wp:details -->',
    ].join('\n\n');
    const r = convertContent(content, ctx());
    expect(r.doc.content[0]).toEqual({ type: 'figure', attrs: { mediaId: 5, alt: '', caption: 'Harbour & town at night', align: 'wide' } });
    const html = renderDocument(r.doc, { media: new Map(), lang: 'en' });
    expect(html).toMatch(/<details><summary>How were the figures counted\?<\/summary>\s*<p>By the port authority, daily\.<\/p>\s*<\/details>/);
  });

  it('a pull quote stays a pull quote (set large) and a quotation a quotation, in blocks and in classic HTML', () => {
    const r = convertContent(
      [
        '<!-- wp:pullquote {"align":"wide"} -->\n<figure class="wp-block-pullquote alignwide"><blockquote><p>Pulled</p><cite>Editor</cite></blockquote></figure>\n<!-- /wp:pullquote -->',
        '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>One long sentence. And another.</p></blockquote>\n<!-- /wp:quote -->',
      ].join('\n\n'),
      ctx(),
    );
    expect(r.doc.content.map((b) => (b.type === 'blockquote' ? (b.attrs?.kind ?? 'quote') : b.type))).toEqual(['pull', 'quote']);
    const html = renderDocument(r.doc, { media: new Map(), lang: 'en' });
    expect(html).toContain('<blockquote class="pullquote" dir="auto"><p>Pulled</p><footer><cite>Editor</cite></footer></blockquote>');
    expect(html).toContain('<blockquote class="quote" dir="auto"><p>One long sentence. And another.</p></blockquote>');

    // Pasted into classic content, without the block delimiters; a plain <blockquote> stays a quotation.
    const classic = convertContent(
      'Before.\n\n<figure class="wp-block-pullquote"><blockquote><p>Said loudly</p><cite>Her</cite></blockquote></figure>\n\n<blockquote>Stay hungry. Stay foolish.</blockquote>',
      ctx(),
    );
    expect(classic.doc.content.slice(1)).toEqual([
      { type: 'blockquote', attrs: { citation: 'Her', kind: 'pull' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Said loudly' }] }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Stay hungry. Stay foolish.' }] }] },
    ]);
  });

  it('a classic image keeps its own alignleft/alignright when no [caption] says otherwise', () => {
    const r = convertContent(
      '<img class="size-full wp-image-12 alignleft" src="https://old.example/harbour-150x150.jpg" alt="L" /> Text wraps around it.\n\n<p><img class="wp-image-12 alignright" src="https://old.example/harbour.jpg" alt="R"></p>\n\n<img class="aligncenter wp-image-12" src="https://old.example/harbour.jpg" alt="C">\n\n[caption id="attachment_12" align="aligncenter"]<img class="wp-image-12 alignleft" src="https://old.example/harbour.jpg" alt="Cap"> Caption wins[/caption]\n\n<table><tr><td><img class="alignleft wp-image-12" src="https://old.example/harbour.jpg" alt="T"></td></tr></table>',
      ctx(),
    );
    const figures = r.doc.content.filter((b) => b.type === 'figure').map((b) => (b.type === 'figure' ? [b.attrs.alt, b.attrs.align] : []));
    expect(figures).toEqual([
      ['L', 'left'],
      ['R', 'right'],
      ['C', 'center'],
      ['Cap', 'center'],
    ]);
    expect(r.doc.content[1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Text wraps around it.' }] });
    // An image kept inside HTML (a table) has its plain address, no alignment mark.
    const table = r.doc.content.find((b) => b.type === 'html');
    expect(table?.type === 'html' && table.attrs.html).toContain('src="/media/wp/2020/01/harbour.jpg"');
    expect(JSON.stringify(r.doc)).not.toContain('broadsheet-align');
  });

  it('Gutenberg image, quote, pullquote and embed blocks', () => {
    const content = [
      '<!-- wp:image {"id":12,"align":"wide"} -->\n<figure class="wp-block-image alignwide"><img src="https://old.example/harbour.jpg" alt="H" class="wp-image-12"/><figcaption class="wp-element-caption">Wide harbour</figcaption></figure>\n<!-- /wp:image -->',
      '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>Words</p>\n<!-- /wp:paragraph --><cite>Someone</cite></blockquote>\n<!-- /wp:quote -->',
      '<!-- wp:pullquote -->\n<figure class="wp-block-pullquote"><blockquote><p>Pulled</p><cite>Editor</cite></blockquote></figure>\n<!-- /wp:pullquote -->',
      '<!-- wp:embed {"url":"https://twitter.com/WordPress/status/1057136472321613824","providerNameSlug":"twitter"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://twitter.com/WordPress/status/1057136472321613824\n</div><figcaption>A tweet</figcaption></figure>\n<!-- /wp:embed -->',
      '<!-- wp:embed {"url":"https://youtu.be/abc","providerNameSlug":"youtube"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://youtu.be/abc</div></figure>\n<!-- /wp:embed -->',
      '<!-- wp:latest-posts /-->',
    ].join('\n\n');
    const r = convertContent(content, ctx());
    expect(r.doc.content).toEqual([
      { type: 'figure', attrs: { mediaId: 5, alt: 'H', caption: 'Wide harbour', align: 'wide' } },
      { type: 'blockquote', attrs: { citation: 'Someone' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Words' }] }] },
      { type: 'blockquote', attrs: { citation: 'Editor', kind: 'pull' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pulled' }] }] },
      {
        type: 'quoteCard',
        attrs: {
          author: 'WordPress',
          handle: '@WordPress',
          date: '2020-01-01T00:00:00.000Z',
          text: 'A tweet',
          url: 'https://twitter.com/WordPress/status/1057136472321613824',
          network: 'Twitter',
        },
      },
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'YouTube: https://youtu.be/abc', marks: [{ type: 'link', attrs: { href: 'https://youtu.be/abc' } }] }],
      },
    ]);
    expect(r.droppedBlocks).toEqual(['latest-posts']);
  });

  describe('galleries', () => {
    const photos: Record<number, { src: string; alt: string; caption: string; mediaId?: number }> = {
      21: { src: '/media/wp/quay.jpg', alt: 'The quay', caption: 'The east quay at dawn', mediaId: 31 },
      22: { src: '/media/wp/boats.jpg', alt: 'Boats', caption: '', mediaId: 32 },
      23: { src: '/media/wp/crane.jpg', alt: 'Crane', caption: 'The old crane', mediaId: 33 },
      24: { src: 'https://old.example/wp-content/uploads/lost.jpg', alt: 'Lost', caption: 'Not exported' },
    };
    const g = (): ConvertContext =>
      ctx({
        attachment: (id) => photos[id],
        imageByUrl: (url) => Object.values(photos).find((p) => url.includes(p.src.split('/').pop()!.replace('.jpg', ''))),
        childAttachments: [21, 22],
      });
    const item = (mediaId: number, alt: string, caption?: string) => ({
      type: 'figure',
      attrs: { mediaId, alt, ...(caption ? { caption } : {}), align: 'center' },
    });

    it('[gallery ids columns]: one gallery, each image with its own caption, a lost file listed and left out', () => {
      const r = convertContent('Before.\n\n[gallery columns="4" ids="21,22,24,23"]\n\nAfter.', g());
      expect(r.doc.content[1]).toEqual({
        type: 'gallery',
        attrs: { columns: 4 },
        content: [item(31, 'The quay', 'The east quay at dawn'), item(32, 'Boats'), item(33, 'Crane', 'The old crane')],
      });
      expect(r.doc.content.map((b) => b.type)).toEqual(['paragraph', 'gallery', 'paragraph']);
      expect(r.missingImages).toEqual([expect.objectContaining({ url: 'https://old.example/wp-content/uploads/lost.jpg', caption: 'Not exported' })]);
      // Without ids: the post's own attachments; without columns: WordPress' three; out of range: clamped.
      expect(convertContent('[gallery]', g()).doc.content[0]).toMatchObject({
        type: 'gallery',
        attrs: { columns: 3 },
        content: [item(31, 'The quay', 'The east quay at dawn'), item(32, 'Boats')],
      });
      expect(convertContent('[gallery columns="12" ids="21"]', g()).doc.content[0]).toMatchObject({ attrs: { columns: 8 } });
      expect(convertContent('[gallery ids="24"]', g()).doc.content).toEqual([]);
    });

    it('the block gallery (WordPress 6, image blocks inside): its columns, every caption in its place, the gallery caption once under it', () => {
      const image = (id: number, file: string, caption?: string) =>
        `<!-- wp:image {"id":${id}} -->\n<figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/${file}" alt="" class="wp-image-${id}"/>${caption ? `<figcaption class="wp-element-caption">${caption}</figcaption>` : ''}</figure>\n<!-- /wp:image -->`;
      const content = `<!-- wp:gallery {"columns":2,"linkTo":"none"} -->\n<figure class="wp-block-gallery has-nested-images columns-2 is-cropped">${image(21, 'quay.jpg', 'Dawn on the quay')}\n\n${image(22, 'boats.jpg')}\n\n${image(23, 'crane.jpg', 'The crane, 1911')}<figcaption class="blocks-gallery-caption wp-element-caption">The harbour in three pictures</figcaption></figure>\n<!-- /wp:gallery -->`;
      const r = convertContent(content, g());
      expect(r.doc.content).toEqual([
        {
          type: 'gallery',
          attrs: { columns: 2, caption: 'The harbour in three pictures' },
          // alt="" in the block: the library's alt text is shown (render.ts).
          content: [item(31, '', 'Dawn on the quay'), item(32, ''), item(33, '', 'The crane, 1911')],
        },
      ]);
      expect(JSON.stringify(r.doc).match(/The harbour in three pictures/g)).toHaveLength(1);
    });

    it('the block gallery (WordPress 5, a list of images): the same gallery, columns from the images when unset', () => {
      const li = (id: number, file: string, caption?: string) =>
        `<li class="blocks-gallery-item"><figure><img src="https://old.example/wp-content/uploads/${file}" alt="" data-id="${id}" class="wp-image-${id}"/>${caption ? `<figcaption class="blocks-gallery-item__caption">${caption}</figcaption>` : ''}</figure></li>`;
      const content = `<!-- wp:gallery {"ids":[21,22]} -->\n<figure class="wp-block-gallery columns-2 is-cropped"><ul class="blocks-gallery-grid">${li(21, 'quay.jpg', 'Dawn')}${li(22, 'boats.jpg')}</ul><figcaption class="blocks-gallery-caption">Two views</figcaption></figure>\n<!-- /wp:gallery -->`;
      expect(convertContent(content, g()).doc.content).toEqual([
        { type: 'gallery', attrs: { columns: 2, caption: 'Two views' }, content: [item(31, '', 'Dawn'), item(32, '')] },
      ]);
    });

    it('renders as one grid figure: a cell per image with its caption, the gallery caption last, images sized for their cell', () => {
      const r = convertContent('[gallery columns="3" ids="21,22,23"]', g());
      const row = (id: number) => ({ id, width: 1600, height: 1000, alt: '', caption: '', credit: '', path: `wp/${id}.jpg`, variants: '[]' }) as never;
      const html = renderDocument(r.doc, { media: new Map([31, 32, 33].map((id) => [id, row(id)])), lang: 'en' });
      expect(html.match(/<figure class="gallery gallery--cols-3">/g)).toHaveLength(1);
      expect(html.match(/<figure class="figure gallery__item">/g)).toHaveLength(3);
      expect(html).toContain('<figcaption dir="auto">The east quay at dawn</figcaption>');
    });
  });

  it('an aligned image without a caption keeps its side and its own size (WordPress size-medium, width 300)', () => {
    const r = convertContent(
      '<p><img class="alignright size-medium wp-image-12" src="https://old.example/harbour-300x200.jpg" alt="Harbour" width="300" height="200" />Text beside it.</p>\n\n<img class="aligncenter size-thumbnail wp-image-12" src="https://old.example/harbour-150x150.jpg" alt="" width="150" height="150" />\n\n<img class="size-full wp-image-12" src="https://old.example/harbour.jpg" alt="" width="1600" height="1000" />',
      ctx(),
    );
    expect(r.doc.content[0]).toEqual({ type: 'figure', attrs: { mediaId: 5, alt: 'Harbour', align: 'right', width: 300 } });
    expect(r.doc.content[2]).toEqual({ type: 'figure', attrs: { mediaId: 5, alt: '', align: 'center', width: 150 } });
    // A full-size image takes its place's width, as before.
    expect(r.doc.content[3]).toEqual({ type: 'figure', attrs: { mediaId: 5, alt: '', align: 'center' } });
  });

  it('sanitises everything: scripts, handlers, javascript: links and iframes never survive', () => {
    const r = convertContent(
      '<p onclick="x()">Hi <a href="javascript:alert(1)">x</a></p><script>alert(1)</script><iframe src="https://evil.example"></iframe><img src=x onerror=alert(1)>',
      ctx(),
    );
    const html = renderDocument(r.doc, { media: new Map(), lang: 'en' });
    expect(html).not.toMatch(/script|onclick|onerror|javascript:|iframe/i);
  });

  it('an <img> with ">" inside an attribute value (legal HTML) keeps its alt text, its figure and its caption', () => {
    const cases = [
      // Classic editor, [caption]: alt, title and the caption around it.
      '[caption id="attachment_12" align="alignright"]<img class="wp-image-12 size-medium" src="https://old.example/harbour-300x200.jpg" alt="Tide > 3 m at the harbour" title="a>b" /> Cranes at dawn[/caption]',
      // Block editor image with single-quoted attributes.
      "<!-- wp:image {\"id\":12} -->\n<figure class=\"wp-block-image\"><img src='https://old.example/harbour.jpg' alt='Tide > 3 m at the harbour' class='wp-image-12' data-note='x > y'/><figcaption>Cranes at dawn</figcaption></figure>\n<!-- /wp:image -->",
      // A plain paragraph image, unquoted class and a ">" in the srcset-like attribute.
      '<p><IMG class=wp-image-12 data-x="1>0" alt="Tide > 3 m at the harbour" src="https://old.example/harbour.jpg"></p>\n\n<p>Cranes at dawn</p>',
    ];
    for (const content of cases) {
      const { doc } = convertContent(content, ctx());
      const figure = doc.content[0];
      expect(figure, content).toMatchObject({ type: 'figure', attrs: { mediaId: 5, alt: 'Tide > 3 m at the harbour' } });
      const json = JSON.stringify(doc);
      // Nothing of the tag leaks into the text, the caption or an html block.
      expect(json, content).not.toMatch(/3 m at the harbour" |title=|data-note|data-x|old\.example|&gt;|&amp;gt;/);
      expect(json, content).toContain('Cranes at dawn');
    }
    // Entities in attribute values are decoded once, not twice.
    const { doc } = convertContent('<img class="wp-image-12" src="https://old.example/harbour.jpg" alt="Tom &amp; Jerry &gt; all">', ctx());
    expect(doc.content[0]).toMatchObject({ type: 'figure', attrs: { alt: 'Tom & Jerry > all' } });
  });

  it('autop leaves <pre> alone', () => {
    expect(autop('a\n\n<pre>x\n\ny</pre>\n\nb')).toBe('<p>a</p>\n<pre>x\n\ny</pre>\n<p>b</p>');
  });
});
