import { describe, expect, it } from "vitest";
import { checkBody, deadLink } from "../../src/content/body-checks.ts";
import { createParser } from "../../src/content/markdown.ts";

const FILE = "content/blog/2026/post.md";
const URLS = new Set(["/blog/2026/post/", "/blog/2026/other/", "/blog/2025/older/", "/regional-updates/2026/london/"]);
const md = createParser();

/** The body starts on file line 6, after five lines of front-matter. */
function check(body: string) {
  return checkBody({ file: FILE, body, bodyLine: 6, url: "/blog/2026/post/" }, URLS, md);
}

describe("headings", () => {
  it("accepts ## then ### then ## again", () => {
    expect(check("Intro.\n\n## One\n\n### One a\n\n## Two\n")).toEqual([]);
  });

  it("flags a # heading at its line and column, saying to use ##", () => {
    const [problem, ...rest] = check("Intro.\n\n  # Big\n");
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: FILE, line: 8, column: 3 });
    expect(problem!.message).toContain("use ## for a section heading");
  });

  it("flags a setext (underlined) level-1 heading too", () => {
    expect(check("Intro.\n\nBig\n===\n")).toMatchObject([{ line: 8, column: 1 }]);
  });

  it("flags a heading that skips a level, naming the level to use", () => {
    const problems = check("## One\n\n#### Too deep\n\n## Two\n\n### Fine\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 8, column: 1 });
    expect(problems[0]!.message).toMatch(/level-4 heading comes after a level-2 heading.*use ### here/);
  });

  it("flags a first heading below level 2 as skipping from the page title", () => {
    expect(check("### First\n")[0]!.message).toMatch(/after the page title \(level 1\).*use ## here/);
  });
});

describe("images", () => {
  it("flags an image without alt text at the `![`", () => {
    const problems = check("Text first, then ![](/images/a.png) and ![A chart](/images/b.png).\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 6, column: 18 });
    expect(problems[0]!.message).toContain("no alt text");
    expect(problems[0]!.message).toContain("](/images/a.png)");
  });

  it("finds the second image on a line, and images in lists and quotes", () => {
    const problems = check("![ok](/a.png) ![](/b.png)\n\n- item ![](/c.png)\n\n> ![](/d.png)\n");
    expect(problems.map(({ line, column }) => [line, column])).toEqual([
      [6, 15],
      [8, 8],
      [10, 3],
    ]);
  });

  it("treats blank alt text as missing", () => {
    expect(check("![  ](/a.png)\n")).toHaveLength(1);
  });
});

describe("links between articles", () => {
  it("accepts links to articles, listings, feeds, anchors, other sections and other sites", () => {
    const body = [
      "[a](/blog/2026/other/) [b](/blog/2026/other) [c](/blog/2025/older/#intro) [d](/blog/)",
      "[e](/regional-updates/page/2/) [f](/blog/feed.xml) [g](#top) [h](/regions/north-west/)",
      "[i](https://example.org/blog/x/) [j](mailto:a@example.org) [k](../other/) [l](../../2025/older/)",
    ].join("\n");
    expect(check(body)).toEqual([]);
  });

  it("flags a dead absolute link at its target, suggesting the closest article", () => {
    const problems = check("Intro.\n\nSee [this](/blog/2026/othr/) now.\n");
    expect(problems).toEqual([
      { file: FILE, line: 8, column: 12, message: "the link /blog/2026/othr/ points to no article: did you mean /blog/2026/other/?" },
    ]);
  });

  it("suggests the article with the same slug when the year is wrong or missing", () => {
    expect(check("[x](/blog/older/)")[0]!.message).toContain("did you mean /blog/2025/older/?");
  });

  it("resolves a relative link against the article's URL and says where it leads", () => {
    const [problem] = check("[x](../../2024/older/)");
    expect(problem).toMatchObject({ line: 6, column: 5 });
    expect(problem!.message).toBe(
      "the link ../../2024/older/ leads to /blog/2024/older/, where there is no article: did you mean /blog/2025/older/?",
    );
  });

  it("explains the address pattern when nothing is close", () => {
    expect(check("[x](/regional-updates/2019/something-else-entirely/)")[0]!.message).toContain(
      "an article's is /regional-updates/<year>/<file name without .md>/",
    );
  });

  it("points a dead reference-style link at its definition", () => {
    expect(check("See [the post][p].\n\n[p]: /blog/2026/gone/\n")).toMatchObject([{ line: 8, column: 6 }]);
  });

  it("finds links inside table cells on their row", () => {
    expect(check("| a | b |\n| - | - |\n| x | [y](/blog/2026/gone/) |\n")).toMatchObject([{ line: 8, column: 11 }]);
  });

  it("ignores links in code", () => {
    expect(check("`[x](/blog/2026/gone/)`\n\n    [y](/blog/2026/gone/)\n")).toEqual([]);
  });

  it("deadLink says nothing about links outside the article sections", () => {
    expect(deadLink("/tags/funding/", "/blog/2026/post/", URLS)).toBeUndefined();
    expect(deadLink("../../../authors/jane/", "/blog/2026/post/", URLS)).toBeUndefined();
  });
});

it("reports every problem of a body in one pass, in order", () => {
  const problems = check("# One\n\n![](/a.png)\n\n#### Two\n\n[x](/blog/2026/gone/)\n");
  expect(problems.map((problem) => problem.line)).toEqual([6, 8, 10, 12]);
});

describe("links that cannot be followed", () => {
  it("accept a section's own pages: its listing, later pages and both feeds", () => {
    expect(check("[Blog](/blog/), [page 2](/blog/page/2/), [Atom](/blog/feed.xml) and [JSON](/blog/feed.json).\n")).toEqual([]);
  });

  it("flag a web address with no host, at the link, without stopping the check", () => {
    expect(check("See [the report](http://) and [this](https://).\n")).toEqual([
      { file: FILE, line: 6, column: 18, message: "the link http:// is not a complete web address: write the whole address, e.g. https://www.adcs.org.uk/" },
      { file: FILE, line: 6, column: 38, message: "the link https:// is not a complete web address: write the whole address, e.g. https://www.adcs.org.uk/" },
    ]);
  });

  it("leave complete external addresses alone", () => {
    expect(check("[ADCS](https://www.adcs.org.uk/) and [GOV.UK](http://gov.uk)\n")).toEqual([]);
  });
});
