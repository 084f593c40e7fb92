/**
 * The one order of articles, newest first, decided from front-matter alone (never file times), and the
 * one day each article sorts by: listings, feeds, the sitemap and the search page's "Newest first" all
 * use `sortDay`, so no two of them can order the archive differently.
 *
 * Migrated articles may be dated to the month or not at all. The old archive's own order (`legacy.order`,
 * 0 newest) is a fact, so within one kind those articles keep it: each sorts by the earliest day it could
 * have been published, raised where needed so it is never before an article the archive lists as older.
 * Every article is then sorted by that day, newest first, ties broken by archive order, then by URL.
 */
import type { Kind } from "../core/kinds.ts";
import { earliestDay, type ArticleDate } from "./dates.ts";

/** The sort day of an article nothing is known about (an undated migrated article with no older neighbour). */
export const UNKNOWN_SORT_DAY = "0000-00-00";

export interface Orderable {
  url: string;
  kind: Kind;
  date: ArticleDate;
  legacy?: { order?: number };
}

/** Returns new articles, each with its `sortDay` (`YYYY-MM-DD`), newest first. */
export function newestFirst<T extends Orderable>(articles: readonly T[]): (T & { sortDay: string })[] {
  const days = sortDays(articles);
  return articles
    .map((article) => withSortDay(article, days.get(article)!))
    .sort(
      (a, b) =>
        compareDesc(a.sortDay, b.sortDay) ||
        (a.legacy?.order ?? -1) - (b.legacy?.order ?? -1) ||
        a.url.localeCompare(b.url),
    );
}

/** By article, the last object made for it with its sort day. */
const dated = new WeakMap<object, { sortDay: string; article: object }>();

/**
 * The article with its sort day. An unchanged article (the same object, kept by the content cache) with an
 * unchanged day stays the same object from build to build, so that what was worked out from it, such as
 * the digest of the pages that show it (src/publishing/render-plan.ts), need not be worked out again.
 */
function withSortDay<T extends Orderable>(article: T, sortDay: string): T & { sortDay: string } {
  const known = dated.get(article);
  if (known?.sortDay === sortDay) return known.article as T & { sortDay: string };
  const result = { ...article, sortDay };
  dated.set(article, { sortDay, article: result });
  return result;
}

function sortDays<T extends Orderable>(articles: readonly T[]): Map<T, string> {
  const days = new Map<T, string>();
  const legacyOldestFirst = articles
    .filter((article) => article.legacy?.order !== undefined)
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.legacy!.order! - a.legacy!.order!);
  let floor = UNKNOWN_SORT_DAY;
  let kind: Kind | undefined;
  for (const article of legacyOldestFirst) {
    if (article.kind !== kind) [floor, kind] = [UNKNOWN_SORT_DAY, article.kind];
    const own = earliestDay(article.date) ?? UNKNOWN_SORT_DAY;
    floor = own > floor ? own : floor;
    days.set(article, floor);
  }
  for (const article of articles)
    if (!days.has(article)) days.set(article, earliestDay(article.date) ?? UNKNOWN_SORT_DAY);
  return days;
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
