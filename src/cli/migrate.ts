import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openDb } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { Command } from './command.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations and exit',
  usage: 'Usage: broadsheet migrate\n\nApplies pending migrations to the database chosen by DATABASE_URL (or SQLite under DATA_DIR).',
  async run(args) {
    parseArgs({ args, options: {} });
    const handle = openDb(loadConfig());
    try {
      const applied = await migrate(handle);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      return 0;
    } finally {
      await handle.close();
    }
  },
};
