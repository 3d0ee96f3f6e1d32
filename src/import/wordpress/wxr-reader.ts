/**
 * @module import/wordpress/wxr-reader
 * Streams a WXR file as records (site, author, category, tag, term, item) with saxes event
 * handlers. The file is read in 64 KB chunks and records are yielded after each chunk, so the
 * consumer's `await` pauses the read stream: memory holds one chunk plus the item being read,
 * whatever the size of the file.
 *
 * Refused with a WxrError: a DOCTYPE (WordPress never writes one; it is how entity-expansion
 * attacks such as "billion laughs" start), a root other than <rss>, a file without
 * <wp:wxr_version>, bytes that are not valid in the declared encoding, malformed or truncated XML,
 * and any single field larger than `maxFieldChars`.
 *
 * @example
 * for await (const rec of readWxr('export.xml')) if (rec.kind === 'item') console.log(rec.item.title);
 */
import fs from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import {
  emptyComment,
  emptyItem,
  WxrError,
  type WxrAuthor,
  type WxrCategory,
  type WxrComment,
  type WxrItem,
  type WxrMeta,
  type WxrRecord,
  type WxrSite,
  type WxrTag,
  type WxrTerm,
} from './wxr.js';

export interface ReadOptions {
  /** Called after each chunk with bytes read so far. */
  onBytes?: (bytes: number) => void;
  /** Largest text of one element (a post body, a comment); default 64 M characters. */
  maxFieldChars?: number;
}

const WP_NS = /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/$/;
const EXCERPT_NS = /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/excerpt\/$/;
const PREFIX_OF_URI: Record<string, string> = {
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://wellformedweb.org/CommentAPI/': 'wfw',
};

/** A stable short name for a namespaced element, whatever prefix the file used. */
function keyOf(tag: SaxesTagNS): string {
  const uri = tag.uri;
  if (!uri) return tag.local;
  if (WP_NS.test(uri)) return `wp:${tag.local}`;
  if (EXCERPT_NS.test(uri)) return `excerpt:${tag.local}`;
  const p = PREFIX_OF_URI[uri];
  return p ? `${p}:${tag.local}` : `other:${tag.local}`;
}

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title',
  link: 'link',
  pubDate: 'pubDate',
  'dc:creator': 'creator',
  guid: 'guid',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'id',
  'wp:post_date': 'postDate',
  'wp:post_date_gmt': 'postDateGmt',
  'wp:post_modified': 'postModified',
  'wp:post_modified_gmt': 'postModifiedGmt',
  'wp:comment_status': 'commentStatus',
  'wp:post_name': 'name',
  'wp:status': 'status',
  'wp:post_parent': 'parent',
  'wp:menu_order': 'menuOrder',
  'wp:post_type': 'type',
  'wp:post_password': 'password',
  'wp:is_sticky': 'isSticky',
  'wp:attachment_url': 'attachmentUrl',
};
const COMMENT_FIELDS: Record<string, keyof WxrComment> = {
  'wp:comment_id': 'id',
  'wp:comment_author': 'author',
  'wp:comment_author_email': 'authorEmail',
  'wp:comment_author_url': 'authorUrl',
  'wp:comment_author_IP': 'authorIp',
  'wp:comment_date': 'date',
  'wp:comment_date_gmt': 'dateGmt',
  'wp:comment_content': 'content',
  'wp:comment_approved': 'approved',
  'wp:comment_type': 'type',
  'wp:comment_parent': 'parent',
  'wp:comment_user_id': 'userId',
};
const AUTHOR_FIELDS: Record<string, keyof WxrAuthor> = {
  'wp:author_id': 'id',
  'wp:author_login': 'login',
  'wp:author_email': 'email',
  'wp:author_display_name': 'displayName',
  'wp:author_first_name': 'firstName',
  'wp:author_last_name': 'lastName',
};
const CATEGORY_FIELDS: Record<string, keyof WxrCategory> = {
  'wp:term_id': 'termId',
  'wp:category_nicename': 'nicename',
  'wp:category_parent': 'parent',
  'wp:cat_name': 'name',
  'wp:category_description': 'description',
};
const TAG_FIELDS: Record<string, keyof WxrTag> = { 'wp:term_id': 'termId', 'wp:tag_slug': 'slug', 'wp:tag_name': 'name', 'wp:tag_description': 'description' };
const TERM_FIELDS: Record<string, keyof WxrTerm> = { 'wp:term_id': 'termId', 'wp:term_taxonomy': 'taxonomy', 'wp:term_slug': 'slug', 'wp:term_name': 'name' };
const SITE_FIELDS: Record<string, keyof WxrSite> = {
  title: 'title',
  link: 'link',
  description: 'description',
  language: 'language',
  'wp:wxr_version': 'wxrVersion',
  'wp:base_site_url': 'baseSiteUrl',
  'wp:base_blog_url': 'baseBlogUrl',
};

