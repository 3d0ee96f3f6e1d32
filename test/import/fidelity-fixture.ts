/**
 * An export of our own shaped like a WordPress 6 export (block-editor and classic posts, cached
 * oEmbed answers, footnotes, post formats, comments out of order, an unsplit "]]>" in a CDATA
 * section, two attachments), and the uploads folder it needs: for the import fidelity tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { importWordPress } from '../../src/import/wordpress/import-wordpress.js';
import type { ImportReport } from '../../src/import/report.js';
import type { TestDb } from '../helpers/db.js';
import { NOW } from '../helpers/clock.js';

export const KEY = Buffer.alloc(32, 7);
/** The old site lived in a subdirectory: every address of it is under /news/. */
const OLD = 'https://gazette.example/news';
const up = (f: string) => `${OLD}/wp-content/uploads/2024/05/${f}`;

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const meta = (k: string, v: string) => `<wp:postmeta><wp:meta_key>${cdata(k)}</wp:meta_key><wp:meta_value>${cdata(v)}</wp:meta_value></wp:postmeta>`;

function item(o: {
  id: number;
  slug: string;
  title: string;
  content: string;
  excerpt?: string;
  date?: string;
  format?: string;
  type?: string;
  extra?: string;
  comments?: string;
}): string {
  const date = o.date ?? '2024-05-20 09:00:00';
  return `<item><title>${cdata(o.title)}</title><link>${OLD}/${o.slug}/</link><dc:creator>${cdata('editor')}</dc:creator>
<content:encoded>${cdata(o.content)}</content:encoded><excerpt:encoded>${cdata(o.excerpt ?? '')}</excerpt:encoded>
<wp:post_id>${o.id}</wp:post_id><wp:post_date>${cdata(date)}</wp:post_date><wp:post_date_gmt>${cdata(date)}</wp:post_date_gmt>
<wp:comment_status>${cdata('open')}</wp:comment_status><wp:post_name>${cdata(o.slug)}</wp:post_name><wp:status>${cdata(o.type === 'attachment' ? 'inherit' : 'publish')}</wp:status>
<wp:post_parent>0</wp:post_parent><wp:post_type>${cdata(o.type ?? 'post')}</wp:post_type><wp:is_sticky>0</wp:is_sticky>
${o.format ? `<category domain="post_format" nicename="post-format-${o.format}">${cdata(o.format)}</category>` : ''}${o.extra ?? ''}${o.comments ?? ''}</item>`;
}

const attachment = (id: number, file: string, caption: string, alt: string) =>
  item({
    id,
    slug: file.replace(/\..*$/, ''),
    title: file,
    content: '',
    excerpt: caption,
    type: 'attachment',
    extra: `<wp:attachment_url>${cdata(up(file))}</wp:attachment_url>${meta('_wp_attachment_image_alt', alt)}`,
  });

