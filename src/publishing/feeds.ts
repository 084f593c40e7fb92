/**
 * Feeds: Atom (`feed.xml`) and JSON Feed 1.1 (`feed.json`) for the whole archive, each kind and each region.
 *
 * `siteFeeds` decides what each feed holds (pure, from the articles alone: no clock, no file times, so the
 * same content always gives the same bytes). The templates in `layouts/feeds/` present it, with the filters
 * `src/eleventy/publishing.ts` registers: `dateToRfc3339` from `@11ty/eleventy-plugin-rss`, `feedContent`
 * for an entry's body with absolute links, and `jsonFeed` for the JSON variant.
 *
 * Dates. A feed entry must have a date (Atom requires `<updated>`), but many migrated articles are known
 * only to the month or not at all. Each entry gets the day the article sorts by, within what is known of
 * its date (see `feedDays`), at 00:00 UTC (times are never recorded); `published` and `updated` are that same instant,
 * so a feed never claims an edit that did not happen. Where the day is not known, the entry's content starts
 * with a line saying what is known ("Published July 2019; the day is not recorded."), so that a reader is
 * not misled by the date their feed reader shows. A feed's own `updated` is its newest entry's date, never
 * the build time.
 */
import { dateToRfc3339, convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import markdownIt from "markdown-it";
import { KIND_INFO, KINDS } from "../core/kinds.ts";
import type { Settings } from "../core/settings.ts";
import { absoluteUrl, feedUrls, HOME_URL, kindUrl } from "../core/urls.ts";
import type { Article } from "../model/article.ts";
import { earliestDay, latestDay } from "../model/dates.ts";
import { UNKNOWN_SORT_DAY } from "../model/order.ts";

export const PUBLISHER = "Association of Directors of Children’s Services (ADCS)";
const LANGUAGE = "en-GB";

export interface FeedEntry {
  article: Article;
  /** The earliest day the article can have been published (`YYYY-MM-DD`). */
  day: string;
  /** `day` at 00:00 UTC: the entry's `published` and `updated`. */
  date: Date;
  /** What is really known of the date, when the day is not: shown at the top of the entry's content. */
  dateNote?: string;
}

export interface Feed {
  /** Site path of the Atom feed, e.g. `/regions/north-west/feed.xml`. */
  url: string;
  /** Site path of the JSON Feed. */
  jsonUrl: string;
  /** Site path of the HTML page the feed follows. */
  pageUrl: string;
  title: string;
  subtitle: string;
  /** Newest first, as on the site. */
  entries: FeedEntry[];
  /** The newest entry's date; for a feed with no entries, the newest date in the whole archive. */
  updated: Date;
}

export interface FeedRegion {
  key: string;
  name: string;
  url: string;
}

/**
 * Every feed the site publishes: all articles, one per kind, one per region (empty regions too, since
 * their pages link to their feed). `articles` is the site's one newest-first list.
 */
export function siteFeeds(
  articles: readonly Article[],
  regions: readonly FeedRegion[],
  fallbackDay = "1970-01-01",
): Feed[] {
  const days = feedDays(articles);
  const entryOf = (article: Article): FeedEntry => {
    const day = days.get(article)!;
    const dateNote = describeFeedDate(article);
    return { article, day, date: dayToDate(day), ...(dateNote && { dateNote }) };
  };
  const all = articles.map(entryOf);
  const newest = all[0]?.date ?? dayToDate(fallbackDay);
  const feed = (pageUrl: string, title: string, subtitle: string, entries: FeedEntry[]): Feed => ({
    url: feedUrls(pageUrl).atom,
    jsonUrl: feedUrls(pageUrl).json,
    pageUrl,
    title,
    subtitle,
    entries,
    updated: entries[0]?.date ?? newest,
  });
  return [
    feed(
      HOME_URL,
      "ADCS blog and regional updates",
      "Blog posts by directors of children’s services and updates from the ADCS regions",
      all,
    ),
    ...KINDS.map((kind) =>
      feed(
        kindUrl(kind),
        KIND_INFO[kind].feedTitle,
        KIND_INFO[kind].feedSubtitle,
        all.filter((e) => e.article.kind === kind),
      ),
    ),
    ...regions.map((region) =>
      feed(
        region.url,
        `ADCS: ${region.name}`,
        `Articles from the ${region.name} region`,
        all.filter((e) => e.article.region?.key === region.key),
      ),
    ),
  ];
}

/**
 * The day each article is dated to in feeds: the day it sorts by (`src/model/order.ts`), as long as that
 * is within what is known of its date; where the archive's order would put it after its own latest
 * possible day, the earliest day it can have been published. An undated article nothing is known about
 * takes the oldest day known anywhere in the archive.
 */
export function feedDays(articles: readonly Article[]): Map<Article, string> {
  const known = articles.map((article) => earliestDay(article.date)).filter((day): day is string => day !== undefined);
  const oldestKnown = known.length ? known.reduce((a, b) => (a < b ? a : b)) : "1970-01-01";
  return new Map(articles.map((article) => [article, feedDay(article, oldestKnown)]));
}

function feedDay(article: Article, oldestKnown: string): string {
  if (article.sortDay === UNKNOWN_SORT_DAY) return earliestDay(article.date) ?? oldestKnown;
  const latest = latestDay(article.date);
  return latest === undefined || article.sortDay <= latest ? article.sortDay : earliestDay(article.date)!;
}

/** What a feed should tell readers about a date it can only approximate; undefined for an exact day. */
export function describeFeedDate(article: Article): string | undefined {
  switch (article.date.precision) {
    case "day":
      return undefined;
    case "month":
      return `Published ${article.dateText}; the day is not recorded.`;
    case "unknown":
      return `${article.dateText}.`;
  }
}

/** A `YYYY-MM-DD` day at 00:00 UTC. */
export function dayToDate(day: string): Date {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a day: "${day}" (expected YYYY-MM-DD)`);
  return date;
}

const escapeHtml = markdownIt().utils.escapeHtml;

/**
 * An entry's body for a feed: the date note (if any), then the article's HTML with every link and image
 * made absolute. URLs are resolved exactly as a browser resolves them on the article's own page, so a
 * link that works there works in a feed reader.
 */
export async function feedContent(entry: FeedEntry, settings: Settings): Promise<string> {
  const note = entry.dateNote ? `<p><em>${escapeHtml(entry.dateNote)}</em></p>\n` : "";
  return note + (await absoluteBody(entry.article, settings));
}

// An article is in up to six feeds (all, its kind, its region; Atom and JSON): rewrite its HTML once.
// Keyed by the article object, which lives for one build, so nothing outlives it.
const absoluteBodies = new WeakMap<FeedEntry["article"], Promise<string>>();

function absoluteBody(article: FeedEntry["article"], settings: Settings): Promise<string> {
  let body = absoluteBodies.get(article);
  if (!body) {
    const base = absoluteUrl(article.url, settings);
    body = (async () =>
      article.html
        ? ((await convertHtmlToAbsoluteUrls(article.html, base, { closingSingleTag: "slash" })) ?? "")
        : "")();
    absoluteBodies.set(article, body);
  }
  return body;
}

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export interface JsonFeed {
  version: "https://jsonfeed.org/version/1.1";
  title: string;
  description: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  authors: { name: string }[];
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary: string;
  date_published: string;
  date_modified: string;
  authors?: { name: string; url?: string }[];
  tags?: string[];
}

/**
 * The JSON variant of a feed. Built here rather than in a template: `JSON.stringify` is the only
 * escaping JSON needs, and a template would have to get every comma right by hand.
 */
export async function jsonFeed(feed: Feed, settings: Settings): Promise<JsonFeed> {
  const url = (pathname: string) => absoluteUrl(pathname, settings);
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    description: feed.subtitle,
    home_page_url: url(feed.pageUrl),
    feed_url: url(feed.jsonUrl),
    language: LANGUAGE,
    authors: [{ name: PUBLISHER }],
    items: await Promise.all(
      feed.entries.map(async (entry): Promise<JsonFeedItem> => {
        const { article } = entry;
        const date = dateToRfc3339(entry.date);
        return {
          id: url(article.url),
          url: url(article.url),
          title: article.title,
          content_html: await feedContent(entry, settings),
          summary: article.summary,
          date_published: date,
          date_modified: date,
          ...(article.author && { authors: [{ name: article.author.name, url: url(article.author.url) }] }),
          ...(article.tags.length && { tags: article.tags.map((tag) => tag.name) }),
        };
      }),
    ),
  };
}