/** Picks the decoder from a byte-order mark or the XML declaration; only encodings we can check strictly. */
function decoderFor(head: Buffer): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  const decl = /^(?:\uFEFF)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.subarray(0, 200).toString('latin1'));
  const label = decl?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    throw new WxrError('WXR_ENCODING', `The file declares the encoding "${label}", which is not supported. Convert it to UTF-8 first.`);
  }
}

/** The saxes handlers and the record being built. Pushes finished records onto `out`. */
function buildParser(out: WxrRecord[], maxFieldChars: number): { parser: SaxesParser<{ xmlns: true }>; sawWxr: () => boolean } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: string[] = [];
  let text = '';
  let site: WxrSite | undefined = { title: '', link: '', description: '', language: '', wxrVersion: '', baseSiteUrl: '', baseBlogUrl: '' };
  let author: WxrAuthor | undefined;
  let category: WxrCategory | undefined;
  let tag: WxrTag | undefined;
  let term: WxrTerm | undefined;
  let item: WxrItem | undefined;
  let comment: WxrComment | undefined;
  let meta: WxrMeta | undefined;
  let itemTerm: { domain: string; nicename: string } | undefined;
  let sawWxr = false;

  const flushSite = (): void => {
    if (!site) return;
    if (!site.wxrVersion) {
      throw new WxrError('WXR_NOT_WXR', 'This is an RSS file but not a WordPress export (WXR): it has no <wp:wxr_version>. In WordPress use Tools → Export.');
    }
    out.push({ kind: 'site', site });
    site = undefined;
  };
  const append = (t: string): void => {
    text += t;
    if (text.length > maxFieldChars) {
      throw new WxrError('WXR_TOO_LARGE', `An element <${stack.at(-1) ?? '?'}> holds more than ${maxFieldChars.toLocaleString('en')} characters; refusing it.`);
    }
  };

  parser.on('doctype', () => {
    throw new WxrError(
      'WXR_DOCTYPE',
      'The file declares a DOCTYPE. WordPress exports never do, and entity declarations (a "billion laughs" attack) are refused.',
    );
  });
  parser.on('text', (t) => {
    if (stack.length > 1) append(t);
  });
  parser.on('cdata', append);
  parser.on('opentag', (tag_) => {
    const key = keyOf(tag_);
    if (stack.length === 0) {
      if (key !== 'rss') throw new WxrError('WXR_NOT_WXR', `This is not a WordPress export (WXR): the document is <${tag_.name}>, expected <rss>.`);
    }
    stack.push(key);
    text = '';
    const parent = stack[stack.length - 2];
    if (key === 'item') {
      flushSite();
      item = emptyItem();
    }
    if (key === 'wp:wxr_version') sawWxr = true;
    if (parent === 'channel' && key === 'wp:author') author = { id: '', login: '', email: '', displayName: '', firstName: '', lastName: '' };
    else if (parent === 'channel' && key === 'wp:category') category = { termId: '', nicename: '', parent: '', name: '', description: '' };
    else if (parent === 'channel' && key === 'wp:tag') tag = { termId: '', slug: '', name: '', description: '' };
    else if (parent === 'channel' && key === 'wp:term') term = { termId: '', taxonomy: '', slug: '', name: '' };
    else if (item && parent === 'item' && key === 'wp:comment') comment = emptyComment();
    else if (item && (key === 'wp:postmeta' || key === 'wp:commentmeta')) meta = { key: '', value: '' };
    else if (item && parent === 'item' && key === 'category') {
      const attr = (n: string): string => String(tag_.attributes[n]?.value ?? '');
      itemTerm = { domain: attr('domain'), nicename: attr('nicename') };
    }
  });
  parser.on('closetag', () => {
    const key = stack.pop()!;
    const parent = stack.at(-1);
    const value = text;
    text = '';
    if (key === 'item' && item) {
      out.push({ kind: 'item', item });
      item = undefined;
      return;
    }
    if (key === 'channel') {
      flushSite();
      return;
    }
    if (comment) {
      if (key === 'wp:comment') {
        item?.comments.push(comment);
        comment = undefined;
      } else if (meta && parent === 'wp:commentmeta') {
        if (key === 'wp:meta_key') meta.key = value;
        else if (key === 'wp:meta_value') meta.value = value;
      } else if (key === 'wp:commentmeta') {
        meta = undefined;
      } else if (parent === 'wp:comment') {
        const f = COMMENT_FIELDS[key];
        if (f) comment[f] = value;
      }
      return;
    }
    if (item) {
      if (key === 'wp:postmeta' && meta) {
        item.meta.push(meta);
        meta = undefined;
      } else if (meta && parent === 'wp:postmeta') {
        if (key === 'wp:meta_key') meta.key = value;
        else if (key === 'wp:meta_value') meta.value = value;
      } else if (parent === 'item') {
        if (key === 'category' && itemTerm) {
          item.terms.push({ ...itemTerm, name: value });
          itemTerm = undefined;
        } else {
          const f = ITEM_FIELDS[key];
          if (f) (item as unknown as Record<string, string>)[f] = value;
        }
      }
      return;
    }
    if (parent === 'channel') {
      if (key === 'wp:author' && author) {
        out.push({ kind: 'author', author });
        author = undefined;
      } else if (key === 'wp:category' && category) {
        out.push({ kind: 'category', category });
        category = undefined;
      } else if (key === 'wp:tag' && tag) {
        out.push({ kind: 'tag', tag });
        tag = undefined;
      } else if (key === 'wp:term' && term) {
        out.push({ kind: 'term', term });
        term = undefined;
      } else if (site) {
        const f = SITE_FIELDS[key];
        if (f) site[f] = value.trim();
      }
      return;
    }
    if (author && parent === 'wp:author') {
      const f = AUTHOR_FIELDS[key];
      if (f) author[f] = value;
    } else if (category && parent === 'wp:category') {
      const f = CATEGORY_FIELDS[key];
      if (f) category[f] = value;
    } else if (tag && parent === 'wp:tag') {
      const f = TAG_FIELDS[key];
      if (f) tag[f] = value;
    } else if (term && parent === 'wp:term') {
      const f = TERM_FIELDS[key];
      if (f) term[f] = value;
    }
  });
  return { parser, sawWxr: () => sawWxr };
}

