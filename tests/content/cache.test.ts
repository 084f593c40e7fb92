/**
 * The content cache (src/content/cache.ts): through a sequence of edits to a copy of the fixture content,
 * what checkContent and loadSite give with a cache kept across the edits is what they give without one,
 * problems included; and a cache saved to disk is reused only when it can be trusted.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { crc32 } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentCache } from "../../src/content/cache.ts";
import { checkContent } from "../../src/content/load.ts";
import { loadSite, type SiteOptions } from "../../src/model/site.ts";

const FIXTURE = "tests/fixtures/site/content";
const PICTURE = "tests/fixtures/images/content/images/placements.svg";
const TODAY = "2026-03-20";
const ARTICLE_FILES = 5;

let work: string;
let dir: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "adcs-cache-"));
  dir = path.join(work, "content");
  await cp(FIXTURE, dir, { recursive: true });
});
afterAll(() => rm(work, { recursive: true, force: true }));

const file = (name: string) => path.join(dir, name);
async function edit(name: string, change: (text: string) => string): Promise<void> {
  const text = await readFile(file(name), "utf8");
  const changed = change(text);
  if (changed === text) throw new Error(`the edit changed nothing in ${name}`);
  await writeFile(file(name), changed);
}

const siteOptions = (includeUnpublished: boolean, cache?: ContentCache): SiteOptions => ({
  contentDir: dir,
  includeUnpublished,
  buildDate: new Date(`${TODAY}T12:00:00Z`),
  siteUrl: "https://example.org",
  ...(cache && { cache }),
});

/** The site, or the problems that stop it. */
async function siteOrProblems(options: SiteOptions): Promise<unknown> {
  try {
    return await loadSite(options);
  } catch (error) {
    return { problems: (error as { problems?: unknown }).problems ?? error };
  }
}

/** checkContent and loadSite (production and preview) with `cache` equal the same without a cache. */
async function expectSameAsCold(cache: ContentCache): Promise<void> {
  // Paths relative to where loadSite shows them from, so that both share the cache's entries.
  const warm = await checkContent(dir, process.cwd(), TODAY, { cache });
  expect(warm).toStrictEqual(await checkContent(dir, process.cwd(), TODAY));
  for (const preview of [false, true]) {
    expect(await siteOrProblems(siteOptions(preview, cache))).toStrictEqual(await siteOrProblems(siteOptions(preview)));
  }
}

describe("a cache kept across edits (the dev server's)", () => {
  let cache: ContentCache;
  beforeAll(async () => {
    cache = await ContentCache.open();
  });
  const later = "blog/2026/later-news.md";
  const steps: [string, () => Promise<unknown>][] = [
    ["nothing changed", async () => {}],
    ["a body edited", () => edit("blog/2026/school-funding-pressures.md", (text) => `${text}\nA new paragraph on transport.\n`)],
    ["a title edited", () => edit("blog/2026/youth-justice-reform.md", (text) => text.replace("title: Youth justice reform", "title: Youth justice, reformed"))],
    ["a date changed", () => edit("blog/2025/a-year-in-review.md", (text) => text.replace("date: 2025-12-19", "date: 2025-12-22"))],
    ["tags changed", () => edit("blog/2025/a-year-in-review.md", (text) => text.replace("tags: [Funding]", "tags: [Funding, Workforce]"))],
    ["a tag misspelt", () => edit("blog/2025/a-year-in-review.md", (text) => text.replace("tags: [Funding, Workforce]", "tags: [funding, Workforce]"))],
    ["a region and an author changed", async () => {
      await edit("regional-updates/2026/london-update-january-2026.md", (text) => text.replace("region: greater-london", "region: north-west"));
      await edit("blog/2026/school-funding-pressures.md", (text) => text.replace("author: jane-doe", "author: sam-smith"));
    }],
    // A link to an article that does not exist yet is a problem, until that article is written.
    ["a link to an article not written yet", () => edit("blog/2026/youth-justice-reform.md", (text) => `${text}\nSee [later news](/blog/2026/later-news/).\n`)],
    ["a new article", () => writeFile(file(later), "---\ntitle: Later news\ndate: 2026-03-01\nauthor: jane-doe\n---\nNews that came later.\n")],
    ["the linked article scheduled after the linking one", () => edit(later, (text) => text.replace("date: 2026-03-01", "date: 2026-04-01"))],
    ["the linked article made a draft", () => edit(later, (text) => text.replace("date: 2026-04-01", "date: 2026-03-01\ndraft: true"))],
    ["a draft published", () => edit("blog/2026/a-draft-post.md", (text) => text.replace("draft: true\n", ""))],
    ["an article deleted", () => rm(file(later))],
    ["the link and the misspelt tag corrected", async () => {
      await edit("blog/2026/youth-justice-reform.md", (text) => text.replace("\nSee [later news](/blog/2026/later-news/).\n", ""));
      await edit("blog/2025/a-year-in-review.md", (text) => text.replace("tags: [funding, Workforce]", "tags: [Funding, Workforce]"));
    }],
    ["an author's role changed in authors.yaml", () => edit("_data/authors.yaml", (text) => text.replace("role: ADCS President", "role: ADCS Vice President"))],
    ["an author removed from authors.yaml", () => edit("_data/authors.yaml", (text) => text.replace(/sam-smith:\n(  .*\n)+/, ""))],
    ["the author restored", () => edit("_data/authors.yaml", (text) => `${text}sam-smith:\n  name: Sam Smith\n  role: ADCS President\n`)],
    ["an image added and shown", async () => {
      await mkdir(file("images"));
      await cp(PICTURE, file("images/placements.svg"));
      await edit("blog/2025/a-year-in-review.md", (text) => `${text}\n![Line chart: placements fell](/images/placements.svg)\n`);
    }],
    ["the image deleted", () => rm(file("images/placements.svg"))],
    ["the image restored", () => cp(PICTURE, file("images/placements.svg"))],
    ["a file made invalid", () => edit("blog/2026/youth-justice-reform.md", (text) => text.replace("date: 2026-02-01", "date: 2026-13-01"))],
    ["the file fixed", () => edit("blog/2026/youth-justice-reform.md", (text) => text.replace("date: 2026-13-01", "date: 2026-02-01"))],
  ];

  it.each(steps)("gives what no cache gives after: %s", async (_, change) => {
    await change();
    await expectSameAsCold(cache);
  });

  it("renders again for other Markdown options (a path prefix)", async () => {
    const prefixed = (cache?: ContentCache) => ({ ...siteOptions(false, cache), pathPrefix: "/archive/" });
    expect(await loadSite(prefixed(cache))).toStrictEqual(await loadSite(prefixed()));
  });

  it("ends with content that has no problems", async () => {
    expect((await checkContent(dir, work, TODAY)).problems).toEqual([]);
  });

  it("read and checked only the edited file again", async () => {
    await loadSite(siteOptions(false, cache));
    await edit("blog/2026/school-funding-pressures.md", (text) => `${text}\nOne more line.\n`);
    await loadSite(siteOptions(false, cache));
    expect(cache.stats()).toMatchObject({ hits: ARTICLE_FILES - 1, misses: 1 });
    expect(cache.stats().parts.article).toEqual({ hits: ARTICLE_FILES - 1, misses: 1 });
  });
});

