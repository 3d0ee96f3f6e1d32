/**
 * The oEmbed answers WordPress caches as post meta (`_oembed_<hash>`), read for the quote cards of
 * imported articles: the post's words, author, handle and date, in the shapes the networks answer
 * (written here after their documented formats; no third-party export is copied).
 */
import { describe, expect, it } from 'vitest';
import { convertContent, type ConvertContext } from '../../src/import/wordpress/convert.js';
import { embeddedPosts, postKey } from '../../src/import/wordpress/oembed-cache.js';
import { readEmbeddedPost } from '../../src/modules/embed/embedded-post.js';

const X_ANSWER =
  '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The ferry to Velmar runs again from Monday.<br>Timetable on our site &amp; in the app. <a href="https://t.co/abc123">pic.twitter.com/abc123</a></p>&mdash; Velmar Ferries (@velmarferries) <a href="https://twitter.com/velmarferries/status/1790000000000000001?ref_src=twsrc%5Etfw">May 13, 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';
const BLUESKY_ANSWER =
  '<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abc/app.bsky.feed.post/3kxyz" data-bluesky-cid="bafy"><p lang="en">Rain all week. The river is two metres above normal at the old bridge.</p>&mdash; Lena Park (<a href="https://bsky.app/profile/did:plc:abc?ref_src=embed">@lenapark.bsky.social</a>) <a href="https://bsky.app/profile/did:plc:abc/post/3kxyz?ref_src=embed">November 18, 2024 at 10:05 AM</a></blockquote><script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>';
const INSTAGRAM_ANSWER =
  '<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="https://www.instagram.com/p/C1aBcDeFgHi/?utm_source=ig_embed&amp;utm_campaign=loading" data-instgrm-version="14"><div><a href="https://www.instagram.com/p/C1aBcDeFgHi/?utm_source=ig_embed">View this post on Instagram</a><p>Opening night at the Corvena book festival.</p><p><a href="https://www.instagram.com/p/C1aBcDeFgHi/">A post shared by Corvena Books (@corvenabooks)</a></p></div></blockquote>';
const MASTODON_ANSWER =
  '<iframe src="https://mastodon.social/@harbour/111222333444/embed" class="mastodon-embed" style="max-width: 100%; border: 0" width="400" allowfullscreen="allowfullscreen"></iframe><script src="https://mastodon.social/embed.js" async="async"></script>';

describe('cached oEmbed answers', () => {
  it('an X/Twitter answer: the words with their line break, the author, handle and the date', () => {
    expect(readEmbeddedPost(X_ANSWER)).toEqual({
      url: 'https://twitter.com/velmarferries/status/1790000000000000001?ref_src=twsrc%5Etfw',
      text: 'The ferry to Velmar runs again from Monday.\nTimetable on our site & in the app. pic.twitter.com/abc123',
      author: 'Velmar Ferries',
      handle: '@velmarferries',
      date: '2024-05-13T00:00:00.000Z',
    });
  });

  it('a Bluesky answer and an Instagram one; a player (Mastodon iframe) and a failed fetch give nothing', () => {
    expect(readEmbeddedPost(BLUESKY_ANSWER)).toMatchObject({
      url: 'https://bsky.app/profile/did:plc:abc/post/3kxyz?ref_src=embed',
      text: 'Rain all week. The river is two metres above normal at the old bridge.',
      author: 'Lena Park',
      handle: '@lenapark.bsky.social',
    });
    expect(readEmbeddedPost(BLUESKY_ANSWER)?.date).toMatch(/^2024-11-18T/);
    expect(readEmbeddedPost(INSTAGRAM_ANSWER)).toEqual({
      url: 'https://www.instagram.com/p/C1aBcDeFgHi/?utm_source=ig_embed&utm_campaign=loading',
      text: 'Opening night at the Corvena book festival.',
      author: 'Corvena Books',
      handle: '@corvenabooks',
    });
    expect(readEmbeddedPost(MASTODON_ANSWER)).toBeUndefined();
    const posts = embeddedPosts([
      { key: '_oembed_0a1b', value: X_ANSWER },
      { key: '_oembed_time_0a1b', value: '1715600000' },
      { key: '_oembed_ffee', value: '{{unknown}}' },
      { key: '_oembed_9988', value: MASTODON_ANSWER },
      { key: '_thumbnail_id', value: '12' },
    ]);
    expect([...posts.keys()]).toEqual(['x.com/velmarferries/status/1790000000000000001']);
  });

  it('keys meet across twitter.com and x.com, www., queries and trailing slashes; hostile markup stays text', () => {
    expect(postKey('https://x.com/VelmarFerries/status/1790000000000000001/')).toBe(
      postKey('http://www.twitter.com/velmarferries/status/1790000000000000001?s=20'),
    );
    expect(postKey('javascript:alert(1)')).toBeUndefined();
    const hostile = readEmbeddedPost(
      '<blockquote class="twitter-tweet"><p><img src=x onerror=alert(1)>Hello <script>alert(2)</script>world</p>&mdash; A (@a) <a href="https://x.com/a/status/1">Jan 2, 2024</a></blockquote>',
    );
    expect(hostile?.text).toBe('Hello alert(2)world');
  });

  it('an imported embed takes the cached words, author and date instead of a placeholder and the article date', () => {
    const ctx: ConvertContext = {
      attachment: () => undefined,
      imageByUrl: () => undefined,
      childAttachments: [],
      date: '2024-06-01T08:00:00.000Z',
      embeddedPosts: embeddedPosts([
        { key: '_oembed_0a1b', value: X_ANSWER },
        { key: '_oembed_0c2d', value: BLUESKY_ANSWER },
      ]),
    };
    const content = [
      '<!-- wp:embed {"url":"https://x.com/velmarferries/status/1790000000000000001","type":"rich","providerNameSlug":"twitter"} -->',
      '<figure class="wp-block-embed is-type-rich is-provider-twitter"><div class="wp-block-embed__wrapper">\nhttps://x.com/velmarferries/status/1790000000000000001\n</div></figure>',
      '<!-- /wp:embed -->',
      '',
      '[embed]https://bsky.app/profile/did:plc:abc/post/3kxyz[/embed]',
      '',
      'https://twitter.com/nobody/status/42',
    ].join('\n');
    const cards = convertContent(content, ctx).doc.content.filter((b) => b.type === 'quoteCard');
    expect(cards.map((c) => c.attrs)).toEqual([
      {
        author: 'Velmar Ferries',
        handle: '@velmarferries',
        date: '2024-05-13T00:00:00.000Z',
        text: 'The ferry to Velmar runs again from Monday.\nTimetable on our site & in the app. pic.twitter.com/abc123',
        url: 'https://x.com/velmarferries/status/1790000000000000001',
        network: 'X',
      },
      expect.objectContaining({ author: 'Lena Park', handle: '@lenapark.bsky.social', network: 'Bluesky', text: expect.stringContaining('two metres') }),
      // Not cached: as before, from the URL, dated with the article.
      expect.objectContaining({ author: 'nobody', date: '2024-06-01T08:00:00.000Z' }),
    ]);
  });
});
