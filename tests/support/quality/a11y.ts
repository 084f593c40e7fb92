/**
 * Accessibility gate: axe-core run inside a Playwright page, limited to the WCAG 2.0/2.1/2.2
 * A and AA rules (the site's conformance target). Best-practice rules are deliberately not part
 * of the gate so a failure always means a WCAG finding.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] as const;

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
/** Read lazily: the file is ~500 kB and only browser suites need it. */
const getAxeSource = (): string => (axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Injected through evaluate (not a <script> tag) so a Content-Security-Policy cannot block it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(getAxeSource());
  return page.evaluate(
    async (tags) => {
      const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
      const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(" "),
          html: n.html.slice(0, 300),
          summary: n.failureSummary ?? "",
        })),
      }));
    },
    [...AXE_TAGS],
  );
}

/** Readable failure message: rule, impact, help, then each offending node. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `[${v.id}] (${v.impact ?? "n/a"}) ${v.help} — ${v.helpUrl}`,
        ...v.nodes.map((n) => `    ${n.target}: ${n.html}\n      ${n.summary.replace(/\n/g, "\n      ")}`),
      ].join("\n"),
    )
    .join("\n");
}
