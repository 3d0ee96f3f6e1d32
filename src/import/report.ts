/**
 * @module import/report
 * What an import did: per kind, how many rows were created, updated, matched to existing content
 * or skipped; every warning; the time taken. Printed by the CLI, asserted by tests.
 */

import type { DownloadFailure } from '../lib/download.js';

export type ReportKind = 'author' | 'category' | 'tag' | 'attachment' | 'image' | 'post' | 'page' | 'comment' | 'redirect' | 'menu_item' | 'other';

/** Why an image was not fetched: the download's reasons (lib/download), or what came after it. */
export type FetchFailureReason = DownloadFailure | 'not-image' | 'too-many-pixels' | 'store-failed';

/** A file `--fetch-media` could not bring, and the posts that show it (they list it for upload). */
export interface FetchFailure {
  url: string;
  reason: FetchFailureReason;
  message: string;
  /** Labels of the first few posts that show it ('post 12 "Title"'). */
  posts: string[];
  /** How many posts show it in all. */
  postCount: number;
  attachment?: number;
}

/** What `--fetch-media` did. */
export interface FetchSummary {
  /** Files to download (those already in the library from an earlier run not counted). */
  planned: number;
  files: number;
  bytes: number;
  failed: number;
  hosts: string[];
}

export interface KindCounts {
  created: number;
  updated: number;
  matched: number;
  skipped: number;
}

/** Warnings kept in full; beyond this many only their number is kept (a 50,000-post site can warn a lot). */
const MAX_WARNINGS = 2000;

export class ImportReport {
  readonly counts = new Map<ReportKind, KindCounts>();
  readonly warnings: string[] = [];
  omittedWarnings = 0;
  /** Set when the import fetched media from the old site. */
  fetch: FetchSummary | undefined;
  readonly fetchFailures: FetchFailure[] = [];
  omittedFetchFailures = 0;
  seconds = 0;
  /** Which WordPress menu became which of ours, and what was left (lines of the "Menus" section). */
  readonly menus: string[] = [];
  /** Sticky posts pinned as top stories of the home page. */
  stickyPinned = 0;
  /** Related lists recomputed after the import, or why not. */
  related: number | string = 'not run';
  /** What was not converted, by name (`wp:latest-posts`, `[poll]`), with the number of articles that had it. */
  readonly notConverted = new Map<string, number>();
  /** WordPress post formats kept on the imported articles (aside, quote…), with their numbers. */
  readonly formats = new Map<string, number>();

  constructor(
    public readonly source: string,
    public readonly dryRun: boolean,
  ) {}

  count(kind: ReportKind, what: keyof KindCounts, n = 1): void {
    const c = this.counts.get(kind) ?? { created: 0, updated: 0, matched: 0, skipped: 0 };
    c[what] += n;
    this.counts.set(kind, c);
  }

  get(kind: ReportKind): KindCounts {
    return this.counts.get(kind) ?? { created: 0, updated: 0, matched: 0, skipped: 0 };
  }

  /** A report for one item, merged into this one when the item's transaction commits. */
  child(): ImportReport {
    return new ImportReport(this.source, this.dryRun);
  }

  /** One more article with this unconverted thing (or post format, `tally(this.formats, 'aside')`). */
  tally(into: Map<string, number>, name: string, n = 1): void {
    into.set(name, (into.get(name) ?? 0) + n);
  }

  merge(other: ImportReport): void {
    for (const [kind, c] of other.counts) for (const k of Object.keys(c) as (keyof KindCounts)[]) if (c[k]) this.count(kind, k, c[k]);
    for (const [name, n] of other.notConverted) this.tally(this.notConverted, name, n);
    for (const [name, n] of other.formats) this.tally(this.formats, name, n);
    for (const w of other.warnings) this.warn(w);
    this.omittedWarnings += other.omittedWarnings;
  }

  fetchFailed(f: FetchFailure): void {
    if (this.fetchFailures.length < MAX_WARNINGS) this.fetchFailures.push(f);
    else this.omittedFetchFailures++;
  }

  warn(message: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
    else this.omittedWarnings++;
  }

  private formatFetch(f: FetchSummary): string[] {
    const hosts = f.hosts.length ? ` (${f.hosts.slice(0, 4).join(', ')}${f.hosts.length > 4 ? ', …' : ''})` : '';
    if (this.dryRun) return [`Media from the old site${hosts}: ${f.planned.toLocaleString('en')} file(s) to fetch; none downloaded in a dry run.`];
    if (f.planned === 0) return [`Media from the old site${hosts}: nothing to fetch (no file of it is missing from the library).`];
    const size = `${(f.bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
    const lines = [
      `Media from the old site${hosts}: ${f.files.toLocaleString('en')} of ${f.planned.toLocaleString('en')} file(s) fetched (${size})${f.failed ? `, ${f.failed.toLocaleString('en')} failed` : ''}.`,
    ];
    if (this.fetchFailures.length) {
      lines.push('', `Failed downloads (${f.failed}); their posts list them under "Images to upload":`);
      for (const x of this.fetchFailures) {
        const more = x.postCount - x.posts.length;
        const where = x.posts.length ? `shown in ${x.posts.join(', ')}${more > 0 ? ` and ${more} more` : ''}` : 'used by no post';
        lines.push(`  - ${x.url}`, `      ${x.message}; ${where}`);
      }
      if (this.omittedFetchFailures) lines.push(`  … and ${this.omittedFetchFailures} more`);
    }
    return lines;
  }

  /** Plain-text report for the terminal. */
  format(): string {
    const lines = [`${this.dryRun ? 'Dry run (nothing was written)' : 'Import finished'}: ${this.source}`, ''];
    lines.push(`  ${'kind'.padEnd(12)}${'created'.padStart(9)}${'updated'.padStart(9)}${'matched'.padStart(9)}${'skipped'.padStart(9)}`);
    for (const [kind, c] of this.counts) {
      lines.push(
        `  ${kind.padEnd(12)}${String(c.created).padStart(9)}${String(c.updated).padStart(9)}${String(c.matched).padStart(9)}${String(c.skipped).padStart(9)}`,
      );
    }
    lines.push('', `Related articles: ${typeof this.related === 'number' ? `${this.related} lists recomputed` : this.related}`);
    if (this.fetch) lines.push('', ...this.formatFetch(this.fetch));
    if (this.menus.length) lines.push('', 'Menus (an export names no theme locations):', ...this.menus.map((l) => `  ${l}`));
    if (this.stickyPinned)
      lines.push('', `Front page: ${this.stickyPinned} sticky post(s) pinned as top stories of the home page (editors change them at /admin/front-page).`);
    const byCount = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (this.formats.size)
      lines.push('', 'Post formats kept (an aside or a status shows no headline on cards):', ...byCount(this.formats).map(([f, n]) => `  ${f}: ${n}`));
    if (this.notConverted.size)
      lines.push(
        '',
        'Not converted (by name: the number of articles; each is named in the warnings below):',
        ...byCount(this.notConverted).map(([name, n]) => `  ${name}: ${n}`),
      );
    if (this.warnings.length) {
      lines.push('', `Warnings (${this.warnings.length + this.omittedWarnings}):`, ...this.warnings.map((w) => `  - ${w}`));
      if (this.omittedWarnings) lines.push(`  … and ${this.omittedWarnings} more`);
    }
    lines.push('', `Time: ${this.seconds.toFixed(1)} s`);
    return lines.join('\n');
  }
}
