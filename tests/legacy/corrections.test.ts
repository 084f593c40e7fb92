/**
 * The corrections list (legacy/corrections.yaml): applied by the import exactly where it says, recorded
 * in the article's front-matter, refused when it no longer fits the export; and what readers see of it on
 * the real archive, built (tests/global-setup.ts).
 */
import { load } from "cheerio";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { applyCorrections, checkAllUsed, parseCorrections } from "../../src/legacy/corrections.ts";
import { isUserError } from "../../src/core/errors.ts";
import { undoCorrections, wordsOf } from "./words.ts";

const ARTICLE = "content/blog/2017/example.md";
const BODY = ["The full transcript is available, here.", "", "Read the response here."];

function thrown(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(isUserError(error), String(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error("expected the import to stop");
}

describe("the corrections list", () => {
  const list = parseCorrections(
    [
      `- article: ${ARTICLE}`,
      "  export: available, here.",
      "  corrected: available, here (link not kept in the archive).",
      "  reason: the export did not keep the link",
      `- article: ${ARTICLE}`,
      "  titleShortened: true",
      "  reason: cut mid-phrase",
    ].join("\n"),
  );

  it("applies each correction once and records it with what the export said", () => {
    const result = applyCorrections("A title for a...", BODY, list);
    expect(result.bodyLines).toEqual(["The full transcript is available, here (link not kept in the archive).", "", "Read the response here."]);
    expect(result.title).toBe("A title for a...");
    expect(result.legacy).toEqual({
      corrections: [{ export: "available, here.", corrected: "available, here (link not kept in the archive).", reason: "the export did not keep the link" }],
      titleShortened: true,
    });
  });

  it("gives the full title only from an entry that says it, keeping the export's in the record", () => {
    const [full] = parseCorrections(`- article: ${ARTICLE}\n  fullTitle: A title for a family\n  reason: the old address gives it\n`);
    expect(applyCorrections("A title for a...", BODY, [full!])).toMatchObject({ title: "A title for a family", legacy: { exportTitle: "A title for a..." } });
  });

  it("stops the import, at the entry's line, when the export's words are not there exactly once", () => {
    const [missing] = parseCorrections(`# a comment\n- article: ${ARTICLE}\n  export: can be found here.\n  corrected: x\n  reason: y\n`);
    expect(thrown(() => applyCorrections("T", BODY, [missing!]))).toBe(
      `legacy/corrections.yaml:2: the text to correct occurs nowhere in the body of ${ARTICLE}: quote the export's words exactly, with enough of them to occur once`,
    );
    const [twice] = parseCorrections(`- article: ${ARTICLE}\n  export: here.\n  corrected: x\n  reason: y\n`);
    expect(thrown(() => applyCorrections("T", BODY, [twice!]))).toContain("occurs 2 times in the body");
  });

  it("stops the import on an entry of no known kind, or naming an article the import does not write", () => {
    expect(thrown(() => parseCorrections(`- article: ${ARTICLE}\n  export: here\n  reason: y\n`))).toMatch(/^legacy\/corrections\.yaml:1: this correction is not one of the three kinds/);
    expect(thrown(() => checkAllUsed(list, new Set(["content/blog/2017/other.md"])))).toBe(
      `legacy/corrections.yaml:1: no imported article is at ${ARTICLE}: give the path the import writes, under content/`,
    );
  });

  it("can be undone word for word, and only where the corrected words are", () => {
    const corrected = wordsOf("The full transcript is available, here (link not kept in the archive). Read it.");
    expect(undoCorrections(corrected, [{ export: "available, here.", corrected: "available, here (link not kept in the archive)." }])).toEqual(
      wordsOf("The full transcript is available, here. Read it."),
    );
    expect(() => undoCorrections(wordsOf("available, here. Read it."), [{ export: "available, here.", corrected: "here (link not kept in the archive)." }])).toThrow(/occur 0 times/);
  });
});

describe("the corrections on the real archive, as readers see them", () => {
  const siteDir = inject("siteDir");
  const page = async (url: string) => load(await readFile(path.join(siteDir, url, "index.html"), "utf8"));
  const text = (s: string) => s.replace(/\s+/g, " ").trim();
  const CUT = "/blog/2018/biggest-reforms-in-a-generation-or-the-nail-in-the-coffin-for-a/";
  const CUT_TITLE = "Biggest reforms in a generation or the nail in the coffin for a... (title shortened in the old archive)";

  it("says where a link was lost, never inventing one: ncasc-2017-round-up's four", async () => {
    const $ = await page("/blog/2017/ncasc-2017-round-up/");
    const body = text($(".article__body, main article").first().text());
    expect(body.split("here (link not kept in the archive)").length - 1).toBe(4);
    expect($("main article a").filter((_, a) => $(a).text() === "here").length).toBe(0);
  });

  it("marks a cut title as shortened on its page, in listings, in feeds and in search", async () => {
    const $ = await page(CUT);
    expect(text($("h1").text())).toBe(CUT_TITLE);
    expect(text($("title").text())).toContain(CUT_TITLE);
    expect(text($('[data-pagefind-meta="title"]').text())).toBe(CUT_TITLE);
    const $blog = load(await readFile(path.join(siteDir, "archive/2018/index.html"), "utf8"));
    expect($blog(".article-list__title a").map((_, a) => text($blog(a).text())).get()).toContain(CUT_TITLE);
    // Older articles are in the feeds' archive pages: read every feed document the build wrote.
    const feeds = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith(".xml") && file !== "sitemap.xml");
    const cut: string[] = [];
    for (const file of feeds) {
      const $feed = load(await readFile(path.join(siteDir, file), "utf8"), { xml: true });
      cut.push(...$feed("entry > title").map((_, title) => text($feed(title).text())).get().filter((title) => title.startsWith("Biggest reforms")));
    }
    expect(cut.length).toBeGreaterThan(0);
    expect(new Set(cut)).toEqual(new Set([CUT_TITLE]));
  });

  it("shows the full title where the archive gives it, and no longer repeats a title as the first heading", async () => {
    expect(text((await page("/blog/2019/local-authority-childrens-services-does-something-good-for/"))("h1").text())).toBe(
      "Local authority children’s services does something good for local family",
    );
    const $ = await page("/blog/2018/in-the-space/");
    expect($("main h2").filter((_, h) => text($(h).text()) === "In the space").length).toBe(0);
    const $gl = await page("/regional-updates/2016/gl-region-february-2016-update/");
    expect($gl("main h2").map((_, h) => text($gl(h).text())).get()).toContain("Self-evaluation and inspection readiness");
    expect(text($gl("main").text())).toContain("the Parliamentary Select Committee");
  });
});
