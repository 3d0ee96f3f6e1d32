#!/usr/bin/env node
// The `broadsheet` command. Runs the TypeScript sources through tsx (a dependency), or the
// compiled dist/ when BROADSHEET_DIST=1 (after `npm run build`).
import { fileURLToPath } from 'node:url';

const useDist = process.env.BROADSHEET_DIST === '1';
if (!useDist) {
  const { register } = await import('tsx/esm/api');
  register();
}
const entry = new URL(useDist ? '../dist/cli/index.js' : '../src/cli/index.ts', import.meta.url);
const { main } = await import(fileURLToPath(entry));
process.exitCode = await main(process.argv.slice(2));