describe("a cache saved on disk (a production build's)", () => {
  const cacheDir = () => path.join(work, ".cache", "content");
  const cacheFile = () => path.join(cacheDir(), "entries.v8");

  it("is reused by the next build, with the same result", async () => {
    const first = await ContentCache.open(cacheDir());
    const cold = await siteOrProblems(siteOptions(false, first));
    expect(first.stats()).toMatchObject({ hits: 0, misses: ARTICLE_FILES });
    await first.save();

    const second = await ContentCache.open(cacheDir());
    expect(await siteOrProblems(siteOptions(false, second))).toStrictEqual(cold);
    expect(second.stats()).toMatchObject({ hits: ARTICLE_FILES, misses: 0 });
    await expectSameAsCold(second);
  });

  it("keeps nothing of a deleted article", async () => {
    await writeFile(file("blog/2026/short-lived.md"), "---\ntitle: Short lived\ndate: 2026-03-02\nauthor: jane-doe\n---\nSoon gone.\n");
    const cache = await ContentCache.open(cacheDir());
    await loadSite(siteOptions(false, cache));
    await cache.save();
    expect((await readFile(cacheFile())).includes("short-lived.md")).toBe(true);

    await rm(file("blog/2026/short-lived.md"));
    const next = await ContentCache.open(cacheDir());
    await loadSite(siteOptions(false, next));
    await next.save();
    expect((await readFile(cacheFile())).includes("short-lived.md")).toBe(false);
  });

  it("is ignored when the file is damaged", async () => {
    const bytes = await readFile(cacheFile());
    const at = bytes.length - 100;
    bytes[at] = bytes[at]! ^ 0xff;
    await writeFile(cacheFile(), bytes);
    const cache = await ContentCache.open(cacheDir());
    await loadSite(siteOptions(false, cache));
    expect(cache.stats()).toMatchObject({ hits: 0, misses: ARTICLE_FILES });
    await expectSameAsCold(cache);
  });

  it("is ignored when another version of the code wrote it", async () => {
    const fresh = await ContentCache.open(cacheDir());
    await loadSite(siteOptions(false, fresh));
    await fresh.save();
    // An intact file (its checksum is right) with every entry, but made by another version of the code.
    const saved = deserialize((await readFile(cacheFile())).subarray(4)) as { code: string };
    const payload = serialize({ ...saved, code: "another version" });
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(payload));
    await writeFile(cacheFile(), Buffer.concat([checksum, payload]));
    const cache = await ContentCache.open(cacheDir());
    await loadSite(siteOptions(false, cache));
    expect(cache.stats()).toMatchObject({ hits: 0, misses: ARTICLE_FILES });
  });

  it("leaves no temporary file behind", async () => {
    const cache = await ContentCache.open(cacheDir());
    await loadSite(siteOptions(false, cache));
    await cache.save();
    expect(await readdir(cacheDir())).toEqual(["entries.v8"]);
  });
});
