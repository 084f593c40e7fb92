/**
 * The import must not lose, repeat or reorder a word: for every article in the real export, the words of
 * its body equal the words a reader sees on the page rendered from the committed Markdown.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CORRECTIONS_PATH, parseCorrections } from "../../src/legacy/corrections.ts";
import { splitExport } from "../../src/legacy/export-file.ts";
import { planImport } from "../../src/legacy/plan.ts";
import { renderedWords, undoCorrections, wordsOf } from "./words.ts";

const PROJECT = join(import.meta.dirname, "../..");
const EXPORT = join(PROJECT, "legacy/export");
const sources = readdirSync(EXPORT)
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(EXPORT, name), "utf8") }));
const regions = Object.fromEntries(
  Object.entries(parse(readFileSync(join(PROJECT, "content/_data/regions.yaml"), "utf8")) as Record<string, { name: string }>).map(([key, region]) => [key, region.name]),
);
const corrections = parseCorrections(readFileSync(join(PROJECT, CORRECTIONS_PATH), "utf8"));
const plan = planImport(sources, readFileSync(join(EXPORT, "metadata.tsv"), "utf8"), regions, corrections);

describe("the real export", () => {
  it("splits into 104 copies: every non-blank line is a title, body, tags or closing line of one of them", () => {
    const articles = sources.flatMap((source) => splitExport(source.name, source.text));
    expect(articles).toHaveLength(104);
    const nonBlank = (lines: readonly string[]) => lines.filter((line) => line.trim()).length;
    const accounted = articles.reduce((sum, article) => sum + 2 + nonBlank(article.bodyLines) + (article.tagsLine === undefined ? 0 : 1 + nonBlank([article.tagsLine])), 0);
    expect(accounted).toBe(sources.reduce((sum, source) => sum + nonBlank(source.text.split("\n")), 0));
  });

  it("imports 100 blog posts and 3 regional updates, merging the one duplicate", () => {
    expect(plan.files.filter((file) => file.path.startsWith("content/blog/"))).toHaveLength(100);
    expect(plan.files.filter((file) => file.path.startsWith("content/regional-updates/"))).toHaveLength(3);
    expect(plan.merged).toEqual([
      '"Working together has been a bit of a theme over the last few...": the copy in 000_ff291f80b9daa336.txt merged into the one in 004_d6c766277591dfe6.txt',
    ]);
    expect(new Set(plan.files.map((file) => file.path)).size).toBe(103);
  });

  it("matches the committed content byte for byte", () => {
    for (const file of plan.files) expect(readFileSync(join(PROJECT, file.path), "utf8"), file.path).toBe(file.text);
  });

  it("applies every listed correction and records it in its article's front-matter, and no other", () => {
    const recorded = plan.files.flatMap((file) => {
      const { legacy } = matter(readFileSync(join(PROJECT, file.path), "utf8")).data;
      return [
        ...(legacy?.corrections ?? []).map((correction: object) => ({ article: file.path, ...correction })),
        ...(legacy?.titleShortened ? [{ article: file.path, titleShortened: true }] : []),
        ...(legacy?.exportTitle ? [{ article: file.path, exportTitle: legacy.exportTitle }] : []),
      ];
    });
    const listed = corrections.map(({ line: _line, ...correction }) => {
      if ("fullTitle" in correction) return { article: correction.article, exportTitle: plan.files.find((file) => file.path === correction.article)!.article.title };
      if ("titleShortened" in correction) return { article: correction.article, titleShortened: true };
      return correction;
    });
    expect(recorded).toEqual(expect.arrayContaining(listed));
    expect(recorded).toHaveLength(listed.length);
  });

  describe.each(plan.files.map((file) => [file.path, file] as const))("%s", (path, file) => {
    it("keeps every word of the body, in order, and the title as exported, once its recorded corrections are undone", () => {
      const { data, content } = matter(readFileSync(join(PROJECT, path), "utf8"));
      expect(data.legacy?.exportTitle ?? data.title).toBe(file.article.title);
      expect(undoCorrections(renderedWords(content), data.legacy?.corrections ?? [])).toEqual(wordsOf(file.article.bodyLines.join("\n")));
    });
  });
});
