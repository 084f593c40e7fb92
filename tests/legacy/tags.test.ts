import { describe, expect, it } from "vitest";
import { displayTag, parseTagsLine } from "../../src/legacy/tags.ts";

describe("the tags line", () => {
  it("drops the article counts and gives tags their display casing", () => {
    expect(parseTagsLine("SLI 84 GREATER LONDON 10")).toEqual(["SLI", "Greater London"]);
    expect(parseTagsLine("SLI 91 RIIAS 31 GREATER LONDON 7")).toEqual(["SLI", "RIIAS", "Greater London"]);
  });

  it("means no tags when it says so, is empty or is missing", () => {
    expect(parseTagsLine("There are no tags assigned to this article!")).toEqual([]);
    expect(parseTagsLine("")).toEqual([]);
    expect(parseTagsLine(undefined)).toEqual([]);
  });

  it("refuses a tag without a count, rather than guessing where it ends", () => {
    expect(() => parseTagsLine("SLI 84 GREATER LONDON")).toThrow(/GREATER LONDON/);
  });

  it("keeps short single words as acronyms and title-cases phrases", () => {
    expect(displayTag("SEND")).toBe("SEND");
    expect(displayTag("YORKSHIRE AND THE HUMBER")).toBe("Yorkshire and the Humber");
    expect(displayTag("SAFEGUARDING")).toBe("Safeguarding");
  });
});
