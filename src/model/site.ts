/**
 * The whole site's data, computed once per build from the content folder: every article, every listing
 * page and every index. Templates only present what this returns.
 */
import path from "node:path";
import { buildArticle, type Article } from "./article.ts";
import { checkContent } from "../content/load.ts";
import { newestFirst } from "./order.ts";
import { ContentError } from "../content/problems.ts";
import { londonDay } from "./dates.ts";
import { siteFeeds, type Feed } from "../publishing/feeds.ts";
import { createMarkdown } from "./markdown.ts";
import { redirectsFor, type Redirect } from "../publishing/redirects.ts";
import { relatedArticles } from "./related.ts";
import type { Settings } from "../core/settings.ts";
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
  feed?: string;
  crumbs: Crumb[];
}

export interface ArticlePage {
  title: string;
  description: string;
  article: Article;
  previous?: Article;
  next?: Article;
  related: Article[];
  moreFromRegion: Article[];
  moreByAuthor: Article[];
  /** Each of the article's tags with how many articles carry it. */
  tags: TagSummary[];
  crumbs: Crumb[];
}

export interface Site {
  articles: Article[];
  articlePages: ArticlePage[];
  listings: ListingPage[];
  regions: RegionSummary[];
  tags: TagSummary[];
  authors: AuthorSummary[];
  years: YearSummary[];
  undatedCount: number;
  latest: { blog: Article[]; regional: Article[] };
  /** Publishing: every feed the site publishes (src/publishing/feeds.ts). */
  feeds: Feed[];
  /** Publishing: old site addresses of migrated articles to their pages (src/publishing/redirects.ts). */
  redirects: Redirect[];
}

const HOME = { title: "Home", url: "/" };
const MORE_LIMIT = 4;

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
  const byRegion = groupBy(articles, (article) => (article.region ? [article.region.key] : []));
  const byAuthorKey = groupBy(articles, (article) => (article.author ? [article.author.key] : []));
  const byTag = groupBy(articles, (article) => article.tags.map((tag) => tag.slug));
  const tags = tagSummaries(articles);
  const tagCounts = new Map(tags.map((tag) => [tag.slug, tag]));
  const regions: RegionSummary[] = Object.entries(data.regions).map(([key, region]) => ({
    key,
    name: region.name,
    url: `/regions/${key}/`,
    count: byRegion.get(key)?.length ?? 0,
  }));
  const authors: AuthorSummary[] = Object.entries(data.authors)
    .map(([key, author]) => ({ key, ...author, url: `/authors/${key}/`, count: byAuthorKey.get(key)?.length ?? 0 }))
    .filter((author) => author.count > 0)
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  const years = yearSummaries(articles);

  const listings: ListingPage[] = [
    ...listing("/blog/", "Blog", "Blog posts from directors of children's services", byKind.get("blog") ?? [], [HOME], "/blog/feed.xml"),
    ...listing("/regional-updates/", "Regional updates", "Updates from the ADCS regions", byKind.get("regional-update") ?? [], [HOME], "/regional-updates/feed.xml"),
    ...regions.flatMap((region) =>
      listing(region.url, region.name, `Articles from the ${region.name} region`, byRegion.get(region.key) ?? [], [HOME, { title: "Regions", url: "/regions/" }], `${region.url}feed.xml`),
    ),
    ...tags.flatMap((tag) =>
      listing(tag.url, `Tagged “${tag.name}”`, `Articles tagged ${tag.name}`, byTag.get(tag.slug) ?? [], [HOME, { title: "Tags", url: "/tags/" }]),
    ),
    ...authors.flatMap((author) =>
      listing(author.url, author.name, [author.role, author.organisation].filter(Boolean).join(", ") || `Articles by ${author.name}`, byAuthorKey.get(author.key) ?? [], [HOME, { title: "Authors", url: "/authors/" }]),
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
    const sameKind = byKind.get(article.kind)!;
    const index = positions.get(article)!;
    const others = (group: readonly Article[] | undefined) => (group ?? []).filter((a) => a !== article).slice(0, MORE_LIMIT);
    return {
      title: article.title,
      description: article.summary,
      article,
      ...(index > 0 && { next: sameKind[index - 1] }),
      ...(index < sameKind.length - 1 && { previous: sameKind[index + 1] }),
      related: (related.get(article.url) ?? []).map((url) => byUrl.get(url)!),
      moreFromRegion: others(article.region && byRegion.get(article.region.key)),
      moreByAuthor: others(article.author && byAuthorKey.get(article.author.key)),
      tags: article.tags.map((tag) => ({ ...tag, count: tagCounts.get(tag.slug)?.count ?? 1 })),
      crumbs: [HOME, article.kind === "blog" ? { title: "Blog", url: "/blog/" } : { title: "Regional updates", url: "/regional-updates/" }],
    };
  });

  return {
    articles,
    articlePages,
    listings,
    regions,
    tags,
    authors,
    years,
    undatedCount: articles.filter((a) => a.year === undefined).length,
    latest: { blog: (byKind.get("blog") ?? []).slice(0, 5), regional: (byKind.get("regional-update") ?? []).slice(0, 5) },
    feeds: siteFeeds(articles, regions, buildDay),
    redirects: redirectsFor(articles),
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
  const archive = { title: "Archive", url: "/archive/" };
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
      url: "/archive/undated/",
      title: "Date not recorded",
      description: "Articles from the old site whose date was not recorded, in the old archive's order",
      countText: countText(noYear.length),
      items: inArchiveOrder(noYear),
      crumbs: [HOME, archive],
    });
  }
  return pages;
}
