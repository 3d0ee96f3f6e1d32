/**
 * @module cli/user
 * `broadsheet user create|reset-password`: accounts from the command line (the first owner on a
 * server without a browser, or a forgotten password). The password comes from a hidden prompt on
 * a terminal, or from standard input with --password-stdin (scripts, CI).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openDb } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { ROLES } from '../modules/user/permissions.js';
import { createUser, resetPassword } from '../modules/user/user.service.js';
import { passwordProblem } from '../modules/user/password.js';
import { cliActor, emailProblem, UserError, validateNewUser } from '../modules/user/user.js';
import { UsageError, type Command } from './command.js';

const USAGE = [
  'Usage: broadsheet user create --email E --name N --role ROLE [--password-stdin]',
  '       broadsheet user reset-password --email E [--password-stdin]',
  '',
  'create            adds an account (the first one should be an owner)',
  'reset-password    sets a new password and ends every session of that user',
  '',
  '  --email E         the login email address',
  '  --name N          the name shown in the admin (create)',
  `  --role ROLE       ${ROLES.join(' | ')} (create)`,
  '  --password-stdin  read the password from standard input (one line) instead of a hidden prompt',
  '',
  'Passwords need at least 10 characters. Exit codes: 0 done, 2 bad input, 1 anything else.',
].join('\n');

/** Reads all of stdin; the password is its first line (a trailing newline is not part of it). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.split(/\r?\n/)[0] ?? '';
}

/** Asks on the terminal without echoing what is typed. Ctrl-C aborts. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(fromStdin: boolean, confirm: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) throw new UsageError('no terminal to ask for the password on; pipe it in with --password-stdin');
  const first = await promptHidden('Password (at least 10 characters): ');
  if (confirm) {
    const again = await promptHidden('Password again: ');
    if (again !== first) throw new UsageError('the two passwords do not match');
  }
  return first;
}

function explain(err: UserError): string {
  const fields = Object.entries(err.fields).filter(([, m]) => m !== undefined);
  if (fields.length === 0) return err.message;
  const flag: Record<string, string> = { email: '--email', name: '--name', role: '--role', password: 'password', confirm: 'password' };
  return fields.map(([k, m]) => `${flag[k] ?? k}: ${m}`).join('\n');
}

export const userCommand: Command = {
  name: 'user',
  summary: 'Create an account or reset a password (create | reset-password)',
  usage: USAGE,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub !== 'create' && sub !== 'reset-password') {
      throw new UsageError(sub ? `unknown sub-command "${sub}" (use create or reset-password)` : 'say what to do: create or reset-password');
    }
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.email) throw new UsageError('--email is required');
    if (sub === 'create') {
      if (!values.name) throw new UsageError('--name is required');
      if (!values.role) throw new UsageError(`--role is required (${ROLES.join(', ')})`);
      if (!(ROLES as readonly string[]).includes(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not "${values.role}"`);
    } else if (values.name !== undefined || values.role !== undefined) {
      throw new UsageError('reset-password takes only --email and --password-stdin');
    }
    const config = loadConfig();
    const password = await readPassword(values['password-stdin'] === true, true);
    // Check the input before touching the database, so bad input never opens (or migrates) it.
    const problems =
      sub === 'create'
        ? validateNewUser({ email: values.email, name: values.name, role: values.role, password }).errors
        : {
            ...(emailProblem(values.email) ? { email: emailProblem(values.email) } : {}),
            ...(passwordProblem(password) ? { password: passwordProblem(password) } : {}),
          };
    if (Object.keys(problems).length > 0) {
      console.error(`broadsheet user ${sub}: ${explain(new UserError('USER_INVALID', 'Some input needs attention.', problems))}`);
      return 2;
    }
    const handle = openDb(config);
    try {
      await migrate(handle);
      const ctx = { now: new Date() };
      if (sub === 'create') {
        const user = await createUser(handle.db, { email: values.email, name: values.name, role: values.role, password }, cliActor, ctx);
        console.log(`Created ${user.role} ${user.email} (user ${user.id}). They can log in at ${config.siteUrl}/admin/login`);
      } else {
        const { user, endedSessions } = await resetPassword(handle.db, cliActor, values.email, password, ctx);
        console.log(`Password changed for ${user.email}; ${endedSessions} session${endedSessions === 1 ? '' : 's'} ended.`);
      }
      return 0;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      console.error(`broadsheet user ${sub}: ${explain(err)}`);
      return 2;
    } finally {
      await handle.close();
    }
  },
};
