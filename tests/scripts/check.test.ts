/**
 * `npm run check` over purpose-made bad content (tests/fixtures/bad/content): one article per mistake.
 * Each problem must name the file, the line and column, and what would be right.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/load.ts";
import { formatProblem, type Problem } from "../../src/content/problems.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BAD = "tests/fixtures/bad/content";
const run = promisify(execFile);

/** Runs a script the way `npm run check` does (one cached bundle), from the project root; never throws on a non-zero exit. */
async function script(name: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/run-bundled.mjs", `scripts/${name}.ts`, ...args], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let problems: Problem[];
beforeAll(async () => {
  ({ problems } = await checkContent(path.join(ROOT, BAD), ROOT));
});

/** The one problem reported for a fixture file, as `path:line:col: message`. */
function problemIn(file: string): string {
  const found = problems.filter((problem) => problem.file === `${BAD}/${file}`).map(formatProblem);
  expect(found, `problems in ${file}`).toHaveLength(1);
  return found[0]!;
}

describe("each mistake, named with its file, line and fix", () => {
  it("missing title, and the body is still checked in the same run", () => {
    const found = problems.filter((problem) => problem.file === `${BAD}/blog/2026/missing-title.md`).map(formatProblem);
    expect(found).toEqual([
      `${BAD}/blog/2026/missing-title.md:2:1: \`title\` is missing: add it, e.g. \`title: Why early help matters\``,
      expect.stringMatching(
        /missing-title\.md:7:1: this level-3 heading comes after the page title \(level 1\), skipping a level: use ## here/,
      ),
    ]);
  });

  it("a date that does not exist", () => {
    expect(problemIn("blog/2026/bad-date.md")).toBe(
      `${BAD}/blog/2026/bad-date.md:3:1: \`date\` "2026-02-30" is not a real date: write it as YYYY-MM-DD, e.g. \`date: 2026-11-23\``,
    );
  });

  it("unknown region, with the closest key", () => {
    expect(problemIn("regional-updates/2026/unknown-region.md")).toBe(
      `${BAD}/regional-updates/2026/unknown-region.md:4:1: unknown region "greater-londn": did you mean "greater-london"?`,
    );
  });

  it("unknown author, with the closest key", () => {
    expect(problemIn("blog/2026/unknown-author.md")).toBe(
      `${BAD}/blog/2026/unknown-author.md:4:1: unknown author "jane-do": did you mean "jane-doe"?`,
    );
  });

  it("front-matter that cannot be read, in plain words with the line corrected", () => {
    expect(problemIn("blog/2026/broken-yaml.md")).toBe(
      `${BAD}/blog/2026/broken-yaml.md:2:8: the quote mark before "Quotes that never close" is never closed: end the title with the same quote mark on this line: \`title: "Quotes that never close"\` (see EDITING.md#writing-the-fields-correctly)`,
    );
  });

  it("a heading that skips a level", () => {
    expect(problemIn("blog/2026/skipped-heading.md")).toBe(
      `${BAD}/blog/2026/skipped-heading.md:8:1: this level-4 heading comes after the page title (level 1), skipping a level: use ## here (and move the headings under it up too)`,
    );
  });

  it("a # heading", () => {
    expect(problemIn("blog/2026/hash-heading.md")).toBe(
      `${BAD}/blog/2026/hash-heading.md:8:1: a level-1 (\`#\`) heading would repeat the page title, which comes from \`title\`: use ## for a section heading`,
    );
  });

  it("an image without alt text", () => {
    expect(problemIn("blog/2026/image-without-alt.md")).toBe(
      `${BAD}/blog/2026/image-without-alt.md:8:21: this image has no alt text: describe what it shows between the square brackets, e.g. ![Young people at a council youth forum](/images/costs.png); if it is purely decorative, say so: ![decorative](/images/costs.png) (see EDITING.md#images)`,
    );
  });

  it("dead links between articles, absolute and relative, with the closest article", () => {
    const found = problems.filter((problem) => problem.file === `${BAD}/blog/2026/dead-link.md`).map(formatProblem);
    expect(found).toEqual([
      `${BAD}/blog/2026/dead-link.md:6:24: the link /blog/2026/funding-pressures/ points to no article: did you mean /blog/2026/funding-pressure/?`,
      `${BAD}/blog/2026/dead-link.md:7:24: the link ../../2025/fundng-in-review/ leads to /blog/2025/fundng-in-review/, where there is no article: did you mean /blog/2025/funding-in-review/?`,
    ]);
  });

  it("tags spelled differently from the archive, at each tag", () => {
    const found = problems.filter((problem) => problem.file === `${BAD}/blog/2026/tag-case.md`).map(formatProblem);
    expect(found).toEqual([
      `${BAD}/blog/2026/tag-case.md:6:5: the tag "funding" is written "Funding" in 2 articles: did you mean "Funding"? (one spelling keeps them on one tag page)`,
      `${BAD}/blog/2026/tag-case.md:7:5: the tag "youth-justice" is written "Youth Justice" in 1 article: did you mean "Youth Justice"? (one spelling keeps them on one tag page)`,
    ]);
  });

  it("nothing in the articles that are right", () => {
    for (const good of ["blog/2025/funding-in-review.md", "blog/2026/funding-pressure.md"]) {
      expect(problems.filter((problem) => problem.file === `${BAD}/${good}`)).toEqual([]);
    }
  });
});

describe("npm run check", () => {
  it("reports every problem in one run, as path:line:col: message, and exits non-zero", async () => {
    const { code, stdout, stderr } = await script("check", ["--content", BAD]);
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(problems.length);
    expect(lines.length).toBeGreaterThanOrEqual(13);
    for (const line of lines) expect(line).toMatch(/^tests\/fixtures\/bad\/content\/\S+\.md:\d+:\d+: \S/);
    expect(new Set(lines.map((line) => line.split(":")[0])).size).toBe(10);
    expect(stderr).toContain(`${problems.length} problems in 10 files`);
  });

  it("--json prints an array of { file, line, column, message } for CI annotations", async () => {
    const { code, stdout } = await script("check", ["--json", "--content", BAD]);
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout) as unknown[];
    expect(parsed).toHaveLength(problems.length);
    for (const item of parsed) {
      expect(Object.keys(item as object).sort()).toEqual(["column", "file", "line", "message"]);
      expect(item).toMatchObject({
        file: expect.any(String),
        line: expect.any(Number),
        column: expect.any(Number),
        message: expect.any(String),
      });
    }
  });

  describe("on clean content", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "check-clean-"));
      await mkdir(path.join(dir, "_data"));
      await mkdir(path.join(dir, "blog/2026"), { recursive: true });
      await writeFile(path.join(dir, "_data/authors.yaml"), "jane-doe:\n  name: Jane Doe\n");
      await writeFile(path.join(dir, "_data/regions.yaml"), "north-west:\n  name: North West\n");
      await writeFile(
        path.join(dir, "blog/2026/one.md"),
        "---\ntitle: One\ndate: 2026-01-01\nauthor: jane-doe\n---\nSee [two](../two/).\n",
      );
      await writeFile(
        path.join(dir, "blog/2026/two.md"),
        "---\ntitle: Two\ndate: 2026-01-02\nauthor: jane-doe\n---\n## Part\n\n![A chart](/images/a.png)\n",
      );
      await mkdir(path.join(dir, "images"));
      await writeFile(
        path.join(dir, "images/a.png"),
        await sharp({ create: { width: 8, height: 4, channels: 3, background: "#1d70b8" } })
          .png()
          .toBuffer(),
      );
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("exits 0 and says how many articles were checked", async () => {
      expect(await script("check", ["--content", dir])).toMatchObject({
        code: 0,
        stdout: "2 articles checked, no problems\n",
      });
    });

    it("--json prints an empty array", async () => {
      expect(await script("check", ["--json", "--content", dir])).toMatchObject({ code: 0, stdout: "[]\n" });
    });
  });
});
