/**
 * The end-to-end test: the real migrated archive, built as `npm run build` builds it (tests/global-setup.ts),
 * read page by page as a reader would.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const siteDir = inject("siteDir");
const page = (url: string) => readFile(path.join(siteDir, url, "index.html"), "utf8");
const main = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));

async function articlePages(kindFolder: string): Promise<string[]> {
  const found: string[] = [];
  for (const year of await readdir(path.join(siteDir, kindFolder), { withFileTypes: true })) {
    if (!year.isDirectory() || year.name === "page" || year.name === "feed") continue;
    for (const slug of await readdir(path.join(siteDir, kindFolder, year.name))) found.push(`/${kindFolder}/${year.name}/${slug}/`);
  }
  return found;
}

describe("the real archive, built", () => {
  it("has a page for each of the 100 blog posts and 3 regional updates", async () => {
    expect(await articlePages("blog")).toHaveLength(100);
    expect(await articlePages("regional-updates")).toHaveLength(3);
    expect(await page("/blog/")).toContain("100 articles");
    expect(await page("/regional-updates/")).toContain("3 articles");
  });

  it("shows a confirmed date and author as recorded", async () => {
    const html = main(await page("/blog/2019/grow-your-own/"));
    expect(html).toContain('<h1 class="article__title">Grow your own</h1>');
    expect(html).toContain('<time datetime="2019-07-12">12 July 2019</time>');
    expect(html).toContain("Helen Blackman");
    expect(html).toContain("East Midlands");
  });

  it("says what is known of a date that was not recorded, and invents no author", async () => {
    const html = main(await page("/blog/2019/our-plea-to-the-next-prime-minister/"));
    expect(html).toContain("Date not recorded (between June and July 2019)");
    expect(html).not.toMatch(/<dt>Author<\/dt>/);
  });

  it("shows a month-only date as the month", async () => {
    expect(main(await page("/blog/2019/making-our-voices-heard/"))).toContain('<time datetime="2019-07">July 2019</time>');
  });

  it("keeps a regional update's region, month, tags, headings and body", async () => {
    const html = main(await page("/regional-updates/2017/greater-london-region-update-september-2017/"));
    expect(html).toContain('<time datetime="2017-09">September 2017</time>');
    expect(html).toContain('href="/regions/greater-london/"');
    expect(html).toMatch(/href="\/tags\/sli\/">SLI/);
    expect(html).toMatch(/<h2 id="[^"]+">Unaccompanied Asylum-Seeking Children \(UASC\) Costs<\/h2>/);
    expect(html).toContain("overspend of £94 million on the high needs block");
  });

  it("keeps lists as lists", async () => {
    const html = main(await page("/blog/2019/grow-your-own/"));
    expect(html).toMatch(/<ul>\s*<li>a\. was part time/);
  });

  it("lists the blog newest first in the old archive's order", async () => {
    const titles = [...main(await page("/blog/")).matchAll(/class="article-list__title"><a href="[^"]+">([^<]+)</g)].map((m) => m[1]);
    expect(titles.slice(0, 4)).toEqual(["Making our voices heard", "Grow your own", "Our plea to the next Prime Minister", "Local authority children’s services does something good for..."]);
  });
});
