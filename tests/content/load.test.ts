/** checkContent over a whole content folder: src/content/load.ts, on small folders made per test. */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentCopies } from "../support/content-copy.ts";

const contentWith = contentCopies();


describe("checkContent", () => {
  it("passes the fixture site", async () => {
    expect(await contentWith(async () => {})).toEqual([]);
  });

  it("says a missing authors file is missing, instead of calling every author unknown", async () => {
    const problems = await contentWith((dir) => rm(path.join(dir, "_data/authors.yaml")));
    expect(problems).toEqual([
      "content/_data/authors.yaml:1:1: this file is missing: it lists the authors articles name in `author`; restore it (git checkout -- content/_data/authors.yaml) or create it",
    ]);
  });

  it("says a missing regions file is missing, instead of calling every region unknown", async () => {
    const problems = await contentWith((dir) => rm(path.join(dir, "_data/regions.yaml")));
    expect(problems).toEqual([
      "content/_data/regions.yaml:1:1: this file is missing: it lists the regions articles name in `region`; restore it (git checkout -- content/_data/regions.yaml) or create it",
    ]);
  });

  it("reports a link with no host at its line, so the build never meets it", async () => {
    const problems = await contentWith((dir) =>
      writeFile(path.join(dir, "blog/2026/broken-link.md"), "---\ntitle: A broken link\ndate: 2026-01-05\nauthor: jane-doe\n---\nRead [the report](http://).\n"),
    );
    expect(problems).toEqual([
      "content/blog/2026/broken-link.md:6:19: the link http:// is not a complete web address: write the whole address, e.g. https://www.adcs.org.uk/",
    ]);
  });

  it("does not call a link to a section's JSON feed dead", async () => {
    const problems = await contentWith((dir) =>
      writeFile(path.join(dir, "blog/2026/feeds.md"), "---\ntitle: Our feeds\ndate: 2026-01-05\nauthor: jane-doe\n---\nFollow [the blog](/blog/feed.json) or [everything](/feed.json).\n"),
    );
    expect(problems).toEqual([]);
  });

  it("reports a misspelt tag in an article that has other problems too, in the same run", async () => {
    const problems = await contentWith((dir) =>
      writeFile(
        path.join(dir, "blog/2026/two-mistakes.md"),
        "---\ntitle: Two mistakes\ndate: 2026-13-05\nauthor: jane-doe\ntags: [funding]\n---\nText.\n",
      ),
    );
    expect(problems.filter((problem) => problem.startsWith("content/blog/2026/two-mistakes.md:3:"))).toHaveLength(1);
    expect(problems).toContainEqual(
      'content/blog/2026/two-mistakes.md:5:8: the tag "funding" is written "Funding" in 2 articles: did you mean "Funding"? (one spelling keeps them on one tag page)',
    );
  });

  it("reads a file saved with Windows line ends (CRLF) as any other", async () => {
    const problems = await contentWith((dir) =>
      writeFile(
        path.join(dir, "blog/2026/windows.md"),
        "---\r\ntitle: Windows line ends\r\ndate: 2026-01-05\r\nauthor: jane-doe\r\ntags: [Funding]\r\n---\r\nSome text.\r\n",
      ),
    );
    expect(problems).toEqual([]);
  });

  it("reports a wrong glossary entry with every other problem, at its line", async () => {
    const problems = await contentWith((dir) => writeFile(path.join(dir, "_data/glossary.yaml"), "UASC: unaccompanied asylum-seeking children\nsend: the verb\n"));
    expect(problems).toEqual([
      'content/_data/glossary.yaml:2:1: "send" is not an acronym in capitals: write one entry a line, the acronym in capitals, a colon, then its words (`UASC: unaccompanied asylum-seeking children`)',
    ]);
  });

  it("says an authors file written as a list is not fields, instead of reading it as no authors", async () => {
    const problems = await contentWith((dir) => writeFile(path.join(dir, "_data/authors.yaml"), "- jane-doe\n- sam-smith\n"));
    expect(problems).toEqual([
      "content/_data/authors.yaml:1:1: this should be fields, each `name: value` on a line of its own, not a list or a single value",
    ]);
  });
});
