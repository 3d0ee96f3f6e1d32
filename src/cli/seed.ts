import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openDb } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { bulkSeed } from '../demo/bulk-seed.js';
import { openMediaStore } from '../modules/media/media-store.js';
import { seedDemoIfEmpty } from '../demo/seed-demo.js';
import { UsageError, type Command } from './command.js';
import { announcePurge } from './purge.js';

const count = (raw: string | undefined, fallback: number, name: string, max = 10_000_000): number => {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new UsageError(`--${name} must be a whole number up to ${max.toLocaleString('en')}`);
  return Number(raw);
};

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Add synthetic articles in bulk (benchmarks), or the demo newsroom with --demo',
  usage: [
    'Usage: broadsheet seed [--articles N] [--comments N] [--categories N] [--tags N] [--authors N] [--demo]',
    '',
    'Adds synthetic published articles fast (multi-row inserts in transactions).',
    '  --articles N     articles to add (default 1000)',
    '  --comments N     approved comments spread over them, a third of them replies (default 0)',
    '  --categories N   categories in a two-level tree (default 20)',
    '  --tags N         tags (default 100)',
    '  --authors N      authors (default 10)',
    '  --demo           load the built-in demo newsroom instead (only into an empty database)',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        articles: { type: 'string' },
        comments: { type: 'string' },
        categories: { type: 'string' },
        tags: { type: 'string' },
        authors: { type: 'string' },
        demo: { type: 'boolean' },
      },
    });
    const config = loadConfig();
    const handle = openDb(config);
    try {
      await migrate(handle);
      if (values.demo) {
        const seeded = await seedDemoIfEmpty(handle, await openMediaStore(config));
        if (seeded) await announcePurge(handle, config, 'seed', 'all');
        console.log(seeded ? 'Demo content loaded.' : 'The database already has content; demo content not loaded.');
        return 0;
      }
      const articles = count(values.articles, 1000, 'articles');
      const started = Date.now();
      const tty = process.stderr.isTTY;
      let last = 0;
      const result = await bulkSeed(handle.db, {
        articles,
        categories: count(values.categories, 20, 'categories', 100_000),
        tags: count(values.tags, 100, 'tags', 1_000_000),
        authors: count(values.authors, 10, 'authors', 100_000),
        comments: count(values.comments, 0, 'comments'),
        onProgress: (done, total) => {
          const pct = Math.floor((done / total) * 100);
          if (tty)
            process.stderr.write(`\r  seeding ${'█'.repeat(pct / 4).padEnd(25, '░')} ${pct}% (${done.toLocaleString('en')}/${total.toLocaleString('en')})`);
          else if (pct >= last + 10 || done === total) {
            last = pct;
            console.error(`seeding: ${done}/${total} (${pct}%)`);
          }
        },
      });
      if (tty) process.stderr.write('\n');
      await announcePurge(handle, config, 'seed', 'all');
      console.log(
        `Added ${result.articles} articles, ${result.comments} comments, ${result.categories} categories, ${result.tags} tags, ${result.authors} authors in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
      return 0;
    } finally {
      await handle.close();
    }
  },
};
