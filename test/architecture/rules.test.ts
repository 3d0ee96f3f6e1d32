/**
 * Each dependency-cruiser rule in .dependency-cruiser.cjs rejects a deliberate violation: a small
 * source tree, written to a temporary folder, breaks every rule once, and the real configuration
 * must name each break. (npm test runs the same configuration on src/ itself.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** file → source; each line of `imports` breaks one rule. */
const TREE: Record<string, string> = {
  'src/web/html.ts': 'export const x = 1;\n',
  'src/web/admin/media/media.presenter.ts': 'export const m = 1;\n',
  'src/web/admin/media/media.view-models.ts': 'export interface MediaVM { a: number }\n',
  'src/modules/thing/thing.service.ts': "import { x } from '../../web/html';\nexport const t = x;\n",
  'src/modules/thing/thing.repository.ts': 'export const r = 1;\n',
  'src/web/admin/media/media.view.tsx':
    "import { r } from '../../../modules/thing/thing.repository';\nimport { m } from './media.presenter';\nexport const v = r + m;\n",
  'src/web/admin/articles/articles.routes.ts': "import { m } from '../media/media.presenter';\nexport const a = m;\n",
  'src/web/admin/shell/layout.tsx': "import type { MediaVM } from '../media/media.view-models';\nexport type L = MediaVM;\n",
  'src/web/admin/shell/auth.ts': "import { a } from '../articles/articles.routes';\nexport const s = a;\n",
  'src/lib/ids.ts': "import { t } from '../modules/thing/thing.service';\nexport const l = t;\n",
  'src/db/dialects/sqlite.ts': 'export const d = 1;\n',
  'src/web/site/pages.ts': "import { d } from '../../db/dialects/sqlite';\nexport const p = d;\n",
  'src/jobs/one.ts': "import { two } from './two';\nexport const one = () => two();\n",
  'src/jobs/two.ts': "import { one } from './one';\nexport const two = () => one();\n",
  'src/cli/index.ts': "import { h } from '../../test/helpers/h';\nexport const c = h;\n",
  'test/helpers/h.ts': 'export const h = 1;\n',
  // Allowed: a view with its view-model type and the shell's components; routes using the shell and a module.
  'src/web/admin/audit/audit.view-models.ts': 'export interface AuditVM { n: number }\n',
  'src/web/admin/shell/components.tsx': 'export const Box = 1;\n',
  'src/web/admin/shell/presenters.ts': 'export const dateVM = 1;\n',
  'src/web/admin/audit/audit.view.tsx':
    "import type { AuditVM } from './audit.view-models';\nimport { Box } from '../shell/components';\nexport const render = (vm: AuditVM) => vm.n + Box;\n",
  'src/web/admin/audit/audit.routes.ts':
    "import { dateVM } from '../shell/presenters';\nimport { render } from './audit.view';\nimport { t } from '../../../modules/thing/thing.service';\nexport const routes = [dateVM, render, t];\n",
};

const EXPECTED: [rule: string, from: string, to: string][] = [
  ['modules-stay-below-web', 'src/modules/thing/thing.service.ts', 'src/web/html.ts'],
  ['views-are-pure', 'src/web/admin/media/media.view.tsx', 'src/modules/thing/thing.repository.ts'],
  ['views-import-view-models-only', 'src/web/admin/media/media.view.tsx', 'src/web/admin/media/media.presenter.ts'],
  ['admin-features-stay-apart', 'src/web/admin/articles/articles.routes.ts', 'src/web/admin/media/media.presenter.ts'],
  ['admin-shell-is-shared', 'src/web/admin/shell/auth.ts', 'src/web/admin/articles/articles.routes.ts'],
  ['admin-shell-is-shared', 'src/web/admin/shell/layout.tsx', 'src/web/admin/media/media.view-models.ts'],
  ['lib-is-generic', 'src/lib/ids.ts', 'src/modules/thing/thing.service.ts'],
  ['only-db-knows-the-dialect', 'src/web/site/pages.ts', 'src/db/dialects/sqlite.ts'],
  ['no-circular', 'src/jobs/one.ts', 'src/jobs/two.ts'],
  ['no-test-code-in-src', 'src/cli/index.ts', 'test/helpers/h.ts'],
];

describe('architecture rules (dependency-cruiser)', () => {
  let dir: string;
  let found: { rule: string; from: string; to: string }[] = [];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-rules-'));
    for (const [file, text] of Object.entries(TREE)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', jsx: 'react-jsx', strict: true } }),
    );
    const r = spawnSync(
      path.join(ROOT, 'node_modules', '.bin', 'depcruise'),
      ['src', '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'],
      { cwd: dir, encoding: 'utf8' },
    );
    const out = JSON.parse(r.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    found = out.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [rule, from, to] of EXPECTED) {
    it(`${rule} rejects ${from} → ${to}`, () => {
      expect(
        found.filter((v) => v.rule === rule && v.from === from).map((v) => v.to),
        JSON.stringify(found, null, 1),
      ).toContain(to);
    });
  }

  it('and accepts what the rules allow: a view importing its view-model type and the shell, routes using the shell and a module', () => {
    expect(found.filter((v) => v.from.startsWith('src/web/admin/audit/'))).toEqual([]);
  });
});
