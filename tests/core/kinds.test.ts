/** The one table of kinds: src/core/kinds.ts. */
import { describe, expect, it } from "vitest";
import { KIND_INFO, kindNamed, kindOfFolder, KINDS } from "../../src/core/kinds.ts";

describe("kinds", () => {
  it("each have a folder, labels and feed titles", () => {
    for (const kind of KINDS) {
      const info = KIND_INFO[kind];
      expect(info.key).toBe(kind);
      for (const words of [info.folder, info.label, info.plural, info.listingTitle, info.feedTitle, info.feedSubtitle])
        expect(words.trim()).not.toBe("");
    }
    expect(new Set(KINDS.map((kind) => KIND_INFO[kind].folder)).size).toBe(KINDS.length);
  });

  it("are found by key or by folder, as editors type either", () => {
    expect(kindOfFolder("regional-updates")).toBe("regional-update");
    expect(kindOfFolder("regional-update")).toBeUndefined();
    expect([kindNamed("blog"), kindNamed("regional-update"), kindNamed("regional-updates"), kindNamed("news")]).toEqual(
      ["blog", "regional-update", "regional-update", undefined],
    );
  });
});
