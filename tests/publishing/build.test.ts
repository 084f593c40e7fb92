/**
 * Whole builds of the publishing fixture: under a path prefix every reference stays under it; two builds of
 * the same content are byte-identical; a failed build leaves the previous output exactly as it was. The
 * fixture's shared builds come from tests/global-setup.ts; the builds compared with them, and the failing
 * ones, are made here.
 */
import { createHash } from "node:crypto";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { buildSite } from "../../src/build.ts";
import { checkContent } from "../../src/content/load.ts";
import { ContentError } from "../../src/content/problems.ts";
import { FIXTURE_BUILDS } from "../support/fixtures.ts";
import { checkLinks, formatLinkProblems, scanHtml } from "../support/quality/links.ts";
import { buildInto, copyInto, FIXTURE, fixtureSettings, listFiles } from "./helpers.ts";

const PREFIX = "/archive/";
const ORIGIN = "https://example.org";
/** The publishing fixture's shared builds (tests/global-setup.ts). */
const fixtures = inject("fixtures");

describe("a build under a path prefix", () => {
  const out = fixtures["publishing-prefixed"].dir;

  it("passes the link check with the prefix: every internal reference resolves under it", () => {
    const problems = checkLinks(out, { pathPrefix: PREFIX, siteOrigin: ORIGIN });
    expect(problems, formatLinkProblems(problems)).toEqual([]);
  });

  it("has every href and src on every page under the prefix, or absolute, external or an anchor", async () => {
    const pages = listFiles(out).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    let refs = 0;
    for (const page of pages) {
      const pageUrl = new URL(`${PREFIX}${page.replace(/index\.html$/, "")}`, ORIGIN);
      for (const { url: ref } of scanHtml(await readFile(path.join(out, page), "utf8")).refs) {
        refs++;
        // The subscribe page's feed: links hand an absolute feed address to a reader app: check that address.
        const url = ref.replace(/^feed:/i, "");
        if (/^(https?:|mailto:|tel:|#)/i.test(url)) {
          if (url.startsWith(ORIGIN) && !url.startsWith(`${ORIGIN}${PREFIX}`)) wrong.push(`${page}: ${url}`);
          continue;
        }
        // Root-relative references must carry the prefix; relative ones must resolve inside it.
        const ok = url.startsWith("/") ? url.startsWith(PREFIX) : new URL(url, pageUrl).pathname.startsWith(PREFIX);
        if (!ok) wrong.push(`${page}: ${url}`);
      }
    }
    expect(refs).toBeGreaterThan(pages.length * 10); // navigation, footer and assets on every page
    expect(wrong).toEqual([]);
  });

  it("makes every URL in feeds, sitemap, robots.txt, _headers and _redirects carry the prefix", async () => {
    const files = listFiles(out).filter(
      (file) => /(\.xml|\.json|robots\.txt)$/.test(file) && !file.startsWith("pagefind/"),
    );
    expect(files).toEqual(expect.arrayContaining(["feed.xml", "feed.json", "sitemap.xml", "robots.txt"]));
    let siteUrls = 0;
    for (const file of files) {
      const text = await readFile(path.join(out, file), "utf8");
      for (const [url] of text.matchAll(/https?:\/\/[^"<\s]+/g)) {
        if (!url.startsWith(ORIGIN)) continue;
        expect(url, file).toMatch(new RegExp(`^${ORIGIN}${PREFIX}`));
        siteUrls++;
      }
    }
    expect(siteUrls).toBeGreaterThan(files.length);
    const headers = (await readFile(path.join(out, "_headers"), "utf8")).split("\n").filter((l) => l.startsWith("/"));
    expect(headers.length).toBeGreaterThan(0);
    for (const line of headers) expect(line).toMatch(/^\/archive\//);
    const redirects = (await readFile(path.join(out, "_redirects"), "utf8"))
      .split("\n")
      .filter((l) => l.startsWith("/"));
    expect(redirects.length).toBeGreaterThan(0);
    for (const line of redirects) expect(line.split(/\s+/)[1]).toMatch(/^\/archive\//);
  });
});

describe("deterministic output", () => {
  it("builds the same content twice into byte-identical folders, leaving nothing beside them", async () => {
    const first = fixtures["publishing-prefixed"].dir;
    const second = await buildInto(FIXTURE_BUILDS["publishing-prefixed"].settings);
    expect(await readdir(path.dirname(second))).toEqual(["_site"]);
    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    const differing: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(first, file)), readFile(path.join(second, file))]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
  });

  it("has no build time in it: a later build date that publishes nothing new changes nothing", async () => {
    const first = fixtures.publishing.dir;
    const later = await buildInto({ ...fixtureSettings(), buildDate: new Date("2026-06-20T12:00:00Z") });
    const files = listFiles(first);
    expect(listFiles(later)).toEqual(files);
    for (const file of files)
      expect((await readFile(path.join(later, file))).equals(await readFile(path.join(first, file))), file).toBe(true);
  });
});

describe("a failed build", () => {
  const settings = fixtureSettings();

  /**
   * A copy of the fixture's content, and as the previous output a copy of the shared build of that same
   * content with the same settings (byte for byte what a build here would write: see "deterministic output").
   */
  async function setUp() {
    const out = await copyInto(fixtures.publishing.dir);
    const work = path.dirname(out);
    const content = path.join(work, "content");
    await cp(FIXTURE, content, { recursive: true });
    return { work, content, out, before: await snapshot(out) };
  }

  it("stops on a broken article and leaves the previous output untouched", async () => {
    const { work, content, out, before } = await setUp();
    const file = path.join(content, "blog/2026/youth-justice-reform.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("date: 2026-02-01", "date: 2026-02-30"));

    await expect(buildSite({ outputDir: out, contentDir: content, settings })).rejects.toThrow(ContentError);
    await expect(buildSite({ outputDir: out, contentDir: content, settings })).rejects.toThrow(
      /youth-justice-reform\.md.*2026-02-30/,
    );
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(work)).toEqual(["_site", "content"]);
  });

  it("stops when two articles claim one old address, naming both files, and leaves the previous output untouched", async () => {
    const { work, content, out, before } = await setUp();
    const file = path.join(content, "blog/2019/grow-your-own.md");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("blog/article/grow-your-own", "blog/article/making-our-voices-heard"),
    );

    // npm run check finds it too, before any build.
    const { problems } = await checkContent(content);
    expect(problems.map((problem) => problem.file).sort()).toEqual([
      expect.stringMatching(/grow-your-own\.md$/),
      expect.stringMatching(/making-our-voices-heard\.md$/),
    ]);

    const failure = buildSite({ outputDir: out, contentDir: content, settings });
    await expect(failure).rejects.toThrow(/grow-your-own\.md/);
    await expect(failure).rejects.toThrow(/making-our-voices-heard\.md/);
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(work)).toEqual(["_site", "content"]);
  });
});

/** Every file under `dir` with a hash of its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = listFiles(dir);
  const hashes = await Promise.all(
    files.map(async (file) =>
      createHash("sha256")
        .update(await readFile(path.join(dir, file)))
        .digest("hex"),
    ),
  );
  return Object.fromEntries(files.map((file, index) => [file, hashes[index]!]));
}
