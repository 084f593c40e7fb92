/**
 * Every listing the site has, as data: where it is, what it is called, what it lists, where it sits, and
 * which facts its items show. Paginated 20 a page; a year's undated articles are listed apart.
 */
import { KIND_INFO, KINDS } from "../core/kinds.ts";
import { feedUrls, kindUrl, subscribeUrl, UNDATED_URL } from "../core/urls.ts";
import type { Article } from "./article.ts";
import { hasExactDate, paginate, type Pagination, type YearSummary } from "./collections.ts";
import { countText } from "../core/words.ts";
import type { ArchiveGroups } from "./groups.ts";
import { ARCHIVE, AUTHORS, HOME, REGIONS, SUBJECTS, TAGS, type Crumb } from "./links.ts";

export interface ListingPage {
  url: string;
  title: string;
  /** What the listing is, for the `<title>` and description. */
  description: string;
  countText: string;
  items: Article[];
  /** Undated articles of a year, listed apart in archive order. */
  undated?: Article[];
  pagination?: Pagination;
  /** The Atom feed that follows the listing, where there is one: for feed readers, in the page's head. */
  feed?: string;
  /** Where the listing's "follow" link leads people: the feed's section of the subscribe page. */
  subscribe?: string;
  crumbs: Crumb[];
  /** Which facts each item shows: not the one every item shares (the region on a region's page). */
  show: ItemFacts;
}

export interface ItemFacts {
  kind: boolean;
  author: boolean;
  region: boolean;
}

const ALL_FACTS: ItemFacts = { kind: true, author: true, region: true };

/** The articles whose year is not known, as the archive page lists them beside the years. */
export interface UndatedSummary {
  title: string;
  url: string;
  count: number;
  countText: string;
}

const UNDATED_TITLE = "Date not recorded";

export function siteListings({
  articles,
  ofKind,
  byRegion,
  byTag,
  bySubject,
  byAuthor,
  regions,
  subjects,
  tags,
  authors,
  years,
}: ArchiveGroups): ListingPage[] {
  return [
    ...KINDS.flatMap((kind) =>
      listing(
        kindUrl(kind),
        KIND_INFO[kind].listingTitle,
        KIND_INFO[kind].listingDescription,
        ofKind(kind),
        [HOME],
        feedUrls(kindUrl(kind)).atom,
        "kind",
      ),
    ),
    ...regions.flatMap((region) =>
      listing(
        region.url,
        region.name,
        `Articles from the ${region.name} region`,
        byRegion.get(region.key) ?? [],
        [HOME, REGIONS],
        feedUrls(region.url).atom,
        "region",
      ),
    ),
    ...subjects.flatMap((subject) =>
      listing(
        subject.url,
        subject.name,
        // The lead puts its own full stop after the description.
        subject.description.replace(/\.$/, ""),
        bySubject.get(subject.key) ?? [],
        [HOME, SUBJECTS],
        feedUrls(subject.url).atom,
      ),
    ),
    ...tags.flatMap((tag) =>
      listing(
        tag.url,
        `Tagged “${tag.name}”`,
        `Articles tagged ${tag.name}`,
        byTag.get(tag.slug) ?? [],
        [HOME, TAGS],
        feedUrls(tag.url).atom,
      ),
    ),
    ...authors.flatMap((author) =>
      listing(
        author.url,
        author.name,
        [author.role, author.organisation].filter(Boolean).join(", ") || `Articles by ${author.name}`,
        byAuthor.get(author.key) ?? [],
        [HOME, AUTHORS],
        feedUrls(author.url).atom,
        "author",
      ),
    ),
    ...yearPages(articles, years),
  ];
}

/** The archive page's card for the articles of no known year; undefined when every year is known. */
export function undatedSummary(articles: readonly Article[]): UndatedSummary | undefined {
  const count = articles.filter((article) => article.year === undefined).length;
  return count > 0 ? { title: UNDATED_TITLE, url: UNDATED_URL, count, countText: countText(count) } : undefined;
}

function listing(
  url: string,
  title: string,
  description: string,
  items: readonly Article[],
  crumbs: Crumb[],
  feed?: string,
  /** The fact every item shares, which the items then leave out. */
  shared?: keyof ItemFacts,
): ListingPage[] {
  const show = shared ? { ...ALL_FACTS, [shared]: false } : ALL_FACTS;
  return paginate(url, items).map((page) => ({
    url: page.url,
    title,
    description,
    countText: countText(items.length),
    items: page.items,
    ...(page.pagination && { pagination: page.pagination }),
    ...(feed && { feed, subscribe: subscribeUrl(url) }),
    crumbs,
    show,
  }));
}

/** One page per year (dated articles, then that year's undated ones apart), and one for articles of no known year. */
function yearPages(articles: readonly Article[], years: readonly YearSummary[]): ListingPage[] {
  const inArchiveOrder = (list: readonly Article[]) =>
    [...list].sort((a, b) => (a.legacy?.order ?? 0) - (b.legacy?.order ?? 0) || a.url.localeCompare(b.url));
  const pages: ListingPage[] = years.map(({ year, url, count }) => {
    const ofYear = articles.filter((article) => article.year === year);
    return {
      url,
      title: String(year),
      description: `Articles published in ${year}`,
      countText: countText(count),
      items: ofYear.filter(hasExactDate),
      undated: inArchiveOrder(ofYear.filter((article) => !hasExactDate(article))),
      crumbs: [HOME, ARCHIVE],
      show: ALL_FACTS,
    };
  });
  const noYear = articles.filter((article) => article.year === undefined);
  if (noYear.length) {
    pages.push({
      url: UNDATED_URL,
      title: UNDATED_TITLE,
      description: "Articles from the old site whose date was not recorded, in the old archive's order",
      countText: countText(noYear.length),
      items: inArchiveOrder(noYear),
      crumbs: [HOME, ARCHIVE],
      show: ALL_FACTS,
    });
  }
  return pages;
}
