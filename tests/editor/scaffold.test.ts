import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/load.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { readSettings } from "../../src/core/settings.ts";
import { buildSiteAfresh, SITE_CONTENT } from "../support/fixtures.ts";
import { londonDay } from "../../src/core/calendar.ts";
import type { SiteData } from "../../src/content/validate.ts";
import {
  createArticle,
  parseKind,
  planArticle,
  ScaffoldError,
  type ScaffoldContext,
} from "../../src/editor/scaffold.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DATA: SiteData = {
  authors: { "jane-doe": { name: "Jane Doe" }, "sam-smith": { name: "Sam Smith" } },
  regions: { "greater-london": { name: "Greater London" }, "north-west": { name: "North West" } },
};
/** In winter London is on GMT: 23:30 UTC on 31 December is still that day there. */
const NEW_YEARS_EVE = new Date("2025-12-31T23:30:00Z");
/** 23:30 UTC on 30 June is 00:30 on 1 July in London (BST). */
const SUMMER_NIGHT = new Date("2026-06-30T23:30:00Z");

function context(overrides: Partial<ScaffoldContext> = {}): ScaffoldContext {
  return { data: DATA, now: SUMMER_NIGHT, taken: () => false, ...overrides };
}

describe("planArticle", () => {
  it("dates the article today in London and files it in that year", () => {
    const plan = planArticle({ title: "School funding: what next?", kind: "blog", author: "jane-doe" }, context());
    expect(plan.relativePath).toBe("blog/2026/school-funding-what-next.md");
    expect(plan.url).toBe("/blog/2026/school-funding-what-next/");
    expect(plan.text).toContain("\ndate: 2026-07-01\n");
    expect(
      planArticle({ title: "T", kind: "blog", author: "jane-doe" }, context({ now: NEW_YEARS_EVE })).relativePath,
    ).toBe("blog/2025/t.md");
  });

  it("writes front-matter that quotes what YAML needs quoted, as a draft", () => {
    const plan = planArticle(
      {
        title: "Funding: a crisis",
        kind: "regional-update",
        region: "north-west",
        tags: ["SEND", " Youth  justice ", "SEND"],
      },
      context(),
    );
    expect(plan.text).toBe(
      [
        "---",
        'title: "Funding: a crisis"',
        "date: 2026-07-01",
        "region: north-west",
        "tags: [SEND, Youth justice]",
        "draft: true",
        "# summary: One or two sentences for listings and search results (optional).",
        "---",
        "Write the first paragraph here. Listings and search results show it as the summary unless you add a `summary` field above.",
        "",
      ].join("\n"),
    );
    expect(plan.relativePath).toBe("regional-updates/2026/funding-a-crisis.md");
  });

  it("appends -2, -3 while the file name is taken", () => {
    const taken = new Set(["blog/2026/annual-report.md", "blog/2026/annual-report-2.md"]);
    const plan = planArticle(
      { title: "Annual report", kind: "blog", author: "jane-doe" },
      context({ taken: (p) => taken.has(p) }),
    );
    expect(plan.relativePath).toBe("blog/2026/annual-report-3.md");
  });

  it("keeps long file names readable by cutting at a word", () => {
    const plan = planArticle(
      {
        title: "A very long title about the many pressures on children's services budgets across England this year",
        kind: "blog",
        author: "jane-doe",
      },
      context(),
    );
    const slug = path.basename(plan.relativePath, ".md");
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe("a-very-long-title-about-the-many-pressures-on-childrens");
  });

  it("uses the archive's spelling of a tag and says so", () => {
    const plan = planArticle(
      { title: "T", kind: "blog", author: "jane-doe", tags: ["funding", "New"] },
      context({ existingTags: new Map([["funding", "Funding"]]) }),
    );
    expect(plan.text).toContain("tags: [Funding, New]");
    expect(plan.respelled).toEqual([["funding", "Funding"]]);
  });

  it("refuses an unknown author with the closest key and the list of keys", () => {
    expect(() => planArticle({ title: "T", kind: "blog", author: "jane-do" }, context())).toThrow(
      new ScaffoldError(
        'unknown author "jane-do": did you mean "jane-doe"? The authors are: jane-doe, sam-smith. A new author is added in content/_data/authors.yaml.',
      ),
    );
  });

  it("refuses an unknown region the same way", () => {
    expect(() => planArticle({ title: "T", kind: "regional-update", region: "london" }, context())).toThrow(
      /unknown region "london": (did you mean "greater-london"\? )?The regions are: greater-london, north-west/,
    );
  });

  it("needs an author for a blog post and a region for a regional update", () => {
    expect(() => planArticle({ title: "T", kind: "blog" }, context())).toThrow(
      "a blog post needs --author <key>; the authors are: jane-doe, sam-smith",
    );
    expect(() => planArticle({ title: "T", kind: "regional-update", author: "jane-doe" }, context())).toThrow(
      "a regional update needs --region <key>; the regions are: greater-london, north-west",
    );
  });

  it("needs a title with letters or digits", () => {
    expect(() => planArticle({ title: "  ", kind: "blog", author: "jane-doe" }, context())).toThrow(ScaffoldError);
    expect(() => planArticle({ title: "???", kind: "blog", author: "jane-doe" }, context())).toThrow(
      "no letters or digits",
    );
  });

  it("parseKind takes the kind or its folder name", () => {
    expect(parseKind(undefined)).toBe("blog");
    expect(parseKind("regional-update")).toBe("regional-update");
    expect(parseKind("regional-updates")).toBe("regional-update");
    expect(() => parseKind("news")).toThrow('unknown kind "news": use blog or regional-update');
  });
});

