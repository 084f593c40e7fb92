/**
 * HTML validity gate: runs html-validate over every page of a built site.
 *
 * The repository's `.htmlvalidate.mjs` is passed as the *global* config with `root: true`, so the
 * same rules apply wherever the site folder lives (even a temp dir in tests) and no stray config
 * file near the output can change them.
 */
import path from "node:path";
import { FileSystemConfigLoader, HtmlValidate, type ConfigData } from "html-validate";
import repoConfig from "../../../.htmlvalidate.mjs";
import { listHtmlFiles } from "./site-files.ts";

export interface HtmlProblem {
  /** Page relative to the site folder, e.g. `blog/index.html`. */
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  severity: "error" | "warning";
}

export interface ValidateSiteOptions {
  /** Replaces the repository config (tests use this to prove a rule fires). */
  config?: ConfigData;
}

export async function validateSite(siteDir: string, options: ValidateSiteOptions = {}): Promise<HtmlProblem[]> {
  const config: ConfigData = { ...(options.config ?? repoConfig), root: true };
  const validator = new HtmlValidate(new FileSystemConfigLoader(config));
  const problems: HtmlProblem[] = [];
  for (const file of listHtmlFiles(siteDir)) {
    const report = await validator.validateFile(path.join(siteDir, file));
    for (const result of report.results) {
      for (const m of result.messages) {
        problems.push({
          file,
          line: m.line,
          column: m.column,
          rule: m.ruleId,
          message: m.message,
          severity: m.severity >= 2 ? "error" : "warning",
        });
      }
    }
  }
  return problems;
}

/** `blog/index.html:12:5 [no-dup-id] Duplicate ID "x"` — one line per problem, for failure messages. */
export function formatHtmlProblems(problems: readonly HtmlProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} [${p.rule}] ${p.message}`).join("\n");
}