/**
 * WordPress' own importer tolerates a `]]>` inside a CDATA section that an exporting plugin failed
 * to split (`<![CDATA[<p>a ]]> b</p>]]>`): it takes the field's text up to the CDATA end before
 * the field's closing tag. XML does not, so such a `]]>` is split here as WordPress' exporter
 * splits it (`]]]]><![CDATA[>`), before the parser sees the text. A `]]>` ends the section only
 * where the field's end tag (or another CDATA section) follows it. Streaming: a few characters
 * are held back at a chunk's end until the next chunk says what they are. No newline is added,
 * so the parser's line numbers stay true.
 */
export function cdataMender(): { write(text: string): string; end(): string } {
  const OPEN = '<![CDATA[';
  let inside = false;
  let pending = '';
  /** The element whose text the current CDATA section is: its end tag ends the section. */
  let field = '';
  /** The end of the text before this chunk: a CDATA section that opens a chunk has its start tag there. */
  let tail = '';
  /** The name of the start tag right before `at` (`<content:encoded>` before its CDATA). */
  const fieldBefore = (s: string, at: number): void => {
    const before = at < 120 ? tail + s.slice(0, at) : s.slice(at - 120, at);
    const lt = before.lastIndexOf('<');
    const m = lt >= 0 ? /^<([A-Za-z_][\w:.-]*)/.exec(before.slice(lt)) : null;
    field = m ? m[1]! : '';
  };
  const write = (chunk: string): string => {
    const s = pending ? pending + chunk : chunk;
    pending = '';
    const out = scan(s);
    // What was passed on (not what is held back for the next chunk, which comes again).
    tail = (tail + s.slice(0, s.length - pending.length)).slice(-120);
    return out;
  };
  const scan = (s: string): string => {
    // Most chunks: no section opens or ends in a way that needs a look (a fast scan, nothing copied).
    const parts: string[] = [];
    let i = 0;
    let from = 0;
    let continuesAt = -1;
    while (i < s.length) {
      if (!inside) {
        const at = s.indexOf(OPEN, i);
        if (at < 0) {
          // Hold back what could be the start of "<![CDATA[" cut by the chunk's end.
          const lt = s.lastIndexOf('<');
          const hold = lt >= i && s.length - lt < OPEN.length && OPEN.startsWith(s.slice(lt)) ? lt : s.length;
          parts.push(s.slice(from, hold));
          pending = s.slice(hold);
          return parts.join('');
        }
        // A section that continues the one before (`]]]]><![CDATA[>`) is the same field's text.
        if (at !== continuesAt) fieldBefore(s, at);
        continuesAt = -1;
        i = at + OPEN.length;
        inside = true;
        continue;
      }
      const end = s.indexOf(']]>', i);
      if (end < 0) {
        const keep = Math.max(i, s.length - 2);
        parts.push(s.slice(from, keep));
        pending = s.slice(keep);
        return parts.join('');
      }
      let k = end + 3;
      while (k < s.length && (s[k] === ' ' || s[k] === '\n' || s[k] === '\r' || s[k] === '\t')) k++;
      const close = `</${field}`;
      const need = Math.max(close.length, OPEN.length);
      const rest = s.slice(k, k + need);
      if (rest.length < need && (rest === '' || close.startsWith(rest) || OPEN.startsWith(rest)) && k + need > s.length) {
        // Not enough text yet to tell: wait for the next chunk.
        parts.push(s.slice(from, end));
        pending = s.slice(end);
        return parts.join('');
      }
      i = end + 3;
      if (rest.startsWith(OPEN)) continuesAt = k;
      if (rest.startsWith(close) || rest.startsWith(OPEN) || field === '') inside = false;
      else {
        // A "]]>" inside the text: split as WordPress' exporter does.
        parts.push(s.slice(from, end), ']]]]><![CDATA[>');
        from = i;
      }
    }
    parts.push(s.slice(from));
    return parts.join('');
  };
  return {
    write,
    end: () => {
      const rest = pending;
      pending = '';
      return rest;
    },
  };
}

