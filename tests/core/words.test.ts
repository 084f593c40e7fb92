/** Counts in words: src/core/words.ts. */
import { describe, expect, it } from "vitest";
import { countParts, countText } from "../../src/core/words.ts";

describe("countText", () => {
  it("says '1 article' and '1,103 articles'", () => {
    expect(countText(1)).toBe("1 article");
    expect(countText(1103)).toBe("1,103 articles");
    expect(countText(0, "problem")).toBe("0 problems");
  });

  it("gives the number and the noun apart, for a list that shows only the number", () => {
    expect(countParts(2)).toEqual({ numberText: "2", nounText: "articles" });
  });
});
