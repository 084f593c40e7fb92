/**
 * The vocabulary behind the search page's "did you mean": its words come from the index Pagefind wrote, so
 * they are the words a search can find, with how often the archive uses them.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import {
  normaliseWord,
  VOCABULARY_FILE,
  vocabularyOf,
  type Vocabulary,
} from "../../src/publishing/search-vocabulary.ts";

describe("vocabularyOf", () => {
  it("counts each word, lower case and without punctuation, in alphabetical order", () => {
    expect(vocabularyOf(["Safeguarding children.", "Children’s services; children first"]).words).toEqual([
      ["children", 2],
      ["childrens", 1],
      ["first", 1],
      ["safeguarding", 1],
      ["services", 1],
    ]);
  });

  it("splits hyphenated words and leaves out numbers and words too short to correct", () => {
    expect(vocabularyOf(["In 2019 asylum-seeking UASC, 16-17 year olds"]).words.map(([word]) => word)).toEqual([
      "asylum",
      "olds",
      "seeking",
      "uasc",
      "year",
    ]);
  });

  it("normalises as the search page does: accents and apostrophes dropped", () => {
    expect(normaliseWord("Café’s")).toBe("cafes");
  });
});

describe("the real archive's vocabulary", () => {
  it("is written beside the index, and holds the words the archive uses with their counts", async () => {
    const file = path.join(inject("siteDir"), "pagefind", VOCABULARY_FILE);
    const { words } = JSON.parse(await readFile(file, "utf8")) as Vocabulary;
    const counts = new Map(words);
    expect(counts.get("safeguarding")).toBeGreaterThan(5);
    expect(counts.has("safegaurding")).toBe(false);
    // Article labels are not indexed, so they are not words to suggest.
    expect(counts.get("minute") ?? 0).toBeLessThan(counts.get("safeguarding")!);
  });
});
