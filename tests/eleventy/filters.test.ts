/** The adapter's filters: src/eleventy/filters.ts. */
import { describe, expect, it } from "vitest";
import { memoise, pageTitle } from "../../src/eleventy/filters.ts";

const NAME = "ADCS blog and regional updates";

describe("pageTitle", () => {
  it("names the page, then the site", () => {
    expect(pageTitle("Blog", NAME)).toBe("Blog · ADCS blog and regional updates");
    expect(pageTitle("Blog", NAME, { text: "page 2 of 5" })).toBe(
      "Blog (page 2 of 5) · ADCS blog and regional updates",
    );
  });

  it("says the site's name once on the home page, not twice", () => {
    expect(pageTitle(NAME, NAME)).toBe(NAME);
  });
});

describe("memoise", () => {
  it("calls the filter once per input", () => {
    let calls = 0;
    const twice = memoise((n: number) => (calls++, n * 2));
    expect([twice(2), twice(2), twice(3)]).toEqual([4, 4, 6]);
    expect(calls).toBe(2);
  });
});
