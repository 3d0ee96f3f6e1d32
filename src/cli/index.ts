/**
 * @module cli
 * `broadsheet <command> [options]`. One file per command; each exports { name, summary, usage, run }.
 */
import { ConfigError } from '../config/config.js';
import { UsageError, type Command } from './command.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { migrateCommand } from './migrate.js';
import { seedCommand } from './seed.js';
import { serveCommand } from './serve.js';
import { userCommand } from './user.js';
import { commentsCommand } from './comments.js';
import { peopleCommand } from './people.js';

const commands: Command[] = [serveCommand, migrateCommand, seedCommand, importCommand, exportCommand, userCommand, commentsCommand, peopleCommand];

function help(): string {
  return [
    'Usage: broadsheet <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    "Run `broadsheet <command> --help` for a command's options.",
    'Configuration comes from the environment (HOST, PORT, DATA_DIR, DATABASE_URL, SITE_URL, DEMO, LOG_LEVEL); see README.md.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 1;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    console.error(`broadsheet: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(cmd.usage);
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (
      err instanceof ConfigError ||
      (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      (err as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ||
      err instanceof UsageError
    ) {
      console.error(`broadsheet ${name}: ${(err as Error).message}\n\n${cmd.usage}`);
      return 2;
    }
    throw err;
  }
}
