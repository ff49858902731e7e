import axe from "axe-core";
import type { Page } from "playwright-core";

/** One accessibility problem axe-core found: its rule, impact and the elements it concerns. */
export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Runs axe-core on the page (WCAG 2 A and AA rules) and returns the serious and critical findings. The script
 * is evaluated through the DevTools protocol, which the pages' CSP (no scripts at all) does not govern.
 */
export async function seriousAccessibilityProblems(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(axe.source);
  const findings = await page.evaluate(async () => {
    const runner = (globalThis as unknown as { axe: typeof axe }).axe;
    const result = await runner.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
  return findings.filter((finding) => finding.impact === "serious" || finding.impact === "critical");
}
