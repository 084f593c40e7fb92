/**
 * The one order of articles, newest first, decided from front-matter alone (never file times).
 *
 * Migrated articles may be dated to the month or not at all. The old archive's own order (`legacy.order`,
 * 0 newest) is a fact, so within one kind those articles keep it: each gets the earliest day it could
 * have been published, raised where needed so it is never before an article the archive lists as older.
 * Every article is then sorted by that day, newest first, ties broken by archive order, then by URL.
 */
import { earliestDay, type ArticleDate } from "./dates.ts";
import type { Kind } from "../content/schema.ts";

export interface Orderable {
  url: string;
  kind: Kind;
  date: ArticleDate;
  legacy?: { order?: number };
}

/** Returns a new array, newest first. */
export function newestFirst<T extends Orderable>(articles: readonly T[]): T[] {
  const sortDay = sortDays(articles);
  return [...articles].sort(
    (a, b) =>
      compareDesc(sortDay.get(a) ?? "", sortDay.get(b) ?? "") ||
      (a.legacy?.order ?? -1) - (b.legacy?.order ?? -1) ||
      a.url.localeCompare(b.url),
  );
}

function sortDays<T extends Orderable>(articles: readonly T[]): Map<T, string> {
  const days = new Map<T, string>();
  const legacyOldestFirst = articles
    .filter((article) => article.legacy?.order !== undefined)
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.legacy!.order! - a.legacy!.order!);
  let floor = "";
  let kind: Kind | undefined;
  for (const article of legacyOldestFirst) {
    if (article.kind !== kind) [floor, kind] = ["", article.kind];
    const own = earliestDay(article.date) ?? "";
    floor = own > floor ? own : floor;
    days.set(article, floor);
  }
  for (const article of articles) if (!days.has(article)) days.set(article, earliestDay(article.date) ?? "");
  return days;
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
