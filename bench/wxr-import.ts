/**
 * WordPress import benchmark: generates a synthetic WXR file (default 50,000 posts, 2 comments
 * each, ~2 KB bodies with a [caption]), imports it into a fresh SQLite database in a child
 * process, and prints the time and the child's peak RSS. Target (issue 6): under 60 s and 300 MB.
 *
 *   npx tsx bench/wxr-import.ts [--posts N] [--comments N] [--database-url postgres://…]
 *
 * Writes bench/results/wxr-import-<date>.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { posts: { type: 'string' }, comments: { type: 'string' }, child: { type: 'string' }, 'database-url': { type: 'string' } },
});

if (values.child) {
  // The measured part, alone in its process so its peak RSS is the import's.
  const { openDb } = await import('../src/db/database.js');
  const { migrate } = await import('../src/db/migrate.js');
  const { importWordPress } = await import('../src/import/wordpress/import-wordpress.js');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bs-bench-wxr-'));
  const handle = openDb({ databaseUrl: values['database-url'], dataDir });
  await migrate(handle);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const report = await importWordPress(handle.db, {
    file: values.child,
    mediaRoot: path.join(dataDir, 'media'),
    ipHashKey: Buffer.alloc(32, 1),
    fullText: handle.dialect.fullText,
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const out = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    posts: report.get('post').created,
    comments: report.get('comment').created,
    redirects: report.get('redirect').created,
    related: report.related,
  };
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify(out));
} else {
  const { writeSyntheticWxr } = await import('../test/import/generate-wxr.js');
  const posts = Number(values.posts ?? 50_000);
  const file = path.join(os.tmpdir(), `bs-bench-${posts}.xml`);
  const t0 = performance.now();
  const bytes = await writeSyntheticWxr(file, { posts, comments: Number(values.comments ?? 2) });
  console.log(`Generated ${posts.toLocaleString('en')} posts, ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const args = [
    '--import',
    'tsx',
    fileURLToPath(import.meta.url),
    '--child',
    file,
    ...(values['database-url'] ? ['--database-url', values['database-url']] : []),
  ];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  fs.rmSync(file, { force: true });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  const result = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { seconds: number; cpuSeconds: number; peakRssMb: number; posts: number; comments: number };
  console.log(
    `Imported ${result.posts.toLocaleString('en')} posts and ${result.comments.toLocaleString('en')} comments in ${result.seconds.toFixed(1)} s wall (${result.cpuSeconds.toFixed(1)} s CPU in the importing process), peak RSS ${result.peakRssMb.toFixed(0)} MB`,
  );
  console.log(
    `Targets: < 60 s ${result.seconds < 60 ? 'met' : 'MISSED'}, < 300 MB ${result.peakRssMb < 300 ? 'met' : 'MISSED'}; load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench/results', `wxr-import-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`),
    JSON.stringify({ generated: posts, bytes, ...result, load: os.loadavg() }, null, 2),
  );
}
