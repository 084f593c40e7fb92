/** Where articles live: src/content/place.ts. */
import { describe, expect, it } from "vitest";
import { articlePath, yearFolder } from "../../src/content/place.ts";

describe("yearFolder", () => {
  it("is the date's year, the year both bounds share, or undated", () => {
    expect(yearFolder({ date: "2026-01-01" })).toBe("2026");
    expect(yearFolder({ legacy: { dateBetween: ["2019-06", "2019-08"] } })).toBe("2019");
    expect(yearFolder({ legacy: { dateBetween: ["2018-12", "2019-01"] } })).toBe("undated");
  });
});

describe("articlePath", () => {
  it("puts an article in its kind's folder and its year folder, named by its slug", () => {
    expect(articlePath({ kind: "regional-update", folder: "2026", slug: "london-in-march" })).toBe("regional-updates/2026/london-in-march.md");
  });
});
