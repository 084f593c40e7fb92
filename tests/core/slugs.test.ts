import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { slugify } from "../../src/core/slugs.ts";

/** slugify as it was before other scripts were transliterated: every slug the archive has published. */
function publishedSlugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘`"“”]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

describe("slugify", () => {
  it("joins lower-case words with hyphens and drops punctuation and typographic quotes", () => {
    expect(slugify("Do we know what Brexit means for children?")).toBe("do-we-know-what-brexit-means-for-children");
    expect(slugify("Being ‘ACE’ aware – a helpful or harmful approach?")).toBe(
      "being-ace-aware-a-helpful-or-harmful-approach",
    );
    expect(slugify("What’s the purpose of auditing casework?")).toBe("whats-the-purpose-of-auditing-casework");
    expect(slugify("Play & Youth")).toBe("play-and-youth");
    expect(slugify("Café society")).toBe("cafe-society");
    expect(slugify("  Leadership and a duty of optimism...  ")).toBe("leadership-and-a-duty-of-optimism");
    expect(slugify("£5m for © reasons")).toBe("5m-for-reasons");
  });

  it("spells letters of other scripts in Latin letters, so a tag in any language has a page", () => {
    expect(slugify("Ελληνικά")).toBe("ellinika");
    expect(slugify("Русский язык")).toBe("russkii-yazyk");
    expect(slugify("中文")).toBe("zhongwen");
    expect(slugify("Café Ελληνικά")).toBe("cafe-ellinika");
    expect(slugify("Łódź")).toBe("lodz");
  });

  it("has nothing to make a slug of in punctuation alone", () => {
    expect(slugify("???")).toBe("");
  });

  it("leaves every slug of the real archive as published: each line of every content file slugs as before", async () => {
    const entries = await readdir("content", { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
    const lines = new Set<string>();
    for (const file of files) {
      lines.add(path.basename(file, path.extname(file)));
      for (const line of (await readFile(file, "utf8")).split("\n")) {
        lines.add(line);
        // Each list item on its own too (`tags: [Funding, SEND]`), as tags are slugged one by one.
        for (const item of line.replace(/^[^:]*:\s*\[|\]\s*$/g, "").split(",")) lines.add(item.trim());
      }
    }
    expect(files.length).toBeGreaterThan(100);
    const changed = [...lines].filter((line) => slugify(line) !== publishedSlugify(line));
    expect(changed).toEqual([]);
  });
});
