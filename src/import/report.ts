/**
 * @module import/report
 * What an import did: per kind, how many rows were created, updated, matched to existing content
 * or skipped; every warning; the time taken. Printed by the CLI, asserted by tests.
 */

export type ReportKind = 'author' | 'category' | 'tag' | 'attachment' | 'post' | 'page' | 'comment' | 'redirect' | 'menu_item' | 'other';

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
  seconds = 0;
  /** Related lists recomputed after the import, or why not. */
  related: number | string = 'not run';

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

  merge(other: ImportReport): void {
    for (const [kind, c] of other.counts) for (const k of Object.keys(c) as (keyof KindCounts)[]) if (c[k]) this.count(kind, k, c[k]);
    for (const w of other.warnings) this.warn(w);
    this.omittedWarnings += other.omittedWarnings;
  }

  warn(message: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
    else this.omittedWarnings++;
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
    if (this.warnings.length) {
      lines.push('', `Warnings (${this.warnings.length + this.omittedWarnings}):`, ...this.warnings.map((w) => `  - ${w}`));
      if (this.omittedWarnings) lines.push(`  … and ${this.omittedWarnings} more`);
    }
    lines.push('', `Time: ${this.seconds.toFixed(1)} s`);
    return lines.join('\n');
  }
}
