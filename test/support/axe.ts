import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * Runs axe-core (WCAG 2.2 A and AA rules) in the page and returns the violations. `alsoRules`:
 * rules axe does not run by default (experimental ones such as `label-content-name-mismatch`).
 */
export async function axeViolations(page: Page, alsoRules: string[] = []): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, so the extension page's CSP does not stop it.
  await page.evaluate(`${AXE_SOURCE};0`);
  return page.evaluate(async (extra) => {
    const axe = (
      globalThis as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      rules: Object.fromEntries(extra.map((rule) => [rule, { enabled: true }])),
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, alsoRules);
}
