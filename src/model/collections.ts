/**
 * Collections as named predicates, groupings (by kind, region, author, tag, year: one pass each, not one
 * filter per page) and pagination over the one newest-first list of articles.
 * Nothing here mutates its input.
 */
import { listingPageUrl, tagUrl, yearUrl } from "../core/urls.ts";
import { countText } from "../core/words.ts";
import type { Article, Person, RegionRef, SubjectRef, TagRef } from "./article.ts";

export const PAGE_SIZE = 20;

export type Predicate = (article: Article) => boolean;

export const isPublished =
  (includeUnpublished: boolean): Predicate =>
  (article) =>
    includeUnpublished || (!article.draft && !article.scheduled);
export const hasExactDate: Predicate = (article) => article.date.precision !== "unknown";

/** Groups articles under every key an article has, keeping each group in the articles' order. */
export function groupBy<K>(
  articles: readonly Article[],
  keysOf: (article: Article) => readonly K[],
): Map<K, Article[]> {
  const groups = new Map<K, Article[]>();
  for (const article of articles) {
    for (const key of keysOf(article)) {
      const group = groups.get(key);
      if (group) group.push(article);
      else groups.set(key, [article]);
    }
  }
  return groups;
}

/** A numbered link of a listing's pagination, as the `pagination` component takes its `items`. */
export interface PageLink {
  number: number;
  href: string;
  current: boolean;
  /** What a screen reader says for the link: "Page 3". */
  visuallyHiddenText: string;
}

/** A gap in the numbered links ("…"); it has no number, so `link.number` reads on any link. */
export interface PageGap {
  ellipsis: true;
  number?: undefined;
  current?: undefined;
}

export interface Pagination {
  current: number;
  total: number;
  /** "page 2 of 5", for the listing's lead. */
  text: string;
  previous?: string;
  next?: string;
  /** Numbered links as in GOV.UK's pattern: first, last, and the current page's neighbours, with gaps. */
  links: (PageLink | PageGap)[];
}

export interface Paged<T> {
  url: string;
  items: T[];
  pagination?: Pagination;
}

/** Splits items into pages: `/base/`, `/base/page/2/`… Always at least one page, so empty listings still exist. */
export function paginate<T>(baseUrl: string, items: readonly T[], size = PAGE_SIZE): Paged<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const urlOf = (number: number) => listingPageUrl(baseUrl, number);
  return Array.from({ length: total }, (_, index) => {
    const current = index + 1;
    const page: Paged<T> = { url: urlOf(current), items: items.slice(index * size, current * size) };
    if (total > 1) {
      page.pagination = {
        current,
        total,
        text: `page ${current} of ${total}`,
        ...(current > 1 && { previous: urlOf(current - 1) }),
        ...(current < total && { next: urlOf(current + 1) }),
        links: pageNumbers(current, total).map((number) =>
          number === null
            ? GAP
            : { number, href: urlOf(number), current: number === current, visuallyHiddenText: `Page ${number}` },
        ),
      };
    }
    return page;
  });
}

const GAP: PageGap = { ellipsis: true };

function pageNumbers(current: number, total: number): (number | null)[] {
  const wanted = [...new Set([1, current - 1, current, current + 1, total])]
    .filter((n) => n >= 1 && n <= total)
    .sort((a, b) => a - b);
  const withGaps: (number | null)[] = [];
  for (const number of wanted) {
    const last = withGaps.at(-1);
    if (typeof last === "number" && number - last === 2) withGaps.push(last + 1);
    else if (typeof last === "number" && number - last > 2) withGaps.push(null);
    withGaps.push(number);
  }
  return withGaps;
}

/** Something with a number of articles, and those words: "1 article", "12 articles". */
export interface Counted {
  count: number;
  countText: string;
}

export interface TagSummary extends TagRef, Counted {}

/** Every tag with its article count, by name. One display casing per slug: the most used, then the one with more capitals. */
export function tagSummaries(articles: readonly Article[]): TagSummary[] {
  const casings = new Map<string, Map<string, number>>();
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const tag of article.tags) {
      counts.set(tag.slug, (counts.get(tag.slug) ?? 0) + 1);
      const names = casings.get(tag.slug) ?? new Map<string, number>();
      names.set(tag.name, (names.get(tag.name) ?? 0) + 1);
      casings.set(tag.slug, names);
    }
  }
  return [...counts]
    .map(([slug, count]) => {
      const [name] = [...casings.get(slug)!].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0]!;
      return { name, slug, url: tagUrl(slug), count, countText: countText(count) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB", { sensitivity: "base" }) || a.slug.localeCompare(b.slug));
}

export interface RegionSummary extends RegionRef, Counted {}

export interface SubjectSummary extends SubjectRef, Counted {
  /** What the subject covers, in one line (`_data/subjects.yaml`). */
  description: string;
}

export interface AuthorSummary extends Person, Counted {}

export interface YearSummary extends Counted {
  year: number;
  url: string;
}

export function yearSummaries(articles: readonly Article[]): YearSummary[] {
  const years = groupBy(articles, (article) => (article.year === undefined ? [] : [article.year]));
  return [...years]
    .map(([year, list]) => ({ year, url: yearUrl(year), count: list.length, countText: countText(list.length) }))
    .sort((a, b) => b.year - a.year);
}
