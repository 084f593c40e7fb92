/**
 * The cached production build is trusted only because this proves it: after each edit of a sequence (an
 * article's body, title, date, tags, region and author, a new article, a deleted one, a draft published, a
 * data file, a template), the build that reuses the last build's pages equals a cold build of the same
 * content, file for file and byte for byte, search index included. The same render plan drives the dev
 * server (src/eleventy/config.ts), so it is what makes the live preview's incremental pages trustworthy too.
 */
import { cp, mkdtemp, readdir, readFile, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../src/build.ts";
import { PUBLISHING_CONTENT, publishingSettings } from "./support/fixtures.ts";

// Three entries a feed, so that an edit moves articles between feed archive pages too.
const settings = publishingSettings({ FEED_ENTRIES: "3" });

let work: string;
let content: string;
let layouts: string;
const cacheDir = () => path.join(work, "cache");

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "adcs-build-cache-"));
  content = path.join(work, "content");
  layouts = path.join(work, "layouts");
  await cp(PUBLISHING_CONTENT, content, { recursive: true });
  await cp("layouts", layouts, { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every file under `dir`, by path relative to it, with its bytes. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), await readFile(file));
  }
  return files;
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(work, file);
  await writeFile(target, change(await readFile(target, "utf8")));
}

const build = (outputDir: string, cached: boolean): Promise<BuildResult> =>
  buildSite({ outputDir, contentDir: content, layoutsDir: layouts, settings, ...(cached && { cacheDir: cacheDir() }) });

/** Builds with the cache and cold, and returns what the cached build did once both outputs are equal. */
async function cachedEqualsCold(): Promise<BuildResult> {
  const cached = await build(path.join(work, "cached"), true);
  await build(path.join(work, "cold"), false);
  const [got, expected] = await Promise.all([filesOf(path.join(work, "cached")), filesOf(path.join(work, "cold"))]);
  expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
  const differing = [...expected].filter(([file, bytes]) => !got.get(file)!.equals(bytes)).map(([file]) => file);
  expect(differing).toEqual([]);
  return cached;
}

const POST = "content/blog/2026/school-funding-pressures.md";

describe("a cached build equals a cold build", () => {
  it("renders every page the first time, and none but the single pages when nothing changed", async () => {
    const first = await cachedEqualsCold();
    expect(first.reused).toBe(0);
    const again = await cachedEqualsCold();
    expect(again.reused).toBeGreaterThan(20);
    // The dozen single pages (home, indexes, sitemap, feeds' subscribe page...) are rendered in every build.
    expect(again.pages).toBeLessThan(20);
  });

  const edits: [string, () => Promise<void>][] = [
    ["an article's body", () => edit(POST, (text) => `${text}\nA new closing paragraph.\n`)],
    ["an article's title", () => edit(POST, (text) => text.replace("School funding pressures", "School funding"))],
    ["an article's date", () => edit(POST, (text) => text.replace("date: 2026-03-12", "date: 2026-01-02"))],
    ["an article's tags", () => edit(POST, (text) => text.replace("tags: [Funding, SEND]", "tags: [Funding, UASC]"))],
    ["an article's region", () => edit(POST, (text) => text.replace("region: north-west", "region: greater-london"))],
    ["an article's author", () => edit(POST, (text) => text.replace("author: jane-doe", "author: sam-smith"))],
    [
      "a new article",
      () =>
        writeFile(
          path.join(content, "blog/2026/a-new-post.md"),
          "---\ntitle: A new post\ndate: 2026-04-01\nauthor: sam-smith\ntags: [Workforce]\n---\nWhat changed this spring.\n",
        ),
    ],
    ["a deleted article", () => unlink(path.join(content, "blog/2019/grow-your-own.md"))],
    ["a draft published", () => edit("content/blog/2026/a-draft-post.md", (text) => text.replace("draft: true\n", ""))],
    [
      "a data file",
      () => edit("content/_data/authors.yaml", (text) => text.replace("name: Jane Doe", "name: Jane Doe-Smith")),
    ],
    ["a template", () => edit("layouts/_includes/components/back-to-top.njk", (text) => text.replace("</a>", " </a>"))],
  ];
  for (const [change, apply] of edits) {
    it(`after a change to ${change}`, async () => {
      await apply();
      const result = await cachedEqualsCold();
      if (change === "a template") expect(result.reused).toBe(0);
      else expect(result.reused).toBeGreaterThan(0);
    });
  }

  it("takes nothing from a cache that holds a link instead of a page, and publishes no link", async () => {
    const page = path.join(cacheDir(), "build", "site", "blog", "2019", "making-our-voices-heard", "index.html");
    await unlink(page);
    await symlink("/etc/hostname", page);
    const result = await cachedEqualsCold();
    expect(result.reused).toBe(0);
    const links = (await readdir(path.join(work, "cached"), { recursive: true, withFileTypes: true })).filter((entry) =>
      entry.isSymbolicLink(),
    );
    expect(links).toEqual([]);
  });

  it("builds cold from a cache whose manifest cannot be read", async () => {
    await writeFile(path.join(cacheDir(), "build", "manifest.json"), "{ not json");
    expect((await cachedEqualsCold()).reused).toBe(0);
  });
});
