/**
 * Runs the import against a project folder: reads the export, writes the planned Markdown files and the
 * new authors, and keeps the manifest that lets a later run leave editors' changes alone.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { mergeAuthorsYaml } from "./authors.ts";
import { CORRECTIONS_PATH, parseCorrections } from "./corrections.ts";
import { decideWrite, hashOf, manifestJson, parseManifest } from "./manifest.ts";
import { planImport } from "./plan.ts";
import type { RegionNames } from "./regions.ts";

export const MANIFEST_PATH = "legacy/import-manifest.json";
export const AUTHORS_PATH = "content/_data/authors.yaml";
const REGIONS_PATH = "content/_data/regions.yaml";
const EXPORT_PATH = "legacy/export";

export interface ImportOptions {
  /** The project folder: paths in content/, legacy/ and the manifest are relative to it. */
  root: string;
  /** Overwrite files an editor has changed since the last import. */
  force?: boolean;
}

export interface ImportReport {
  written: string[];
  unchanged: string[];
  /** Files an editor changed since the import wrote them: left as they are. */
  skipped: string[];
  merged: string[];
  authorsAdded: string[];
  warnings: string[];
}

export async function runImport({ root, force = false }: ImportOptions): Promise<ImportReport> {
  const exportDir = join(root, EXPORT_PATH);
  const names = (await readdir(exportDir)).filter((name) => name.endsWith(".txt")).sort();
  const sources = await Promise.all(names.map(async (name) => ({ name, text: await readFile(join(exportDir, name), "utf8") })));
  const corrections = parseCorrections((await readIfExists(join(root, CORRECTIONS_PATH))) ?? "");
  const plan = planImport(sources, await readFile(join(exportDir, "metadata.tsv"), "utf8"), await regionNames(root), corrections);

  const manifest = parseManifest(await readIfExists(join(root, MANIFEST_PATH)));
  const report: ImportReport = { written: [], unchanged: [], skipped: [], merged: plan.merged, authorsAdded: [], warnings: plan.warnings };
  for (const file of plan.files) {
    const decision = decideWrite(await readIfExists(join(root, file.path)), file.text, manifest.files[file.path], force);
    if (decision === "skip") {
      report.skipped.push(file.path);
      continue;
    }
    if (decision === "write") await writeText(join(root, file.path), file.text);
    (decision === "write" ? report.written : report.unchanged).push(file.path);
    manifest.files[file.path] = hashOf(file.text);
  }

  const currentAuthors = await readIfExists(join(root, AUTHORS_PATH));
  const authors = mergeAuthorsYaml(currentAuthors, plan.authors);
  if (authors.text !== currentAuthors) await writeText(join(root, AUTHORS_PATH), authors.text);
  report.authorsAdded = authors.added;

  const manifestText = manifestJson(manifest);
  if (manifestText !== (await readIfExists(join(root, MANIFEST_PATH)))) await writeText(join(root, MANIFEST_PATH), manifestText);
  return report;
}

async function regionNames(root: string): Promise<RegionNames> {
  const data = parse(await readFile(join(root, REGIONS_PATH), "utf8")) as Record<string, { name: string }>;
  return Object.fromEntries(Object.entries(data).map(([key, region]) => [key, region.name]));
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, "utf8");
}
