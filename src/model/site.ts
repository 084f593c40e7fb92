/**
 * The whole site's data, computed once per build from the content folder: every article, every listing
 * page and every index. Templates only present what this returns; publishing (feeds, sitemap, redirects,
 * search) is made from it in `src/publishing/`.
 */
import path from "node:path";
import { checkContent } from "../content/load.ts";
import { ContentError } from "../content/problems.ts";
import { londonDay } from "../core/calendar.ts";
import { KIND_INFO, KINDS, type Kind, type KindInfo } from "../core/kinds.ts";
import type { Settings } from "../core/settings.ts";
import { ARCHIVE_URL, AUTHORS_URL, authorUrl, feedUrls, HOME_URL, kindUrl, REGIONS_URL, regionUrl, TAGS_URL, UNDATED_URL } from "../core/urls.ts";
import { buildArticle, type Article } from "./article.ts";
import {
  countText,
  groupBy,
  hasExactDate,
  isPublished,
  paginate,
  tagSummaries,
  yearSummaries,
  type AuthorSummary,
  type Pagination,
  type RegionSummary,
  type TagSummary,
  type YearSummary,
} from "./collections.ts";
import { createMarkdown } from "./markdown.ts";
import { newestFirst } from "./order.ts";
import { relatedArticles } from "./related.ts";

export interface SiteOptions {
  contentDir: string;
  /** Drafts and scheduled articles are shown only when this is true (the dev server). */
  includeUnpublished: boolean;
  /** "Today" for scheduling: the one injectable clock. */
  buildDate: Date;
  siteUrl: string;
  /** Where the site is served; root-relative links in article bodies get it. */
  pathPrefix?: string;
}

export interface Crumb {
  title: string;
  url: string;
}

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
  /** The Atom feed that follows the listing, where there is one. */
  feed?: string;
  crumbs: Crumb[];
}

export interface ArticlePage {
  title: string;
  description: string;
  article: Article;
  /** The article's kind, for the words around it ("Previous and next blog posts"). */
  kind: KindInfo;
  previous?: Article;
  next?: Article;
  related: Article[];
  moreFromRegion: Article[];
  moreByAuthor: Article[];
  /** Each of the article's tags with how many articles carry it. */
  tags: TagSummary[];
  crumbs: Crumb[];
}

/** A kind's section of the home page: its newest articles and a link to all of them. */
export interface KindSection {
  kind: KindInfo;
  /** "Latest blog posts". */
  heading: string;
  url: string;
  /** "All blog posts". */
  linkText: string;
  latest: Article[];
}

/** The articles whose year is not known, as the archive page lists them beside the years. */
export interface UndatedSummary {
  title: string;
  url: string;
  count: number;
  countText: string;
}

export interface Site {
  articles: Article[];
  articlePages: ArticlePage[];
  listings: ListingPage[];
  regions: RegionSummary[];
  tags: TagSummary[];
  /** "3 tags". */
  tagsCountText: string;
  authors: AuthorSummary[];
  years: YearSummary[];
  /** Absent when every article's year is known. */
  undated?: UndatedSummary;
  sections: KindSection[];
}

const HOME: Crumb = { title: "Home", url: HOME_URL };
const MORE_LIMIT = 4;
const LATEST_LIMIT = 5;
const UNDATED_TITLE = "Date not recorded";

export function siteOptions(contentDir: string, settings: Settings): SiteOptions {
  return {
    contentDir: path.resolve(contentDir),
    includeUnpublished: settings.includeUnpublished,
    buildDate: settings.buildDate,
    siteUrl: settings.siteUrl,
    pathPrefix: settings.pathPrefix,
  };
}

