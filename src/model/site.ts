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
import {
  ACCESSIBILITY_URL,
  ARCHIVE_URL,
  AUTHORS_URL,
  authorUrl,
  feedUrls,
  HOME_URL,
  kindUrl,
  REGIONS_URL,
  regionUrl,
  SEARCH_INDEX_URL,
  SEARCH_URL,
  SITEMAP_URL,
  SUBSCRIBE_URL,
  subscribeUrl,
  TAGS_URL,
  UNDATED_URL,
} from "../core/urls.ts";
import { buildArticle, type Article } from "./article.ts";
import {
  countParts,
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
import { ownerOf, statementOf, type Owner, type StatementFacts } from "./owner.ts";
import { relatedArticles } from "./related.ts";
import { loadGlossary, searchTerms, type GlossaryEntry } from "./glossary.ts";

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

/**
 * A link as the layout components take it (govuk-frontend's option names): `text` to show, `href` a site
 * path that templates put under the path prefix with the `url` filter.
 */
export interface Link {
  text: string;
  href: string;
}

/** A link in a `linkList`, with what it is in a few words after it ("Blog post, 12 July 2019"). */
export interface LinkItem extends Link {
  hint?: string;
}

/** A card in a `countList` (the regions, tags, authors and years indexes): "North West · 12 articles". */
export interface CountItem extends Link {
  countText: string;
  /** Shown between the link and the count: an author's role. */
  hint?: string;
}

/** A tag in an article's `tagList`: shows "Funding (2)", read as "Funding (2 articles)". */
export interface TagItem extends Link {
  /** The number alone: "2". */
  count: string;
  /** The noun only screen readers hear after it: "articles", "article". */
  visuallyHiddenText: string;
}

/** One of the "More from…" and "More by…" sections below an article. */
export interface MoreSection {
  /** Names the section's heading id: `more-region-heading`. */
  key: "region" | "author";
  /** "More from North West". */
  heading: string;
  items: LinkItem[];
  /** "All articles from North West". */
  link: Link;
}

/** A breadcrumb: where a page sits. */
export type Crumb = Link;

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

export interface ArticlePage {
  title: string;
  description: string;
  article: Article;
  /** The article's kind, for the words around it ("Previous and next blog posts"). */
  kind: KindInfo;
  /** Shown only in the preview: why the article is not published. */
  notice?: { label: "Draft" | "Scheduled"; text: string };
  /** "4 minute read". */
  readingTimeText: string;
  /** The next older and newer article of the same kind. */
  previous?: Link;
  next?: Link;
  related: LinkItem[];
  /** More from the article's region, then more by its author, where there are any. */
  more: MoreSection[];
  /** Each of the article's tags with how many articles carry it. */
  tags: TagItem[];
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

export interface SiteName {
  /** "ADCS blog and regional updates". */
  text: string;
  /** The header shows the name in two parts: "ADCS" and, smaller, "blog and regional updates". */
  organisation: string;
  service: string;
}

/** Site paths of the pages that are not in the model (their permalinks) and that templates link to, from `src/core/urls.ts`. */
export interface SiteUrls {
  home: string;
  search: string;
  archive: string;
  regions: string;
  tags: string;
  authors: string;
  accessibility: string;
  sitemap: string;
  subscribe: string;
  /** Pagefind's script, which the search page loads. */
  searchScript: string;
}

export interface Site {
  // The words and links of every page's frame (layouts/_includes/base.njk) and of the pages that are not
  // in the model (home, the indexes, search, accessibility, 404).
  name: SiteName;
  /** The main navigation: each kind's listing and the indexes (search is the header's search box). */
  navigation: Link[];
  /** On narrow screens the navigation and search fold behind this button (shown only where script runs). */
  menu: { buttonText: string; id: string };
  /** The header's search box. */
  searchForm: { href: string; labelText: string; buttonText: string };
  /** The Atom feed of every article, linked from every page's head. */
  feed: { href: string; title: string };
  /** The footer's sentence about the site. */
  footerText: string;
  footerLinks: Link[];
  /** The organisation whose site this is (content/_data/site.yaml): absent when the site data gives none. */
  owner?: Owner;
  /** The accessibility statement's facts from the site data (how to report a problem, enforcement, dates). */
  statement?: StatementFacts;
  /** The image shared links show: its file in `assets/`, size and words for those who cannot see it. */
  socialCard: typeof SOCIAL_CARD;
  /** The link at the end of a long page (listings and articles) back to its top, after GOV.UK's back-to-top pattern. */
  backToTop: Link;
  urls: SiteUrls;
  /** Breadcrumb trails of the pages that are not in the model (front-matter `trail: home`). */
  trails: { home: Crumb[] };
  /** The card lists of the index pages, as `countList` items; `years` ends with the undated articles, if any. */
  indexes: { regions: CountItem[]; tags: CountItem[]; authors: CountItem[]; years: CountItem[] };
  articles: Article[];
  /** The glossary's acronyms (`src/model/glossary.ts`), which the search page reads a query in capitals by. */
  glossary: GlossaryEntry[];
  /** By article URL, the glossary terms it uses, both ways, for the search index (search-meta.njk). */
  searchTerms: Record<string, string>;
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

// The pages the navigation, the footer and the breadcrumbs link to, named alike everywhere.
const HOME: Link = { text: "Home", href: HOME_URL };
const REGIONS: Link = { text: "Regions", href: REGIONS_URL };
const TAGS: Link = { text: "Tags", href: TAGS_URL };
const AUTHORS: Link = { text: "Authors", href: AUTHORS_URL };
const ARCHIVE: Link = { text: "Archive", href: ARCHIVE_URL };
/** The one image shared links show (made by scripts/social-card.ts; the file is in `assets/`). */
export const SOCIAL_CARD = {
  asset: "social-card.png",
  width: 1200,
  height: 630,
  alt: "ADCS blog and regional updates, in white on the site’s dark blue",
} as const;
export const SITE_NAME: SiteName = {
  text: "ADCS blog and regional updates",
  organisation: "ADCS",
  service: "blog and regional updates",
};
const MORE_LIMIT = 4;
const LATEST_LIMIT = 5;
const UNDATED_TITLE = "Date not recorded";
const NOT_PUBLISHED = "this article is not published. It is shown only in the preview.";

const linkTo = (article: Article): Link => ({ text: article.title, href: article.url });
/** A link to an article with its date after it, for the lists of one region's or author's articles. */
const dated = (article: Article): LinkItem => ({ ...linkTo(article), hint: article.dateText });

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
  const buildDay = londonDay(options.buildDate);
  // "Today" is the build's, so a link to an article scheduled after it is judged as the build publishes it.
  const { articles: valid, data, problems } = await checkContent(options.contentDir, process.cwd(), buildDay);
  if (problems.length) throw new ContentError(problems);
  const glossary = await loadGlossary(options.contentDir);

  const md = createMarkdown({
    siteOrigin: options.siteUrl,
    ...(options.pathPrefix && { pathPrefix: options.pathPrefix }),
  });
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
        byAuthorKey.get(author.key) ?? [],
        [HOME, AUTHORS],
        feedUrls(author.url).atom,
        "author",
      ),
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
  const positions = new Map(
    [...byKind.values()].flatMap((list) => list.map((article, index) => [article, index] as const)),
  );
  const articlePages = articles.map((article): ArticlePage => {
    const sameKind = ofKind(article.kind);
    const index = positions.get(article)!;
    const others = (group: readonly Article[] | undefined) =>
      (group ?? []).filter((a) => a !== article).slice(0, MORE_LIMIT);
    const newer = index > 0 ? sameKind[index - 1] : undefined;
    const older = index < sameKind.length - 1 ? sameKind[index + 1] : undefined;
    const fromRegion = others(article.region && byRegion.get(article.region.key));
    const byAuthor = others(article.author && byAuthorKey.get(article.author.key));
    const unpublished = article.draft ? "Draft" : article.scheduled ? "Scheduled" : undefined;
    const more: MoreSection[] = [];
    if (article.region && fromRegion.length) {
      const { name, url } = article.region;
      more.push({
        key: "region",
        heading: `More from ${name}`,
        items: fromRegion.map(dated),
        link: { text: `All articles from ${name}`, href: url },
      });
    }
    if (article.author && byAuthor.length) {
      const { name, url } = article.author;
      more.push({
        key: "author",
        heading: `More by ${name}`,
        items: byAuthor.map(dated),
        link: { text: `All articles by ${name}`, href: url },
      });
    }
    return {
      title: article.title,
      description: article.summary,
      article,
      kind: KIND_INFO[article.kind],
      ...(unpublished && { notice: { label: unpublished, text: NOT_PUBLISHED } }),
      readingTimeText: `${article.readingMinutes} minute read`,
      ...(older && { previous: linkTo(older) }),
      ...(newer && { next: linkTo(newer) }),
      related: (related.get(article.url) ?? []).map((url) => {
        const other = byUrl.get(url)!;
        return { ...linkTo(other), hint: `${other.kindLabel}, ${other.dateText}` };
      }),
      more,
      tags: article.tags.map((tag) => {
        const { numberText, nounText } = countParts(tagCounts.get(tag.slug)?.count ?? 1);
        return { text: tag.name, href: tag.url, count: numberText, visuallyHiddenText: nounText };
      }),
      crumbs: [HOME, { text: KIND_INFO[article.kind].listingTitle, href: kindUrl(article.kind) }],
    };
  });

  const undatedCount = articles.filter((article) => article.year === undefined).length;
  const undated: UndatedSummary | undefined =
    undatedCount > 0
      ? { title: UNDATED_TITLE, url: UNDATED_URL, count: undatedCount, countText: countText(undatedCount) }
      : undefined;
  const card = (text: string, href: string, counted: { countText: string }, hint?: string): CountItem => ({
    text,
    href,
    countText: counted.countText,
    ...(hint && { hint }),
  });
  return {
    name: SITE_NAME,
    socialCard: SOCIAL_CARD,
    navigation: [
      ...KINDS.map((kind) => ({ text: KIND_INFO[kind].listingTitle, href: kindUrl(kind) })),
      REGIONS,
      TAGS,
      ARCHIVE,
    ],
    // The header's search box is the way to search: a "Search" link beside it would say it twice.
    searchForm: { href: SEARCH_URL, labelText: "Search the archive", buttonText: "Search" },
    menu: { buttonText: "Menu", id: "site-menu" },
    feed: { href: feedUrls(HOME_URL).atom, title: "All articles (Atom)" },
    footerText: "The blog and regional updates of the Association of Directors of Children’s Services (ADCS), England.",
    footerLinks: [
      // People are never sent to a feed file: a browser shows it as raw XML. The subscribe page explains.
      { text: "Subscribe with a feed reader", href: SUBSCRIBE_URL },
      AUTHORS,
      { text: "Accessibility statement", href: ACCESSIBILITY_URL },
    ],
    ...(data.site && { owner: ownerOf(data.site), statement: statementOf(data.site) }),
    backToTop: { text: "Back to top", href: "#top" },
    urls: {
      home: HOME_URL,
      search: SEARCH_URL,
      archive: ARCHIVE_URL,
      regions: REGIONS_URL,
      tags: TAGS_URL,
      authors: AUTHORS_URL,
      accessibility: ACCESSIBILITY_URL,
      sitemap: SITEMAP_URL,
      subscribe: SUBSCRIBE_URL,
      searchScript: `${SEARCH_INDEX_URL}pagefind.js`,
    },
    trails: { home: [HOME] },
    indexes: {
      regions: regions.map((region) => card(region.name, region.url, region)),
      tags: tags.map((tag) => card(tag.name, tag.url, tag)),
      authors: authors.map((author) => card(author.name, author.url, author, author.role)),
      years: [
        ...years.map((year) => card(String(year.year), year.url, year)),
        ...(undated ? [card(undated.title, undated.url, undated)] : []),
      ],
    },
    articles,
    glossary,
    searchTerms: Object.fromEntries(
      articles.map((article) => [article.url, searchTerms(`${article.title} ${article.text}`, glossary)]),
    ),
    articlePages,
    listings,
    regions,
    tags,
    tagsCountText: countText(tags.length, "tag"),
    authors,
    years,
    ...(undated && { undated }),
    sections: KINDS.map((kind) => ({
      kind: KIND_INFO[kind],
      heading: `Latest ${KIND_INFO[kind].plural}`,
      url: kindUrl(kind),
      linkText: `All ${KIND_INFO[kind].plural}`,
      latest: ofKind(kind).slice(0, LATEST_LIMIT),
    })),
  };
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