const describeXmlError = (err: Error): string => err.message.replace(/^undefined:/, 'line ').replace(/^(\d+):(\d+): /, 'line $1, column $2: ');

/** Reads a WXR file as a stream of records. See the module comment for what is refused. */
export async function* readWxr(file: string, options: ReadOptions = {}): AsyncGenerator<WxrRecord> {
  const out: WxrRecord[] = [];
  const { parser, sawWxr } = buildParser(out, options.maxFieldChars ?? 64 * 1024 * 1024);
  let stream: fs.ReadStream;
  try {
    await fs.promises.access(file, fs.constants.R_OK);
    stream = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  } catch {
    throw new WxrError('WXR_NOT_FOUND', `Cannot read the file "${file}".`);
  }
  let decoder: TextDecoder | undefined;
  let bytes = 0;
  let closing = false;
  const run = (fn: () => void): void => {
    try {
      fn();
    } catch (err) {
      if (err instanceof WxrError) throw err;
      const e = err as Error & { code?: string };
      if (e.code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
        throw new WxrError(
          'WXR_ENCODING',
          `The file is not valid ${decoder?.encoding ?? 'UTF-8'} (bad bytes near byte ${bytes.toLocaleString('en')}). Its XML declaration must name its real encoding; WordPress exports are UTF-8.`,
        );
      }
      if (closing) throw new WxrError('WXR_TRUNCATED', `The file ends before the export does (truncated download?): ${describeXmlError(e)}`);
      throw new WxrError('WXR_MALFORMED', `The file is not well-formed XML: ${describeXmlError(e)}`);
    }
  };
  const mender = cdataMender();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      decoder ??= decoderFor(chunk);
      bytes += chunk.length;
      const d = decoder;
      run(() => parser.write(mender.write(d.decode(chunk, { stream: true }))));
      options.onBytes?.(bytes);
      while (out.length) yield out.shift()!;
    }
    closing = true;
    run(() => {
      if (decoder) parser.write(mender.write(decoder.decode()));
      parser.write(mender.end());
      parser.close();
    });
    while (out.length) yield out.shift()!;
    if (!sawWxr()) throw new WxrError('WXR_NOT_WXR', 'This is not a WordPress export (WXR): it has no <wp:wxr_version>.');
  } finally {
    stream.destroy();
  }
}
