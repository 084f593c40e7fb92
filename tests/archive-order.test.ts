/**
 * One order everywhere: on the real archive (built once, tests/global-setup.ts), the search page's "Newest
 * first" (Pagefind's `date` sort key on each article) orders articles exactly as the listings do.
 */
import { findAll, getAttributeValue } from "domutils";
import { parseDocument } from "htmlparser2";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const siteDir = inject("siteDir");
const documentAt = async (url: string) => parseDocument(await readFile(path.join(siteDir, url, "index.html"), "utf8"));

/** The article links of a listing, page after page, in the order the listing shows them. */
async function listingOrder(listing: string): Promise<string[]> {
  const urls: string[] = [];
  for (let next: string | undefined = listing; next;) {
    const document = await documentAt(next);
    const titles = findAll((element) => element.attribs.class === "article-list__title", document.children);
    for (const title of titles)
      urls.push(getAttributeValue(findAll((element) => element.name === "a", title.children)[0]!, "href")!);
    const nextLink = findAll(
      (element) =>
        element.name === "a" && element.attribs.rel === "next" && /pagination/.test(element.attribs.class ?? ""),
      document.children,
    )[0];
    next = nextLink && getAttributeValue(nextLink, "href");
  }
  return urls;
}

/** The value an article gives Pagefind's `date` sort. */
async function searchSortKey(url: string): Promise<string> {
  const document = await documentAt(url);
  const meta = findAll((element) => element.attribs["data-pagefind-sort"] !== undefined, document.children)[0]!;
  return meta.attribs["data-pagefind-sort"]!.replace(/^date:/, "");
}

describe("Newest first in search", () => {
  for (const listing of ["/blog/", "/regional-updates/"]) {
    it(`never puts an article of ${listing} before one the listing shows as newer`, async () => {
      const urls = await listingOrder(listing);
      expect(urls.length).toBeGreaterThan(2);
      const keys = await Promise.all(urls.map(searchSortKey));
      const outOfOrder = keys.flatMap((key, index) =>
        index > 0 && key > keys[index - 1]!
          ? [`${urls[index]} (${key}) after ${urls[index - 1]} (${keys[index - 1]})`]
          : [],
      );
      expect(outOfOrder).toEqual([]);
      // Every key is a whole day, as Pagefind compares them as text.
      for (const key of keys) expect(key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  }
});
