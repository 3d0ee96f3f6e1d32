import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { startServer } from '../main.js';
import type { Command } from './command.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the web server (migrates, and loads demo content into an empty database unless DEMO=0)',
  usage: [
    'Usage: broadsheet serve [--host H] [--port P]',
    '',
    'Starts the site. Options override HOST and PORT; everything else comes from the environment.',
    '  --host H   interface to listen on (default 127.0.0.1)',
    '  --port P   port (default 3000)',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({ args, options: { host: { type: 'string' }, port: { type: 'string' } } });
    const config = loadConfig({ ...process.env, ...(values.host ? { HOST: values.host } : {}), ...(values.port ? { PORT: values.port } : {}) });
    await startServer(config);
    // A human-readable line next to the JSON logs: where the site is and how to start writing.
    console.log(
      `\nBroadsheet is running at ${config.siteUrl}/ (admin: ${config.siteUrl}/admin/; the first visit to /admin/setup creates the owner account).\n`,
    );
    return await new Promise<number>(() => {
      /* runs until a signal */
    });
  },
};
