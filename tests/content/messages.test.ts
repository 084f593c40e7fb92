/** The words editors read (src/content/messages.ts): every guide link leads to a section, examples are right. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dateExample, GUIDE, quote } from "../../src/content/messages.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The anchors GitHub gives EDITING.md's headings: lower case, punctuation dropped, spaces to hyphens. */
async function editingAnchors(): Promise<Set<string>> {
  const text = (await readFile(path.join(ROOT, "EDITING.md"), "utf8")).replace(/```[\s\S]*?```/g, "");
  const headings = [...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => match[1]!);
  return new Set(
    headings.map((heading) =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, "")
        .replace(/ /g, "-"),
    ),
  );
}

describe("links to EDITING.md", () => {
  it("each leads to one of its sections", async () => {
    const anchors = await editingAnchors();
    for (const link of Object.values(GUIDE)) {
      const [file, anchor] = link.split("#");
      expect(file).toBe("EDITING.md");
      expect([...anchors], link).toContain(anchor);
    }
  });
});

describe("examples made from what the editor wrote", () => {
  it("quotes a value in double quotes, or single quotes when it holds double quotes", () => {
    expect(quote("Funding: the gap")).toBe('"Funding: the gap"');
    expect(quote("'it's'")).toBe('"it\'s"');
    expect(quote('"Funding" explained')).toBe("'\"Funding\" explained'");
  });

  it("writes a date given another way as YYYY-MM-DD, and gives up on what is no date", () => {
    expect(dateExample("23/11/2026")).toBe("`date: 2026-11-23`");
    expect(dateExample("23rd November 2026")).toBe("`date: 2026-11-23`");
    expect(dateExample("2026-1-5")).toBe("`date: 2026-01-05`");
    expect(dateExample("2026-02-30")).toBeUndefined();
    expect(dateExample("soon")).toBeUndefined();
  });
});
