/**
 * Hostile and careless input to checkContent (issue 14): each class is a problem at its place, never
 * published. Each test changes a copy of the fixture site's content.
 */
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentCopies } from "../support/content-copy.ts";

const contentWith = contentCopies();


/** A new blog post with `lines` of front-matter and `body`. */
function post(dir: string, name: string, lines: string[], body = "Some words.\n", encoding?: BufferEncoding) {
  const text = ["---", ...lines, "---", body].join("\n");
  return writeFile(path.join(dir, "blog/2026", name), encoding ? Buffer.from(text, encoding) : text);
}

const HEAD = ["title: A post", "date: 2026-01-05", "author: jane-doe"];

describe("files that are not files", () => {
  it("refuses a symbolic link under images, naming the link and its target", async () => {
    const problems = await contentWith(async (dir) => {
      await writeFile(path.join(dir, "../outside.txt"), "secret\n");
      await mkdir(path.join(dir, "images"), { recursive: true });
      await symlink(path.resolve(dir, "../outside.txt"), path.join(dir, "images/leak.txt"));
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/images\/leak\.txt:1:1: this is a symbolic link to \/.*\/outside\.txt; links are never read or published/);
  });

  it("refuses a symbolic link posing as an article instead of skipping it", async () => {
    const problems = await contentWith(async (dir) => {
      await writeFile(path.join(dir, "../elsewhere.md"), ["---", ...HEAD, "---", "Hi.\n"].join("\n"));
      await symlink(path.resolve(dir, "../elsewhere.md"), path.join(dir, "blog/2026/linked.md"));
    });
    expect(problems).toEqual([expect.stringMatching(/^content\/blog\/2026\/linked\.md:1:1: this is a symbolic link to /)]);
  });
});

describe("characters pages and feeds cannot carry", () => {
  it("reports a NUL in the title, a form feed in the summary and a NUL in the body at their columns", async () => {
    const problems = await contentWith((dir) =>
      post(dir, "controls.md", ["title: A\u0000post", "date: 2026-01-05", "author: jane-doe", "summary: Sum\fmary"], "Body with a \u0000 in it.\n"),
    );
    expect(problems).toEqual([
      "content/blog/2026/controls.md:2:9: the text holds the character U+0000 (NUL (a null byte)), which pages and feeds cannot carry: delete it: it is usually invisible, so retype the text around it",
      "content/blog/2026/controls.md:5:13: the text holds the character U+000C (form feed), which pages and feeds cannot carry: delete it: it is usually invisible, so retype the text around it",
      "content/blog/2026/controls.md:7:13: the text holds the character U+0000 (NUL (a null byte)), which pages and feeds cannot carry: delete it: it is usually invisible, so retype the text around it",
    ]);
  });

  it("reports a control character written as a YAML escape at its field", async () => {
    const problems = await contentWith((dir) => post(dir, "escape.md", ['title: "A\\0post"', "date: 2026-01-05", "author: jane-doe", 'tags: ["Fun\\x1bding"]']));
    expect(problems).toEqual([
      "content/blog/2026/escape.md:2:1: `title` holds the character U+0000 (NUL (a null byte)), written as an escape, which pages and feeds cannot carry: remove the escape",
      "content/blog/2026/escape.md:5:1: `tags.0` holds the character U+001B (escape), written as an escape, which pages and feeds cannot carry: remove the escape",
    ]);
  });

  it("reports a C1 control character and a character reference to a control in the body", async () => {
    const problems = await contentWith((dir) => post(dir, "refs.md", HEAD, "A \u0085 and &#12; and &#x0; but &#233; is fine.\n"));
    expect(problems).toEqual([
      "content/blog/2026/refs.md:6:3: the text holds the character U+0085 (a control character), which pages and feeds cannot carry: delete it: it is usually invisible, so retype the text around it",
      "content/blog/2026/refs.md:6:9: &#12; stands for the character U+000C (form feed), which pages and feeds cannot carry: delete it",
      "content/blog/2026/refs.md:6:19: &#x0; stands for the character U+0000 (NUL (a null byte)), which pages and feeds cannot carry: delete it",
    ]);
  });

  it("accepts tabs and every printable script", async () => {
    const problems = await contentWith((dir) =>
      writeFile(path.join(dir, "blog/2026/fine.md"), ["---", ...HEAD, "---", "Tab\there, Ελληνικά, 中文, emoji 🎉.", ""].join("\n")),
    );
    expect(problems).toEqual([]);
  });
});

describe("bytes that are not UTF-8", () => {
  it("reports a Latin-1 file at each line with such bytes, naming what the byte was meant to be", async () => {
    const problems = await contentWith((dir) => post(dir, "latin1.md", ["title: Café crème", "date: 2026-01-05", "author: jane-doe"], "Plain line.\nA naïve body.\n", "latin1"));
    expect(problems).toEqual([
      'content/blog/2026/latin1.md:2:11: the file is not UTF-8 here: the byte 0xE9 ("é" in Latin-1) would be published as "�"; save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8) and check the text reads right',
      'content/blog/2026/latin1.md:7:5: the file is not UTF-8 here: the byte 0xEF ("ï" in Latin-1) would be published as "�"; save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8) and check the text reads right',
    ]);
  });

  it("reports bytes that are not UTF-8 in a data file", async () => {
    const problems = await contentWith(async (dir) => {
      const file = path.join(dir, "_data/regions.yaml");
      await writeFile(file, Buffer.concat([await readFile(file), Buffer.from("# r\xe9gions\n", "latin1")]));
    });
    expect(problems).toEqual([expect.stringMatching(/^content\/_data\/regions\.yaml:\d+:4: the file is not UTF-8 here: the byte 0xE9/)]);
  });
});

describe("tags", () => {
  it("reports a tag with no letters or digits instead of dropping it", async () => {
    const problems = await contentWith((dir) => post(dir, "tags.md", [...HEAD, "tags: [Funding, '???']"]));
    expect(problems).toEqual([
      "content/blog/2026/tags.md:5:18: the tag \"???\" has no letters or digits to make its page's address from: write it in words, e.g. `tags: [Funding]`",
    ]);
  });

  it("accepts a Greek, a Cyrillic and a Chinese tag", async () => {
    const problems = await contentWith((dir) => post(dir, "greek.md", [...HEAD, "tags: [Ελληνικά, Русский, 中文]"]));
    expect(problems).toEqual([]);
  });
});

describe("old addresses", () => {
  it("reports a wildcard and a site root at the legacy.oldUrl line, so they never reach _redirects", async () => {
    const legacy = (oldUrl: string) => ["title: Old", "date: 2019-07-12", "author: jane-doe", "legacy:", `  oldUrl: "${oldUrl}"`];
    const problems = await contentWith(async (dir) => {
      await mkdir(path.join(dir, "blog/2019"), { recursive: true });
      await writeFile(path.join(dir, "blog/2019/wild.md"), ["---", ...legacy("https://adcs.org.uk/*"), "---", "Hi.\n"].join("\n"));
      await writeFile(path.join(dir, "blog/2019/root.md"), ["---", ...legacy("https://adcs.org.uk/"), "---", "Hi.\n"].join("\n"));
    });
    expect(problems).toEqual([
      expect.stringMatching(/^content\/blog\/2019\/root\.md:6:3: `legacy\.oldUrl`: it is the old site's home page/),
      expect.stringMatching(/^content\/blog\/2019\/wild\.md:6:3: `legacy\.oldUrl`: it holds a wildcard/),
    ]);
  });
});
