import { describe, expect, it } from "vitest";
import { checkTagSpellings, locateTag, preferredSpellings, tagKey } from "../../src/content/tag-checks.ts";

const at = (line: number) => () => ({ line, column: 7 });

describe("tagKey", () => {
  it("ignores case, spacing and punctuation", () => {
    expect(tagKey("Youth Justice")).toBe(tagKey("youth-justice"));
    expect(tagKey("S.E.N.D.")).toBe(tagKey("SEND"));
    expect(tagKey("Funding")).not.toBe(tagKey("Fundings"));
  });
});

describe("checkTagSpellings", () => {
  it("flags '&' and 'and' spellings of one tag, which share one tag page", () => {
    const problems = checkTagSpellings([
      { file: "a.md", date: "2026-01-01", tags: ["Play and Youth"], tagPosition: at(5) },
      { file: "b.md", date: "2026-01-02", tags: ["Play & Youth"], tagPosition: at(5) },
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'the tag "Play & Youth" is written "Play and Youth" in 1 article: did you mean "Play and Youth"? (one spelling keeps them on one tag page)',
    ]);
  });

  it("flags the spelling fewer articles use, with the archive's spelling", () => {
    const problems = checkTagSpellings([
      { file: "a.md", date: "2026-01-01", tags: ["Funding"], tagPosition: at(5) },
      { file: "b.md", date: "2026-01-02", tags: ["Funding", "SEND"], tagPosition: at(5) },
      { file: "c.md", date: "2025-01-01", tags: ["SEND", "funding"], tagPosition: (index) => ({ line: 6 + index, column: 5 }) },
    ]);
    expect(problems).toEqual([
      {
        file: "c.md",
        line: 7,
        column: 5,
        message: 'the tag "funding" is written "Funding" in 2 articles: did you mean "Funding"? (one spelling keeps them on one tag page)',
      },
    ]);
  });

  it("on a tie, keeps the spelling used first", () => {
    const problems = checkTagSpellings([
      { file: "new.md", date: "2026-05-01", tags: ["youth-justice"], tagPosition: at(4) },
      { file: "old.md", date: "2019-05-01", tags: ["Youth Justice"], tagPosition: at(4) },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "new.md" });
    expect(problems[0]!.message).toContain('did you mean "Youth Justice"?');
  });

  it("leaves different tags alone", () => {
    expect(checkTagSpellings([{ file: "a.md", tags: ["SEN", "SEND", "Funding"], tagPosition: at(1) }])).toEqual([]);
  });

  it("preferredSpellings counts each article once", () => {
    expect(preferredSpellings([{ file: "a.md", tags: ["X", "X"] }]).get("x")).toMatchObject({ tag: "X", count: 1, others: 0 });
  });
});

describe("locateTag", () => {
  const text = "---\ntitle: T\ntags:\n  - funding\n  - Youth Justice\n---\nfunding in the body\n";
  it("finds each tag's own line and column after the field", () => {
    const position = locateTag(text, { line: 4, column: 1 }, ["funding", "Youth Justice"]);
    expect(position(0)).toEqual({ line: 4, column: 5 });
    expect(position(1)).toEqual({ line: 5, column: 5 });
  });

  it("finds tags in a one-line list, and falls back to the field", () => {
    const position = locateTag("---\ntags: [A, B]\n---\n", { line: 2, column: 1 }, ["B", "missing"]);
    expect(position(0)).toEqual({ line: 2, column: 11 });
    expect(position(1)).toEqual({ line: 2, column: 1 });
  });
});

it("locateTag does not find a tag inside the word `tags`", () => {
  expect(locateTag("---\ntags: [tag]\n---\n", { line: 2, column: 1 }, ["tag"])(0)).toEqual({ line: 2, column: 8 });
});
