/**
 * @module cli/people
 * `broadsheet people suggest [--min N] [--limit N] [--only NAME …] [--json]`: the people the
 * site's captions and quotations name (an imported WordPress site has no people of its own), and
 * `--apply` to create them at People and link their articles, after an editor has read the list.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config/config.js';
import { openDb } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { nameKey } from '../modules/person/person.js';
import { applySuggestions, suggestPeople, type Progress, type SuggestedPerson } from '../modules/person/person-suggest.service.js';
import { cliActor } from '../modules/user/user.js';
import { UsageError, type Command } from './command.js';
import { announcePurge } from './purge.js';

const USAGE = [
  'Usage: broadsheet people suggest [--min N] [--limit N] [--only NAME …] [--json]',
  '       broadsheet people suggest --apply [--min N] [--only NAME …] [--json]',
  '',
  'Lists the people the articles already name: photo captions written "Name, role", "Name; role"',
  'or "Name — role" (also "نام، نقش" with the Arabic comma, for scripts without capitals), and',
  'the citations of quotations ("Mark Twain", "Maria Lind, harbour master"), including those in',
  'imported HTML (<figcaption>, <cite>, [caption]). It reads every post and page in any status',
  'but the trash (drafts, scheduled and pending too). A name is 2 to 5 words starting with',
  'capitals (particles such as de, van, bin, al- allowed); photo credits are left out.',
  'For each: the articles naming them, the role written most often beside the name, and whether',
  'People already has someone of that name. Most articles first.',
  '',
  'Without --apply nothing is written (a dry run).',
  '  --apply       create the people People does not have yet (the role as their description),',
  '                attribute each caption and quotation naming them (the name links to their',
  '                page) and link the articles to them as quoted; running it again changes nothing',
  '  --min N       only people named in at least N articles (default 1)',
  '  --limit N     list at most N people (default 100; not with --apply)',
  '  --only NAME   only this person (repeatable); with --apply, only those are created and linked',
  '  --json        print JSON instead of a table',
  '',
  'Exit codes: 0 done, 2 bad arguments, 1 anything else.',
].join('\n');

/** A whole-number option from `min` up, or a UsageError naming it. */
function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < min) throw new UsageError(`--${name} must be a whole number from ${min} (got "${raw}")`);
  return Number(raw);
}

/** A progress bar on a terminal; otherwise a plain line every 25%. */
function progressReporter(): { phase(label: string): (p: Progress) => void; stop(): void } {
  let bar: cliProgress.SingleBar | undefined;
  return {
    phase(label) {
      bar?.stop();
      bar = undefined;
      if (process.stderr.isTTY) {
        bar = new cliProgress.SingleBar(
          { format: `  ${label.padEnd(9)} [{bar}] {percentage}% ({value}/{total})`, hideCursor: true, stream: process.stderr },
          cliProgress.Presets.shades_classic,
        );
        bar.start(1, 0);
        const b = bar;
        return (p) => {
          b.setTotal(Math.max(1, p.total));
          b.update(p.done);
        };
      }
      let last = -1;
      return (p) => {
        const pct = p.total ? Math.floor((p.done / p.total) * 4) * 25 : 100;
        if (pct > last) {
          last = pct;
          console.error(`people suggest: ${label} ${pct}% (${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')})`);
        }
      };
    },
    stop() {
      bar?.stop();
    },
  };
}

/** Text cut to `n` characters (by code point) for the table. */
const cut = (s: string, n: number): string => {
  const cps = [...s];
  return cps.length > n ? `${cps.slice(0, n - 1).join('')}…` : s;
};
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - [...s].length));

