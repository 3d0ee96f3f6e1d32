/**
 * @module test/helpers/axe
 * Accessibility check of a loaded playwright page with axe-core (WCAG 2.0/2.1 A and AA plus
 * best practices). The page's context must be created with `bypassCSP: true` (see newTestPage).
 */
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** The minified build from node_modules/axe-core, injected as a script tag. */
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

/** Rule sets we hold pages to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

/** One failed rule and the elements that fail it. */
export interface AxeViolation {
  id: string;
  impact: ImpactValue | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Runs axe on the whole document of `page` and returns its violations (empty when it passes). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // A second injection would be harmless but slow; skip it when the page already has axe.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(
    async (tags) => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    },
    [...AXE_TAGS],
  );
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      // A target is a list of selectors; a nested list crosses shadow roots.
      target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))),
      html: n.html,
      ...(n.failureSummary !== undefined && { failureSummary: n.failureSummary }),
    })),
  }));
}

/** Formats violations as readable text, for assertion messages. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(', ')}`).join('\n')}`).join('\n');
}
