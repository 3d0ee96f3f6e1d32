/**
 * Writes synthetic WXR files (streaming, so 50,000 posts never sit in memory): used by the hostile
 * input tests and by bench/wxr-import.ts.
 */
import fs from 'node:fs';
import { once } from 'node:events';

export interface SyntheticOptions {
  posts: number;
  /** Comments per post (every third a reply to the one before). */
  comments?: number;
  /** Characters of body per post (default about 2,000). */
  bodyChars?: number;
  categories?: number;
  tags?: number;
}

const WORDS = 'harbour council rail budget school river market bridge museum energy court weather census library forest theatre'.split(' ');

export function header(o: { categories: number; tags: number }): string {
  const cats = Array.from(
    { length: o.categories },
    (_, i) =>
      `<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>section-${i + 1}</wp:category_nicename><wp:category_parent>${i >= 5 ? `section-${(i % 5) + 1}` : ''}</wp:category_parent><wp:cat_name><![CDATA[Section ${i + 1}]]></wp:cat_name></wp:category>`,
  ).join('\n');
  const tags = Array.from(
    { length: o.tags },
    (_, i) =>
      `<wp:tag><wp:term_id>${1000 + i}</wp:term_id><wp:tag_slug>topic-${i + 1}</wp:tag_slug><wp:tag_name><![CDATA[Topic ${i + 1}]]></wp:tag_name></wp:tag>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Synthetic Gazette</title>
<link>https://gazette.example</link>
<description>Generated</description>
<language>en-GB</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://gazette.example</wp:base_site_url>
<wp:base_blog_url>https://gazette.example</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[editor]]></wp:author_login><wp:author_email>editor@gazette.example</wp:author_email><wp:author_display_name><![CDATA[The Editor]]></wp:author_display_name></wp:author>
${cats}
${tags}
`;
}

export function item(n: number, o: { comments: number; bodyChars: number; categories: number; tags: number; body?: string }): string {
  const words: string[] = [];
  let len = 0;
  for (let i = 0; len < o.bodyChars; i++) {
    const w = WORDS[(n * 7 + i * 3) % WORDS.length]!;
    words.push(i % 60 === 59 ? `${w}.\n\n` : w);
    len += w.length + 1;
  }
  const body =
    o.body ??
    `<p>${words.join(' ')}</p>\n\n[caption id="" align="alignleft" width="300"]<img src="https://gazette.example/wp-content/uploads/2020/01/p${n}.jpg" alt="Photo ${n}" width="300" height="200" /> Photo ${n} caption[/caption]\n\nMore text for story ${n}.`;
  const d = new Date(Date.UTC(2020, 0, 1) + n * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  const comments = Array.from({ length: o.comments }, (_, k) => {
    const id = n * 100 + k + 1;
    return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[Reader ${k}]]></wp:comment_author><wp:comment_author_email>r${k}@example.org</wp:comment_author_email><wp:comment_author_url>https://example.org/</wp:comment_author_url><wp:comment_author_IP>192.0.2.${k % 250}</wp:comment_author_IP><wp:comment_date>${d}</wp:comment_date><wp:comment_date_gmt>${d}</wp:comment_date_gmt><wp:comment_content><![CDATA[Comment ${k} on ${n}. <a href="https://spam.example">link</a>]]></wp:comment_content><wp:comment_approved>${k % 5 === 4 ? '0' : '1'}</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>${k % 3 === 2 ? id - 1 : 0}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`;
  }).join('');
  return `<item><title>Story number ${n}</title><link>https://gazette.example/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/story-${n}/</link><pubDate>Wed, 01 Jan 2020 00:00:00 +0000</pubDate><dc:creator><![CDATA[editor]]></dc:creator><guid isPermaLink="false">https://gazette.example/?p=${n}</guid><description></description>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[Standfirst of story ${n}.]]></excerpt:encoded>
<wp:post_id>${n}</wp:post_id><wp:post_date>${d}</wp:post_date><wp:post_date_gmt>${d}</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:ping_status>open</wp:ping_status><wp:post_name>story-${n}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>post</wp:post_type><wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="section-${(n % o.categories) + 1}"><![CDATA[Section ${(n % o.categories) + 1}]]></category><category domain="post_tag" nicename="topic-${(n % o.tags) + 1}"><![CDATA[Topic ${(n % o.tags) + 1}]]></category>
${comments}</item>
`;
}

export const FOOTER = '</channel>\n</rss>\n';

/** Streams a synthetic export to `file`; returns its size in bytes. */
export async function writeSyntheticWxr(file: string, o: SyntheticOptions): Promise<number> {
  const opts = { comments: o.comments ?? 2, bodyChars: o.bodyChars ?? 2000, categories: o.categories ?? 20, tags: o.tags ?? 200 };
  const out = fs.createWriteStream(file);
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(header(opts));
  for (let n = 1; n <= o.posts; n++) await write(item(n, opts));
  await write(FOOTER);
  out.end();
  await once(out, 'finish');
  return fs.statSync(file).size;
}
