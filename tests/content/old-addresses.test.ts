/** The old-address rules of src/content/old-addresses.ts: each old page redirects to one article, never over a page of this site. */
import { describe, expect, it } from "vitest";
import { oldAddressProblems, oldPath, oldUrlProblem } from "../../src/content/old-addresses.ts";

const article = (file: string, url: string, oldUrl?: string) => ({ file, url, frontMatter: { legacy: { oldUrl } } });
const grow = article("content/blog/2019/grow-your-own.md", "/blog/2019/grow-your-own/", "https://adcs.org.uk/blog/article/grow-your-own");

describe("old addresses", () => {
  it("use only the old URL's path, without a trailing slash", () => {
    expect(oldPath("https://adcs.org.uk/blog/article/grow-your-own")).toBe("/blog/article/grow-your-own");
    expect(oldPath("https://www.adcs.org.uk/blog/article/x/?utm=1#top")).toBe("/blog/article/x");
  });

  it("are fine when each belongs to one article", () => {
    const plea = article("content/blog/2019/plea.md", "/blog/2019/plea/", "https://adcs.org.uk/blog/article/plea");
    expect(oldAddressProblems([grow, plea, article("content/blog/2026/new.md", "/blog/2026/new/")])).toEqual([]);
  });

  it("claimed by two articles are a problem in each file, naming the other", () => {
    const clash = article("content/blog/2019/plea.md", "/blog/2019/plea/", "https://adcs.org.uk/blog/article/grow-your-own/");
    const problems = oldAddressProblems([grow, clash]);
    expect(problems.map((problem) => problem.file)).toEqual([clash.file, grow.file]);
    expect(problems[0]!.message).toBe(
      "legacy.oldUrl https://adcs.org.uk/blog/article/grow-your-own/: the old address /blog/article/grow-your-own is also claimed by content/blog/2019/grow-your-own.md; a redirect can go to only one article, so correct one of them",
    );
  });

  it("that are a page of this site are a problem: the redirect would hide the page", () => {
    const selfish = article("content/blog/2019/a.md", "/blog/2019/a/", "https://adcs.org.uk/blog/2019/grow-your-own/");
    expect(oldAddressProblems([grow, selfish]).map((problem) => problem.message)).toEqual([
      "legacy.oldUrl https://adcs.org.uk/blog/2019/grow-your-own/: /blog/2019/grow-your-own is a page of this site; a redirect from it would hide that page",
    ]);
  });

  it("must each be one concrete old page", () => {
    for (const fine of [
      "https://adcs.org.uk/blog/article/grow-your-own",
      "https://adcs.org.uk/general-subject/article/a-plea/",
      "http://www.adcs.org.uk/news/2019/story.html",
      "https://adcs.org.uk/blog/article/x?utm=1",
    ])
      expect(oldUrlProblem(fine), fine).toBeUndefined();
    const refused: [string, RegExp][] = [
      ["https://adcs.org.uk/*", /wildcard/],
      ["https://adcs.org.uk/blog/*", /wildcard/],
      ["https://adcs.org.uk/blog/%2A", /wildcard/],
      ["https://adcs.org.uk/blog/:splat", /wildcard/],
      ["https://adcs.org.uk/", /home page/],
      ["https://adcs.org.uk", /home page/],
      ["https://adcs.org.uk/blog", /address this site serves itself/],
      ["https://adcs.org.uk/news", /section or listing/],
      ["https://adcs.org.uk/blog/article/", /section or listing/],
      ["https://adcs.org.uk/news/page/2", /section or listing/],
      ["https://adcs.org.uk/files/report.pdf", /a file \(report\.pdf\)/],
      ["https://adcs.org.uk/tags/funding/", /address this site serves itself/],
      ["https://adcs.org.uk/feed.xml", /address this site serves itself/],
      ["https://adcs.org.uk/regional-updates/2030/future/", /address this site serves itself/],
      ["https://adcs.org.uk/blog/page/3/", /address this site serves itself/],
      ["ftp://adcs.org.uk/blog/article/x", /not a web address/],
      ["not a url", /full address/],
    ];
    for (const [url, problem] of refused) expect(oldUrlProblem(url), url).toMatch(problem);
  });
});