function table(list: readonly SuggestedPerson[]): string {
  const rows = list.map((c) => [String(c.articles), cut(c.name, 40), cut(c.role || '–', 50), c.personId ? `yes (#${c.personId})` : 'new']);
  const head = ['Articles', 'Name', 'Role', 'At People'];
  const widths = head.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const line = (r: string[]): string =>
    r
      .map((v, i) => (i === 0 ? v.padStart(widths[0]!) : pad(v, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const json = (list: readonly SuggestedPerson[]) =>
  list.map((c) => ({
    name: c.name,
    role: c.role,
    articles: c.articles,
    captions: c.captions,
    citations: c.citations,
    exists: c.personId !== null,
    personId: c.personId,
    postIds: c.postIds,
  }));

export const peopleCommand: Command = {
  name: 'people',
  summary: 'Suggest the people named in captions and quotations (--apply creates and links them)',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        apply: { type: 'boolean' },
        min: { type: 'string' },
        limit: { type: 'string' },
        only: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    });
    const [action, ...extra] = positionals;
    if (action !== 'suggest') throw new UsageError(action ? `unknown action "${action}" (expected "suggest")` : 'say what to do: broadsheet people suggest');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"; quote a name with spaces: --only "Maria Lind"`);
    const apply = values.apply ?? false;
    const min = wholeNumber('min', values.min, 1, 1);
    if (apply && values.limit !== undefined)
      throw new UsageError('--limit only shortens the list; --apply takes every candidate with --min, or those named by --only');
    const limit = wholeNumber('limit', values.limit, 100, 1);
    const only = (values.only ?? []).map((n) => ({ name: n, key: nameKey(n) }));
    const blank = only.find((o) => !o.key);
    if (blank) throw new UsageError(`--only needs a name (got "${blank.name}")`);

    const config = loadConfig();
    const handle = openDb(config);
    const progress = progressReporter();
    try {
      await migrate(handle);
      const found = await suggestPeople(handle.db, { onProgress: progress.phase('reading') });
      progress.stop();
      let list = found.candidates.filter((c) => c.articles >= min);
      if (only.length) {
        const missing = only.filter((o) => !list.some((c) => c.key === o.key));
        if (missing.length) {
          const names = missing.map((m) => `"${m.name}"`).join(', ');
          throw new UsageError(
            `${names} ${missing.length === 1 ? 'is' : 'are'} not among the candidates${min > 1 ? ` named in ${min} articles or more` : ''}; nothing was written. Run without --apply to see the list.`,
          );
        }
        const keys = new Set(only.map((o) => o.key));
        list = list.filter((c) => keys.has(c.key));
      }
      if (!apply) {
        const shown = list.slice(0, limit);
        if (values.json) console.log(JSON.stringify({ dryRun: true, articlesRead: found.articles, total: list.length, candidates: json(shown) }, null, 2));
        else {
          console.log(`Read ${found.articles.toLocaleString('en')} posts and pages (all but the trash).`);
          if (!list.length) console.log('No candidates found.');
          else {
            console.log(table(shown));
            if (list.length > shown.length) console.log(`… and ${list.length - shown.length} more (--limit to see them).`);
            const fresh = list.filter((c) => c.personId === null).length;
            console.log(`\nDry run: nothing was written. ${fresh} of ${list.length} are not at People yet.`);
            console.log('Run again with --apply (and --only "Name" to choose) to create them and link their articles.');
          }
        }
        return 0;
      }
      const done = await applySuggestions(handle.db, list, cliActor, new Date(), { onProgress: progress.phase('linking') });
      progress.stop();
      await announcePurge(handle, config, 'people', done.purge);
      if (values.json)
        console.log(
          JSON.stringify(
            { dryRun: false, created: done.created, skipped: done.skipped, articles: done.articles, attributed: done.attributed, candidates: json(list) },
            null,
            2,
          ),
        );
      else {
        console.log(
          `Created ${done.created.length} ${done.created.length === 1 ? 'person' : 'people'}${done.created.length ? `: ${done.created.map((c) => c.name).join(', ')}` : ''}.`,
        );
        console.log(
          `Changed ${done.articles} ${done.articles === 1 ? 'article' : 'articles'} (${done.attributed} ${done.attributed === 1 ? 'caption or quotation' : 'captions and quotations'} attributed).`,
        );
        for (const s of done.skipped) console.log(`Skipped ${s.name}: ${s.reason}`);
      }
      return 0;
    } finally {
      progress.stop();
      await handle.close();
    }
  },
};
