/**
 * The folders of src/ are layers, and imports flow one way (README, "Where things live"):
 * core ← content ← model ← publishing ← eleventy ← the build, the editor's scaffold and the importer.
 * A module may import from its own layer and those before it, never from a later one, and product code
 * never imports tests, benchmarks or scripts.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const LAYERS = ["core", "content", "model", "publishing", "eleventy", "entry points"] as const;

/** The layer of a file under src/, by its folder; the top-level modules and the tools are entry points. */
export function layerOf(file: string): number {
  const [top, first] = path.relative(ROOT, file).split(path.sep);
  if (top !== "src") return -1;
  const index = LAYERS.indexOf(first as (typeof LAYERS)[number]);
  return index === -1 ? LAYERS.length - 1 : index;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

/** Every import in `files` that runs against the layers, as "importer → imported (why)". */
export function layerViolations(files: ReadonlyMap<string, string>): string[] {
  const violations: string[] = [];
  for (const [file, text] of files) {
    const from = layerOf(file);
    for (const [, specifier] of text.matchAll(SPECIFIER)) {
      if (!specifier!.startsWith(".")) continue;
      const target = path.resolve(path.dirname(file), specifier!);
      const to = layerOf(target);
      const shown = `${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`;
      if (to === -1) violations.push(`${shown} (product code imports something outside src/)`);
      else if (to > from) violations.push(`${shown} (${LAYERS[from]} may not import ${LAYERS[to]})`);
    }
  }
  return violations.sort();
}

function sourceFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".ts")) {
      const file = path.join(entry.parentPath, entry.name);
      files.set(file, readFileSync(file, "utf8"));
    }
  }
  return files;
}

describe("layers", () => {
  it("src/ imports only flow one way", () => {
    const files = sourceFiles(path.join(ROOT, "src"));
    expect(files.size).toBeGreaterThan(40);
    expect(layerViolations(files)).toEqual([]);
  });

  it("every folder of src/ is a known layer or an entry point", () => {
    const folders = readdirSync(path.join(ROOT, "src"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual(["content", "core", "editor", "eleventy", "legacy", "model", "publishing"]);
  });

  it("would catch an import running back up, and one reaching out of src/", () => {
    const file = (name: string) => path.join(ROOT, "src", name);
    const files = new Map([
      [
        file("content/load.ts"),
        'import { redirectsFor } from "../publishing/redirects.ts";\nimport { x } from "./schema.ts";',
      ],
      [file("model/dates.ts"), 'const m = await import("../eleventy/filters.ts");'],
      [file("core/urls.ts"), 'import { a11y } from "../../tests/support/quality/a11y.ts";'],
      [file("build.ts"), 'import { loadSite } from "./model/site.ts";\nimport "./eleventy/config.ts";'],
    ]);
    expect(layerViolations(files)).toEqual([
      "src/content/load.ts → src/publishing/redirects.ts (content may not import publishing)",
      "src/core/urls.ts → tests/support/quality/a11y.ts (product code imports something outside src/)",
      "src/model/dates.ts → src/eleventy/filters.ts (model may not import eleventy)",
    ]);
  });
});