export async function loadSite(options: SiteOptions): Promise<Site> {
  const { articles: valid, data, problems } = await checkContent(options.contentDir);
  if (problems.length) throw new ContentError(problems);

  const md = createMarkdown({ siteOrigin: options.siteUrl, ...(options.pathPrefix && { pathPrefix: options.pathPrefix }) });
  const buildDay = londonDay(options.buildDate);
  const articles = newestFirst(valid.map((article) => buildArticle(article, data, md, buildDay))).filter(
    isPublished(options.includeUnpublished),
  );

  const byKind = groupBy(articles, (article) => [article.kind]);
  const ofKind = (kind: Kind) => byKind.get(kind) ?? [];
  const byRegion = groupBy(articles, (article) => (article.region ? [article.region.key] : []));
  const byAuthorKey = groupBy(articles, (article) => (article.author ? [article.author.key] : []));
  const byTag = groupBy(articles, (article) => article.tags.map((tag) => tag.slug));
  const tags = tagSummaries(articles);
  const tagCounts = new Map(tags.map((tag) => [tag.slug, tag]));
  const regions: RegionSummary[] = Object.entries(data.regions).map(([key, region]) => {
    const count = byRegion.get(key)?.length ?? 0;
    return { key, name: region.name, url: regionUrl(key), count, countText: countText(count) };
  });
  const authors: AuthorSummary[] = Object.entries(data.authors)
    .map(([key, author]) => {
      const count = byAuthorKey.get(key)?.length ?? 0;
      return { key, ...author, url: authorUrl(key), count, countText: countText(count) };
    })
    .filter((author) => author.count > 0)
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  const years = yearSummaries(articles);

  // Every listing the site has, as data: where it is, what it is called, what it lists, where it sits.
  const listings: ListingPage[] = [
    ...KINDS.flatMap((kind) =>
      listing(kindUrl(kind), KIND_INFO[kind].listingTitle, KIND_INFO[kind].listingDescription, ofKind(kind), [HOME], feedUrls(kindUrl(kind)).atom),
    ),
    ...regions.flatMap((region) =>
      listing(region.url, region.name, `Articles from the ${region.name} region`, byRegion.get(region.key) ?? [], [HOME, { title: "Regions", url: REGIONS_URL }], feedUrls(region.url).atom),
    ),
    ...tags.flatMap((tag) =>
      listing(tag.url, `Tagged “${tag.name}”`, `Articles tagged ${tag.name}`, byTag.get(tag.slug) ?? [], [HOME, { title: "Tags", url: TAGS_URL }]),
    ),
    ...authors.flatMap((author) =>
      listing(author.url, author.name, [author.role, author.organisation].filter(Boolean).join(", ") || `Articles by ${author.name}`, byAuthorKey.get(author.key) ?? [], [HOME, { title: "Authors", url: AUTHORS_URL }]),
    ),
    ...yearPages(articles, years),
  ];

  const related = relatedArticles(
    articles.map((article) => ({
      id: article.url,
      title: article.title,
      text: article.text,
      tags: article.tags.map((tag) => tag.slug),
      region: article.region?.key,
      author: article.author?.key,
      draft: article.draft || article.scheduled,
    })),
  );
  const byUrl = new Map(articles.map((article) => [article.url, article]));
  const positions = new Map([...byKind.values()].flatMap((list) => list.map((article, index) => [article, index] as const)));
  const articlePages = articles.map((article): ArticlePage => {
    const sameKind = ofKind(article.kind);
    const index = positions.get(article)!;
    const others = (group: readonly Article[] | undefined) => (group ?? []).filter((a) => a !== article).slice(0, MORE_LIMIT);
    return {
      title: article.title,
      description: article.summary,
      article,
      kind: KIND_INFO[article.kind],
      ...(index > 0 && { next: sameKind[index - 1] }),
      ...(index < sameKind.length - 1 && { previous: sameKind[index + 1] }),
      related: (related.get(article.url) ?? []).map((url) => byUrl.get(url)!),
      moreFromRegion: others(article.region && byRegion.get(article.region.key)),
      moreByAuthor: others(article.author && byAuthorKey.get(article.author.key)),
      tags: article.tags.map((tag) => {
        const count = tagCounts.get(tag.slug)?.count ?? 1;
        return { ...tag, count, countText: countText(count) };
      }),
      crumbs: [HOME, { title: KIND_INFO[article.kind].listingTitle, url: kindUrl(article.kind) }],
    };
  });

  const undatedCount = articles.filter((article) => article.year === undefined).length;
  return {
    articles,
    articlePages,
    listings,
    regions,
    tags,
    tagsCountText: countText(tags.length, "tag"),
    authors,
    years,
    ...(undatedCount > 0 && { undated: { title: UNDATED_TITLE, url: UNDATED_URL, count: undatedCount, countText: countText(undatedCount) } }),
    sections: KINDS.map((kind) => ({
      kind: KIND_INFO[kind],
      heading: `Latest ${KIND_INFO[kind].plural}`,
      url: kindUrl(kind),
      linkText: `All ${KIND_INFO[kind].plural}`,
      latest: ofKind(kind).slice(0, LATEST_LIMIT),
    })),
  };
}

function listing(url: string, title: string, description: string, items: readonly Article[], crumbs: Crumb[], feed?: string): ListingPage[] {
  return paginate(url, items).map((page) => ({
    url: page.url,
    title,
    description,
    countText: countText(items.length),
    items: page.items,
    ...(page.pagination && { pagination: page.pagination }),
    ...(feed && { feed }),
    crumbs,
  }));
}

/** One page per year (dated articles, then that year's undated ones apart), and one for articles of no known year. */
function yearPages(articles: readonly Article[], years: readonly YearSummary[]): ListingPage[] {
  const archive = { title: "Archive", url: ARCHIVE_URL };
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
      crumbs: [HOME, archive],
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
      crumbs: [HOME, archive],
    });
  }
  return pages;
}
