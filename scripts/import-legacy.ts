/**
 * `npm run import:legacy [-- --force]`: turns the old site's export (legacy/export/) into Markdown under
 * content/, adds the authors it names to content/_data/authors.yaml, and reports what it could not know.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runEntryPoint } from "../src/core/errors.ts";
import { runImport, type ImportReport } from "../src/legacy/import.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const force = process.argv.includes("--force");
await runEntryPoint(async () => console.log(summary(await runImport({ root, force }), force)));

function summary(report: ImportReport, forced: boolean): string {
  const section = (heading: string, lines: string[]) =>
    lines.length ? [`${heading}:`, ...lines.map((line) => `  ${line}`)] : [];
  return [
    `Imported the legacy export${forced ? " (--force: editors' changes overwritten)" : ""}:`,
    `  written ${report.written.length}, unchanged ${report.unchanged.length}, skipped ${report.skipped.length}, merged duplicates ${report.merged.length}, authors added ${report.authorsAdded.length}`,
    ...section(
      "Skipped (changed by an editor since the import wrote it; run with --force to overwrite)",
      report.skipped,
    ),
    ...section("Merged duplicates", report.merged),
    ...section("Authors added to content/_data/authors.yaml", report.authorsAdded),
    ...section(`Warnings (${report.warnings.length})`, report.warnings),
  ].join("\n");
}