const comment = (id: number, parent: number, author: string, date: string, text: string) =>
  `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${cdata(author)}</wp:comment_author><wp:comment_author_email>${cdata(`${author.toLowerCase()}@example.org`)}</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>${cdata('203.0.113.9')}</wp:comment_author_IP><wp:comment_date>${cdata(date)}</wp:comment_date><wp:comment_date_gmt>${cdata(date)}</wp:comment_date_gmt><wp:comment_content>${cdata(text)}</wp:comment_content><wp:comment_approved>${cdata('1')}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;

const X_ANSWER =
  '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Ferries run again from Monday.</p>&mdash; Velmar Ferries (@velmarferries) <a href="https://twitter.com/velmarferries/status/1790000000000000001?ref_src=twsrc%5Etfw">May 13, 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>';

const image = (id: number, file: string, caption = '') =>
  `<!-- wp:image {"id":${id},"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><img src="${up(file)}" alt="" class="wp-image-${id}"/>${caption ? `<figcaption class="wp-element-caption">${caption}</figcaption>` : ''}</figure>\n<!-- /wp:image -->`;

const BLOCK_POST = [
  '<!-- wp:paragraph -->\n<p>The harbour reopened on Monday<sup data-fn="fn-a" class="fn"><a href="#fn-a" id="fn-a-link">1</a></sup>, three weeks after the storm.</p>\n<!-- /wp:paragraph -->',
  `<!-- wp:gallery {"columns":2,"linkTo":"none"} -->\n<figure class="wp-block-gallery has-nested-images columns-2 is-cropped">${image(11, 'quay.jpg', 'The east quay')}\n\n${image(12, 'boats.jpg')}<figcaption class="blocks-gallery-caption wp-element-caption">The harbour, reopened</figcaption></figure>\n<!-- /wp:gallery -->`,
  '<!-- wp:embed {"url":"https://x.com/velmarferries/status/1790000000000000001","type":"rich","providerNameSlug":"twitter"} -->\n<figure class="wp-block-embed is-type-rich is-provider-twitter"><div class="wp-block-embed__wrapper">\nhttps://x.com/velmarferries/status/1790000000000000001\n</div></figure>\n<!-- /wp:embed -->',
  '<!-- wp:paragraph -->\n<p>Vote in our poll: [poll id="4"]</p>\n<!-- /wp:paragraph -->',
  '<!-- wp:footnotes /-->',
].join('\n\n');

const CLASSIC_POST =
  '<img class="alignright size-medium wp-image-11" src="' +
  up('quay-300x200.jpg') +
  '" alt="Quay" width="300" height="200" />The old crane will stay, the council said on Tuesday.\n\nIt was built in 1911.\n\n[gallery columns="3" ids="11,12"]';

export const WXR = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>The Gazette</title><link>${OLD}</link><description>News</description><language>en-GB</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${OLD}</wp:base_site_url><wp:base_blog_url>${OLD}</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('editor')}</wp:author_login><wp:author_email>${cdata('editor@gazette.example')}</wp:author_email><wp:author_display_name>${cdata('The Editor')}</wp:author_display_name></wp:author>
<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename>${cdata('harbour')}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata('Harbour')}</wp:cat_name></wp:category>
<wp:tag><wp:term_id>6</wp:term_id><wp:tag_slug>${cdata('cranes')}</wp:tag_slug><wp:tag_name>${cdata('Cranes')}</wp:tag_name></wp:tag>
${attachment(11, 'quay.jpg', 'The quay at dawn', 'The east quay')}
${attachment(12, 'boats.jpg', 'Boats', 'Fishing boats')}
${item({
  id: 21,
  slug: 'harbour-reopens',
  title: 'The harbour reopens',
  content: BLOCK_POST,
  extra:
    meta('_oembed_5f1e', X_ANSWER) +
    meta('_oembed_time_5f1e', '1716000000') +
    meta('footnotes', JSON.stringify([{ id: 'fn-a', content: 'Port authority notice, 20 May.' }])),
  comments: [
    comment(103, 101, 'Chris', '2024-05-20 12:00:00', 'A reply, written last.'),
    comment(102, 0, 'Bea', '2024-05-20 10:30:00', 'Second, dated earlier than the reply.'),
    comment(101, 0, 'Ana', '2024-05-20 10:00:00', 'First of all.'),
  ].join(''),
})}
${item({
  id: 22,
  slug: 'crane-stays',
  title: 'The crane stays',
  content: CLASSIC_POST,
  date: '2024-05-19 09:00:00',
  extra: `<category domain="category" nicename="harbour">${cdata('Harbour')}</category><category domain="post_tag" nicename="cranes">${cdata('Cranes')}</category>`,
})}
${item({ id: 23, slug: 'quick-note', title: 'Quick note', content: '<p>Back online after the power cut. Thanks for waiting.</p>', format: 'aside', date: '2024-05-21 09:00:00' })}
${item({ id: 24, slug: 'a-quote', title: 'A quote', content: '<!-- wp:quote --><blockquote class="wp-block-quote"><p>We will rebuild.</p><cite>The mayor</cite></blockquote><!-- /wp:quote -->', format: 'quote', date: '2024-05-18 09:00:00' })}
${item({ id: 25, slug: 'code-sample', title: 'Code sample', content: '<p>An array in C: <code>a[b[0]]> 1</code> is legal.</p>', date: '2024-05-17 09:00:00' }).replace(cdata('<p>An array in C: <code>a[b[0]]> 1</code> is legal.</p>'), '<![CDATA[<p>An array in C: <code>a[b[0]]> 1</code> is legal.</p>]]>')}
${item({ id: 26, slug: 'long-read', title: 'A long read', content: '<p>The first part of the story.</p>\n<!--nextpage-->\nThe second part.<!--nextpage-->The third part.', date: '2024-05-10 09:00:00' })}
${item({ id: 27, slug: 'block-pages', title: 'Block pages', content: '<!-- wp:paragraph --><p>Page one.</p><!-- /wp:paragraph --><!-- wp:nextpage --><!--nextpage--><!-- /wp:nextpage --><!-- wp:paragraph --><p>Page two.</p><!-- /wp:paragraph -->', date: '2024-05-09 09:00:00' })}
</channel></rss>
`;

/** The old site's uploads folder for WXR: the two attachments' files, 1600×1000. */
export async function gazetteUploads(dir: string): Promise<string> {
  fs.mkdirSync(path.join(dir, '2024/05'), { recursive: true });
  for (const [f, colour] of [
    ['quay.jpg', '#2f5d8a'],
    ['boats.jpg', '#8a5d2f'],
  ] as const)
    fs.writeFileSync(
      path.join(dir, '2024/05', f),
      await sharp({ create: { width: 1600, height: 1000, channels: 3, background: colour } })
        .jpeg()
        .toBuffer(),
    );
  return dir;
}

/** Imports WXR with its uploads into a fresh test database (its data folder holds the file and the uploads). */
export async function importGazette(t: TestDb): Promise<ImportReport> {
  const file = path.join(t.dataDir, 'gazette.xml');
  fs.writeFileSync(file, WXR);
  const uploads = await gazetteUploads(path.join(t.dataDir, 'uploads'));
  return importWordPress(t.handle.db, {
    file,
    mediaDir: uploads,
    mediaRoot: path.join(t.dataDir, 'media'),
    ipHashKey: KEY,
    now: NOW,
    fullText: t.handle.dialect.fullText,
  });
}