describe("createArticle in a content folder", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "scaffold-"));
    // The bad fixture's two good articles and data make a small valid archive.
    const bad = path.join(ROOT, "tests/fixtures/bad/content");
    await cp(path.join(bad, "_data"), path.join(dir, "_data"), { recursive: true });
    await cp(path.join(bad, "blog/2025/funding-in-review.md"), path.join(dir, "blog/2025/funding-in-review.md"));
    await cp(path.join(bad, "blog/2026/funding-pressure.md"), path.join(dir, "blog/2026/funding-pressure.md"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("writes a file that passes the content check, never over an existing one", async () => {
    const request = {
      title: "Funding pressure",
      kind: "blog" as const,
      author: "sam-smith",
      tags: ["funding", "youth justice"],
    };
    const first = await createArticle(request, { contentDir: dir, cwd: dir, now: new Date("2026-03-04T12:00:00Z") });
    expect(first.file).toBe("blog/2026/funding-pressure-2.md");
    const second = await createArticle(request, { contentDir: dir, cwd: dir, now: new Date("2026-03-04T12:00:00Z") });
    expect(second.file).toBe("blog/2026/funding-pressure-3.md");

    const text = await readFile(path.join(dir, first.file), "utf8");
    expect(text).toContain("tags: [Funding, Youth Justice]");
    const { articles, problems } = await checkContent(dir, dir);
    expect(problems).toEqual([]);
    expect(articles.map((article) => article.url)).toContain("/blog/2026/funding-pressure-2/");
  });

  it("writes a regional update that passes the content check", async () => {
    const created = await createArticle(
      { title: "London update, March 2026", kind: "regional-update", region: "greater-london" },
      { contentDir: dir, cwd: dir, now: new Date("2026-03-04T12:00:00Z") },
    );
    expect(created.file).toBe("regional-updates/2026/london-update-march-2026.md");
    expect((await checkContent(dir, dir)).problems).toEqual([]);
  });
});

describe("npm run new", () => {
  const run = promisify(execFile);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "scaffold-cli-"));
    await cp(path.join(ROOT, "tests/fixtures/bad/content/_data"), path.join(dir, "_data"), { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const cli = (args: string[]) =>
    run(process.execPath, ["--import", "tsx", "scripts/new.ts", ...args, "--content", dir], {
      cwd: ROOT,
      env: { ...process.env, PATH_PREFIX: "/" },
    });

  it("prints the file and the preview URL", async () => {
    const { stdout } = await cli(["Title", "of", "the", "post", "--author", "jane-doe", "--tags", "A,B"]);
    const year = londonDay(new Date()).slice(0, 4);
    expect(stdout).toMatch(new RegExp(`^Created .*/blog/${year}/title-of-the-post\\.md$`, "m"));
    expect(stdout).toMatch(new RegExp(`^Preview: http://localhost:8080/blog/${year}/title-of-the-post/ `, "m"));
  });

  it("says the new article is a draft and how to publish it", async () => {
    const { stdout } = await cli(["Title", "--author", "jane-doe"]);
    expect(stdout).toContain(
      "It is a draft: replace the placeholder text, then remove the line `draft: true` to publish it.",
    );
  });

  it("refuses an unknown author with the suggestion and the keys, exiting 1", async () => {
    await expect(cli(["Title", "--author", "jane-do"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'unknown author "jane-do": did you mean "jane-doe"? The authors are: jane-doe, sam-smith.',
      ),
    });
  });
});

describe("npm run new, then npm run build", () => {
  const run = promisify(execFile);
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(tmpdir(), "scaffold-build-"));
    await cp(path.join(ROOT, SITE_CONTENT), path.join(work, "content"), { recursive: true });
  });
  afterEach(() => rm(work, { recursive: true, force: true }));

  it("never publishes the placeholder; removing `draft: true` before writing is a check problem", async () => {
    const contentDir = path.join(work, "content");
    await run(
      process.execPath,
      ["--import", "tsx", "scripts/new.ts", "Half written", "--author", "jane-doe", "--content", contentDir],
      { cwd: ROOT },
    );
    const year = londonDay(new Date()).slice(0, 4);
    const file = path.join(contentDir, "blog", year, "half-written.md");

    const outputDir = path.join(work, "site");
    const settings = { ...readSettings({}), buildDate: new Date() };
    await buildSiteAfresh({ outputDir, contentDir, settings });
    expect(existsSync(path.join(outputDir, "blog", year, "half-written", "index.html"))).toBe(false);
    const pages = (await readdir(outputDir, { recursive: true })).filter((name) => name.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages)
      expect(await readFile(path.join(outputDir, page), "utf8")).not.toContain("Write the first paragraph");

    await writeFile(file, (await readFile(file, "utf8")).replace("draft: true\n", ""));
    const { problems } = await checkContent(contentDir, work);
    expect(problems.map(formatProblem)).toEqual([
      `content/blog/${year}/half-written.md:7:1: the text still holds the placeholder "Write the first paragraph here…": replace it with the article's own words, or add \`draft: true\` to the fields until it is ready (see EDITING.md#starting-an-article)`,
    ]);
  });
});
