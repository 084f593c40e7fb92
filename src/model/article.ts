/**
 * Turns a valid article into what pages show: resolved author and region, tag links, date wording,
 * rendered body, summary and reading time. Pure: the same input gives the same article.
 */
import type { MarkdownIt } from "markdown-it";
import { articleDate, dateWords, describeDate, knownYear, type ArticleDate, type DateWords } from "./dates.ts";
import { socialImage, type SocialImage } from "./images.ts";
import { renderMarkdown, trimAtWord, type UsedImage } from "./markdown.ts";
import { KIND_INFO } from "../core/kinds.ts";
import { slugify } from "../core/slugs.ts";
import { authorUrl, regionUrl, subjectUrl, tagUrl } from "../core/urls.ts";
import { digest, type ContentCache } from "../content/cache.ts";
import type { LegacyInfo } from "../content/schema.ts";
import type { Kind } from "../core/kinds.ts";
import type { SiteData, ValidArticle } from "../content/validate.ts";
import { assignSubjects, subjectText } from "./subjects.ts";

const WORDS_PER_MINUTE = 220;
/** Said after a title the old site cut short (`legacy.titleShortened`), wherever the title appears. */
const SHORTENED_TITLE_NOTE = "(title shortened in the old archive)";
const SUMMARY_LENGTH = 240;

export interface Person {
  key: string;
  name: string;
  role?: string;
  organisation?: string;
  url: string;
}

export interface RegionRef {
  key: string;
  name: string;
  url: string;
}

export interface TagRef {
  name: string;
  slug: string;
  url: string;
}

export interface SubjectRef {
  key: string;
  name: string;
  url: string;
}

export interface Article {
  file: string;
  kind: Kind;
  kindLabel: string;
  slug: string;
  url: string;
  /** The title as every page, feed and search result shows it: a title the old site cut short says so. */
  title: string;
  date: ArticleDate;
  /** The day the article sorts by everywhere (`src/model/order.ts`). */
  sortDay: string;
  /** "12 July 2019", "July 2018 (estimated)", "Between June and July 2019 (estimated)" or "Date not recorded". */
  dateText: string;
  /** The same words in parts, for `<time>` markup and the note on how an estimate was made. */
  dateWords: DateWords;
  year?: number;
  author?: Person;
  /** What is known of the author's role when the author is not known by name. */
  authorRole?: string;
  region?: RegionRef;
  tags: TagRef[];
  /** Its subjects, in the order of `_data/subjects.yaml`. */
  subjects: SubjectRef[];
  /** Who gave it its subjects: the editor in `subjects:`, or the site by the rules in `_data/subjects.yaml`. */
  subjectsBy: "editor" | "site";
  summary: string;
  draft: boolean;
  /** Dated after the build date: kept out of production until then. */
  scheduled: boolean;
  html: string;
  /** The images of `content/images/` its body shows, in order (published by `src/publishing/images.ts`). */
  images: UsedImage[];
  /** What shared links show: its first photo or chart, if it has one (else the site's card). */
  socialImage?: SocialImage;
  text: string;
  wordCount: number;
  readingMinutes: number;
  legacy?: LegacyInfo;
}

export function tagRef(name: string): TagRef {
  const slug = slugify(name);
  return { name, slug, url: tagUrl(slug) };
}

/** An article before it has its place in the archive's order (`newestFirst` gives it its `sortDay`). */
export type UnorderedArticle = Omit<Article, "sortDay">;

/** Built articles kept by the content cache; `inputs` is the digest of the data files and Markdown options. */
export interface ArticleCache {
  cache: ContentCache;
  inputs: string;
}

/** With a cache, an article whose file, data files and Markdown options are unchanged is not rendered again. */
export function buildArticle(
  valid: ValidArticle,
  data: SiteData,
  md: MarkdownIt,
  buildDay: string,
  cached?: ArticleCache,
): UnorderedArticle {
  if (!cached) return shapeArticle(valid, data, md, buildDay);
  const { cache, inputs } = cached;
  const key = digest(cache.keyOf(valid) ?? digest(valid), inputs);
  const article = cache.through("article", valid.file, key, () => shapeArticle(valid, data, md, buildDay));
  // The build's day is not in the key, so that tomorrow's build reuses today's articles: only this depends on it.
  const scheduled = isScheduled(article.date, buildDay);
  const known = withSchedule.get(article);
  if (known?.scheduled === scheduled) return known;
  const result = { ...article, scheduled };
  withSchedule.set(article, result);
  return result;
}

/**
 * By cached article, the last article made from it with its schedule: the same object from build to build
 * while nothing changes, so that what is worked out from it (its pages' digests) is not worked out again.
 */
const withSchedule = new WeakMap<UnorderedArticle, UnorderedArticle>();

function isScheduled(date: ArticleDate, buildDay: string): boolean {
  return date.precision === "day" && date.iso > buildDay;
}

function shapeArticle(valid: ValidArticle, data: SiteData, md: MarkdownIt, buildDay: string): UnorderedArticle {
  const fm = valid.frontMatter;
  const date = articleDate(fm.date, fm.legacy?.dateBetween, fm.legacy?.dateBasis);
  const author = fm.author === undefined ? undefined : data.authors[fm.author];
  const region = fm.region === undefined ? undefined : data.regions[fm.region];
  const { html, text, firstParagraph, images } = renderMarkdown(md, valid.body, { glossary: data.glossary });
  const card = socialImage(images);
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  const year = knownYear(date);
  const known = data.subjects ?? [];
  const chosen = fm.subjects
    ? known.filter((subject) => fm.subjects!.includes(subject.key))
    : assignSubjects(subjectText(fm.title, fm.summary, text), known);
  return {
    file: valid.file,
    kind: valid.kind,
    kindLabel: KIND_INFO[valid.kind].label,
    slug: valid.slug,
    url: valid.url,
    title: fm.legacy?.titleShortened ? `${fm.title} ${SHORTENED_TITLE_NOTE}` : fm.title,
    date,
    dateText: describeDate(date),
    dateWords: dateWords(date),
    ...(year && { year }),
    ...(author && fm.author && { author: { key: fm.author, ...author, url: authorUrl(fm.author) } }),
    ...(!author && fm.legacy?.authorRole && { authorRole: fm.legacy.authorRole }),
    ...(region && fm.region && { region: { key: fm.region, name: region.name, url: regionUrl(fm.region) } }),
    tags: uniqueTags(fm.tags ?? []),
    subjects: chosen.map(({ key, name }) => ({ key, name, url: subjectUrl(key) })),
    subjectsBy: fm.subjects ? "editor" : "site",
    summary: fm.summary ?? trimAtWord(firstParagraph, SUMMARY_LENGTH),
    draft: fm.draft === true,
    scheduled: isScheduled(date, buildDay),
    html,
    images,
    ...(card && { socialImage: card }),
    text,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    ...(fm.legacy && { legacy: fm.legacy }),
  };
}

function uniqueTags(names: readonly string[]): TagRef[] {
  const bySlug = new Map<string, TagRef>();
  for (const name of names) {
    const tag = tagRef(name);
    if (tag.slug && !bySlug.has(tag.slug)) bySlug.set(tag.slug, tag);
  }
  return [...bySlug.values()];
}
