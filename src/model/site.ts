/**
 * The whole site's data, computed once per build from the content folder: every article, every listing
 * page and every index. Templates only present what this returns; publishing (feeds, sitemap, redirects,
 * search) is made from it in `src/publishing/`. The parts are shaped in their own modules: the groupings
 * (`groups.ts`), listings (`listings.ts`), article pages (`article-pages.ts`) and the page frame (`frame.ts`).
 */
import path from "node:path";
import { digest, type ContentCache } from "../content/cache.ts";
import { checkContent } from "../content/load.ts";
import { ContentError } from "../content/problems.ts";
import { londonDay } from "../core/calendar.ts";
import { KIND_INFO, KINDS, type KindInfo } from "../core/kinds.ts";
import type { Settings } from "../core/settings.ts";
import { kindUrl } from "../core/urls.ts";
import { buildArticle, type Article } from "./article.ts";
import { articlePages, type ArticlePage } from "./article-pages.ts";
import {
  isPublished,
  type AuthorSummary,
  type RegionSummary,
  type SubjectSummary,
  type TagSummary,
  type YearSummary,
} from "./collections.ts";
import { countText } from "../core/words.ts";
import { pageFrame, type PageFrame } from "./frame.ts";
import type { GlossaryEntry } from "../content/glossary.ts";
import { searchTerms } from "./glossary.ts";
import { groupArchive } from "./groups.ts";
import type { CountItem } from "./links.ts";
import { siteListings, undatedSummary, type ListingPage, type UndatedSummary } from "./listings.ts";
import { createMarkdown } from "./markdown.ts";
import { newestFirst } from "./order.ts";

export interface SiteOptions {
  contentDir: string;
  /** Drafts and scheduled articles are shown only when this is true (the dev server). */
  includeUnpublished: boolean;
  /** "Today" for scheduling: the one injectable clock. */
  buildDate: Date;
  siteUrl: string;
  /** Where the site is served; root-relative links in article bodies get it. */
  pathPrefix?: string;
  /** Keeps each article's checks, rendering and search terms by content, for the next build (`src/content/cache.ts`). */
  cache?: ContentCache;
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

export interface Site extends PageFrame {
  /** The card lists of the index pages, as `countList` items; `years` ends with the undated articles, if any. */
  indexes: { regions: CountItem[]; subjects: CountItem[]; tags: CountItem[]; authors: CountItem[]; years: CountItem[] };
  articles: Article[];
  /** The glossary's acronyms (`src/model/glossary.ts`), which the search page reads a query in capitals by. */
  glossary: GlossaryEntry[];
  /** By article URL, the glossary terms it uses, both ways, for the search index (search-meta.njk). */
  searchTerms: Record<string, string>;
  articlePages: ArticlePage[];
  listings: ListingPage[];
  regions: RegionSummary[];
  /** Every subject with its description and count (none when the site has no `_data/subjects.yaml`). */
  subjects: SubjectSummary[];
  /** "18 subjects". */
  subjectsCountText: string;
  tags: TagSummary[];
  /** "3 tags". */
  tagsCountText: string;
  authors: AuthorSummary[];
  years: YearSummary[];
  /** Absent when every article's year is known. */
  undated?: UndatedSummary;
  sections: KindSection[];
}

const LATEST_LIMIT = 5;

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
  const { cache } = options;
  const {
    articles: valid,
    data,
    problems,
    images,
  } = await checkContent(options.contentDir, process.cwd(), buildDay, { cache });
  if (problems.length) throw new ContentError(problems);
  const glossary = data.glossary ?? [];

  const markdown = {
    siteOrigin: options.siteUrl,
    ...(options.pathPrefix && { pathPrefix: options.pathPrefix }),
    images,
  };
  const md = createMarkdown(markdown);
  // A built article depends on its file, the data files and the Markdown options: hashed once for all.
  const built = cache && { cache, inputs: digest(data, markdown) };
  const glossaryKey = cache && digest(glossary);
  // The glossary terms an article uses depend on its title and text alone.
  const termsOf = (article: Article) => {
    const terms = () => searchTerms(`${article.title} ${article.text}`, glossary);
    return cache
      ? cache.through("terms", article.file, digest(article.title, article.text, glossaryKey), terms)
      : terms();
  };
  const articles = newestFirst(valid.map((article) => buildArticle(article, data, md, buildDay, built))).filter(
    isPublished(options.includeUnpublished),
  );
  const groups = groupArchive(articles, data);
  const { regions, subjects, tags, authors, years, ofKind } = groups;
  const undated = undatedSummary(articles);
  const card = (text: string, href: string, counted: { countText: string }, hint?: string): CountItem => ({
    text,
    href,
    countText: counted.countText,
    ...(hint && { hint }),
  });
  return {
    ...pageFrame(data),
    indexes: {
      regions: regions.map((region) => card(region.name, region.url, region)),
      subjects: subjects.map((subject) => card(subject.name, subject.url, subject, subject.description)),
      tags: tags.map((tag) => card(tag.name, tag.url, tag)),
      authors: authors.map((author) => card(author.name, author.url, author, author.role)),
      years: [
        ...years.map((year) => card(String(year.year), year.url, year)),
        ...(undated ? [card(undated.title, undated.url, undated)] : []),
      ],
    },
    articles,
    glossary,
    searchTerms: Object.fromEntries(articles.map((article) => [article.url, termsOf(article)])),
    articlePages: articlePages(groups),
    listings: siteListings(groups),
    regions,
    subjects,
    subjectsCountText: countText(subjects.length, "subject"),
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
