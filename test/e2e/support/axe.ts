// Accessibility audit of the page as rendered, with axe-core injected from node_modules (inline, so
// not a request).
import { createRequire } from "node:module";
import type { AxeResults, Result } from "axe-core";
import type { Page } from "playwright-core";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export type Violation = Pick<Result, "id" | "impact" | "help" | "helpUrl"> & { targets: string[] };

/** Violations of impact "serious" or "critical" on the page. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      targets: nodes.map((node) => node.target.join(" ")),
    }));
}

/** One line per violation, for an assertion message a person can act on. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n    at ${v.targets.slice(0, 5).join("\n    at ")}`).join("\n");
}
