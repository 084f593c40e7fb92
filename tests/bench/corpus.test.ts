/**
 * The benchmark's synthetic archive: reproducible, and valid content (a benchmark of a build that stops at
 * the content check would time nothing). No timings here: those belong to `npm run bench`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, readSentences, sentencesOf, TAGS, writeCorpus } from "../../bench/corpus.ts";
import { checkContent } from "../../src/content/load.ts";
import { tagKey } from "../../src/content/tag-checks.ts";

let sentences: string[];
let work: string;
beforeAll(async () => {
  sentences = await readSentences("content");
  work = await mkdtemp(path.join(tmpdir(), "adcs-bench-corpus-"));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe("sentencesOf", () => {
  it("keeps plain prose sentences and drops headings, lists, links and markup", () => {
    const body =
      "## A heading here today\n\nFirst plain sentence of the text. Second one follows it here!\n\n- a list item with words\n\nA [linked](/blog/x/) sentence is dropped here. A *stressed* word too here.";
    expect(sentencesOf(body)).toEqual(["First plain sentence of the text.", "Second one follows it here!"]);
  });
});

describe("generateCorpus", () => {
  it("samples enough real sentences from the archive", () => {
    expect(sentences.length).toBeGreaterThan(500);
  });

  it("is deterministic for a seed, and differs for another seed", () => {
    const a = generateCorpus({ articles: 50, sentences });
    const b = generateCorpus({ articles: 50, sentences });
    const c = generateCorpus({ articles: 50, sentences, seed: 7 });
    expect([...a.files]).toEqual([...b.files]);
    expect([...c.files]).not.toEqual([...a.files]);
  });

  it("writes about 600 words an article, with headings and lists", () => {
    const { files } = generateCorpus({ articles: 20, sentences });
    for (const text of files.values()) {
      const body = text.split("\n---\n")[1]!;
      const words = body.split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThan(550);
      expect(words).toBeLessThan(800);
    }
    const all = [...files.values()].join("\n");
    expect(all).toMatch(/^## /m);
    expect(all).toMatch(/^- /m);
  });

  it("spells sixty distinct tags", () => {
    expect(new Set(TAGS.map(tagKey)).size).toBe(60);
  });

  it("passes the content check, spread over both kinds, nine regions, many authors and years", async () => {
    const corpus = generateCorpus({ articles: 400, sentences });
    const content = path.join(work, "content");
    await writeCorpus(content, corpus);
    const { articles, problems } = await checkContent(content);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(400);
    const fm = articles.map((article) => article.frontMatter);
    expect(new Set(articles.map((article) => article.kind))).toEqual(new Set(["blog", "regional-update"]));
    expect(new Set(fm.map((f) => f.region)).size).toBe(9);
    expect(new Set(fm.map((f) => f.author)).size).toBeGreaterThan(30);
    expect(new Set(fm.flatMap((f) => f.tags ?? [])).size).toBeGreaterThan(50);
    const years = fm.map((f) => Number(f.date!.slice(0, 4)));
    expect(Math.min(...years)).toBe(2010);
    expect(Math.max(...years)).toBe(2026);
    expect(corpus.published).toBe(fm.filter((f) => !f.draft).length);
  });
});
