/**
 * Reads and checks the whole content folder: the one implementation behind the build and `npm run check`.
 */
import { GLOSSARY_FILE, validateGlossary } from "./glossary.ts";
import { SUBJECTS_FILE, validateSubjects } from "./subjects.ts";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { londonDay } from "../core/calendar.ts";
import { KIND_INFO, KINDS } from "../core/kinds.ts";
import { articleUrl } from "../core/urls.ts";
import { checkBody, type BodyInput, type LinkContext, type Publication } from "./body-checks.ts";
import { ContentCache, digest, Watched, type Read } from "./cache.ts";
import { contentFiles } from "./files.ts";
import { checkImages, type ImageFile } from "./images.ts";
import { createParser } from "./markdown.ts";
import { oldAddressProblems } from "./old-addresses.ts";
import { placeOf } from "./place.ts";
import type { Problem } from "./problems.ts";
import { parseMarkdownFile, parseYamlFile, type YamlSource } from "./source.ts";
import { checkTagSpellings, locateTag, tagKey, type TaggedArticle } from "./tag-checks.ts";
import { checkCharacterReferences, checkCharacters, checkValues, decodeContent } from "./text-checks.ts";
import { duplicateUrls, validateArticle, validateData, type SiteData, type ValidArticle } from "./validate.ts";
import type { MarkdownIt } from "markdown-it";

/** The data files editors keep beside the articles, and what each holds (for the message when one is missing). */
export const DATA_FILES = {
  authors: { path: "_data/authors.yaml", holds: "the authors articles name in `author`" },
  regions: { path: "_data/regions.yaml", holds: "the regions articles name in `region`" },
} as const;

/**
 * Whose site this is: the footer's links and the accessibility statement's facts. Optional, unlike the data
 * files above: without it pages say nothing of the site's owner (fixture and synthetic sites need none).
 */
export const SITE_DATA_FILE = { path: "_data/site.yaml", holds: "whose site this is" } as const;

export interface CheckedContent {
  articles: ValidArticle[];
  data: SiteData;
  problems: Problem[];
  /** What does not stop a build but an editor should see: placeholders for facts not yet supplied. */
  warnings: Problem[];
  /** The images in `content/images/` that passed their checks, by site path (`/images/chart.png`). */
  images: Map<string, ImageFile>;
}

/**
 * Reads every article and data file under `contentDir`; paths in problems are relative to `cwd`. `today`
 * (`YYYY-MM-DD`) decides which articles are scheduled, for links to articles that appear later. With a
 * `cache`, an unchanged article file is not parsed or checked again: the result is the same as without.
 */
export async function checkContent(
  contentDir: string,
  cwd = process.cwd(),
  today = londonDay(new Date()),
  { cache }: { cache?: ContentCache } = {},
): Promise<CheckedContent> {
  const show = (file: string) => path.relative(cwd, file).split(path.sep).join("/");
  // Only regular files are read: a link or other special file anywhere in the folder is a problem.
  const { files, problems: fileProblems } = await contentFiles(contentDir, show);
  const [authors, regions] = await Promise.all([DATA_FILES.authors, DATA_FILES.regions].map((data) => readDataFile(contentDir, data, files, show)));
  const siteFile = path.join(path.resolve(contentDir), SITE_DATA_FILE.path);
  const site = files.includes(siteFile) ? await readDataFile(contentDir, SITE_DATA_FILE, files, show) : undefined;
  const validated = validateData(authors!, regions!, site);
  const { problems, warnings } = validated;
  const glossaryFile = path.join(path.resolve(contentDir), GLOSSARY_FILE.path);
  const glossarySource = files.includes(glossaryFile) ? await readDataFile(contentDir, GLOSSARY_FILE, files, show) : undefined;
  const checkedGlossary = glossarySource && validateGlossary(glossarySource);
  problems.push(...(glossarySource?.problems ?? []), ...(checkedGlossary?.problems ?? []));
  // Optional, like the glossary: a site without it has no subjects (the fixture and synthetic sites).
  const subjectsFile = path.join(path.resolve(contentDir), SUBJECTS_FILE.path);
  const subjectsSource = files.includes(subjectsFile) ? await readDataFile(contentDir, SUBJECTS_FILE, files, show) : undefined;
  const checkedSubjects = subjectsSource && validateSubjects(subjectsSource);
  problems.push(...(subjectsSource?.problems ?? []), ...(checkedSubjects?.problems ?? []));
  const data = {
    ...validated.data,
    ...(checkedGlossary && { glossary: checkedGlossary.glossary }),
    ...(checkedSubjects && { subjects: checkedSubjects.subjects }),
  };
  problems.push(...fileProblems);
  const images = await checkImages(contentDir, files, show);
  problems.push(...images.problems);
  const readable = { authors: authors!.problems.length === 0, regions: regions!.problems.length === 0 };

  const shown = articleFiles(contentDir, files).map((file) => ({ file, shown: show(file) }));
  cache?.retain(new Set(shown.map((file) => file.shown)));
  // Every file's check depends on the data files (keys looked up, "did you mean", subjects) besides its bytes.
  const context = cache && digest(data, readable);
  // Read one after another: thousands of small reads through the promise API cost ten times the CPU (each
  // open, stat, read and close a round trip to libuv's threads), most of a rebuild's reading when cached.
  const checks = shown.map(({ file, shown }) => {
    const bytes = readFileSync(file);
    const relative = path.relative(contentDir, file).split(path.sep).join("/");
    const compute = () => checkArticleFile(shown, relative, bytes, data, readable);
    if (!cache) return { key: "", check: compute() };
    const key = digest(bytes, shown, relative, context);
    return { key, check: cache.through("check", shown, key, compute) };
  });
  const articles: ValidArticle[] = [];
  const tagged: TaggedArticle[] = [];
  // Bodies are checked even when the front-matter is wrong, so that one run reports every problem.
  const bodies: (BodyInput & { key: string })[] = [];
  // A valid article is all in its file's key: what is made from it later is keyed by that, not hashed again.
  const made = <T extends object>(value: T, key: string) => (cache ? cache.made(value, key) : value);
  for (const { key, check } of checks) {
    problems.push(...check.problems);
    if (check.links) bodies.push({ key, file: check.file, body: check.body, bodyLine: check.bodyLine, ...check.links });
    if (check.tagged) {
      const { date, tags, positions } = check.tagged;
      tagged.push({ file: check.file, date, tags, tagPosition: (index) => positions[index]! });
    }
    if (check.article) articles.push(made({ ...check.article, body: check.body }, key));
  }
  problems.push(...duplicateUrls(articles));
  problems.push(...oldAddressProblems(articles));

  // What the front-matter schema cannot see: the bodies, and tags spelled two ways across articles. Links
  // may point to any article file, even one whose front-matter has a problem: that problem is reported there.
  const urls = new Set(bodies.map((body) => body.url));
  // The site's parser, so blocks and links are read as pages render them; linkify and the typographer only
  // touch text and well-formed bare URLs, so they are turned off here for speed.
  const md = createParser().disable(["linkify", "replacements", "smartquotes"]);
  const links = { publications: new Map(bodies.map((body) => [body.url, body.publication!])), today, images: images.present };
  problems.push(...bodyProblems(bodies, urls, md, links, cache));
  problems.push(...checkTagSpellings(tagged));
  return { articles, data, problems, warnings, images: images.images };
}

/**
 * What one article file gives the checks: its own problems, in the order they are reported, and what the
 * checks across files need. Plain data, so that the cache can keep it (`src/content/cache.ts`).
 */
interface ArticleCheck {
  /** As problems name it. */
  file: string;
  problems: Problem[];
  body: string;
  bodyLine: number;
  /** For the checks of links between articles; absent when the path is no article's place. */
  links?: { url: string; publication: Publication };
  /** For the tag spellings across articles; absent when the text cannot be published. */
  tagged?: { date: string | undefined; tags: string[]; positions: { line: number; column: number }[] };
  /** Absent when the file has a problem that stops it. */
  article?: Omit<ValidArticle, "body">;
}

/** Decodes, parses and checks one article file: everything that depends on this file and the data files alone. */
function checkArticleFile(file: string, relative: string, bytes: Uint8Array, data: SiteData, readable: { authors: boolean; regions: boolean }): ArticleCheck {
  const { text, problems: encoding } = decodeContent(file, bytes);
  const source = parseMarkdownFile(file, text);
  const textual = [...encoding, ...textProblems(source, text), ...checkCharacterReferences(source.file, source.body, source.bodyLine)];
  const result = validateArticle(source, relative, data, readable);
  const check: ArticleCheck = { file: source.file, problems: [...textual, ...result.problems], body: source.body, bodyLine: source.bodyLine };
  const place = placeOf(relative);
  if (typeof place !== "string") {
    check.links = { url: articleUrl(place.kind, place.folder, place.slug), publication: { draft: result.fields.draft === true, date: result.fields.date } };
  }
  // Text that cannot be published goes no further than its own problems (a tag with a NUL is no spelling of another).
  if (textual.length) return check;
  // Tags are compared across articles even when this one has other problems, so one run reports them all.
  const { tags = [], date } = result.fields;
  const tagPosition = locateTag(text, source.position(["tags"]), tags);
  check.tagged = { date, tags, positions: tags.map((_, index) => tagPosition(index)) };
  check.problems.push(...unsluggableTags(source.file, tags, tagPosition));
  if (result.article) {
    const { body: _, ...article } = result.article;
    check.article = article;
  }
  return check;
}

/** A body's problems, kept with what its check read of the other articles (`Watched`). */
interface LinkCheck {
  problems: Problem[];
  reads: Read[];
}

/**
 * The problems of every body. With a cache, a body's problems are reused while its file is unchanged and
 * every question its check asked of the other articles (is there one at this URL, when does it appear)
 * gets the same answer.
 */
function bodyProblems(bodies: readonly (BodyInput & { key: string })[], urls: ReadonlySet<string>, md: MarkdownIt, links: LinkContext, cache: ContentCache | undefined): Problem[] {
  const watched = new Watched({ urls, ...links });
  return bodies.flatMap(({ key, ...body }) => {
    if (!cache) return checkBody(body, urls, md, links);
    const cached = cache.get<LinkCheck>("links", body.file, key, ({ reads }) => watched.holds(reads));
    if (cached) return cached.problems;
    const reads: Read[] = [];
    const view = watched.view(reads);
    return cache.set<LinkCheck>("links", body.file, key, { problems: checkBody(body, view.urls, md, view), reads }).problems;
  });
}

/** The Markdown files under the kinds' folders, from the content folder's regular files (sorted). */
function articleFiles(contentDir: string, files: readonly string[]): string[] {
  const roots = KINDS.map((kind) => path.join(path.resolve(contentDir), KIND_INFO[kind].folder) + path.sep);
  return files.filter((file) => file.endsWith(".md") && roots.some((root) => file.startsWith(root)));
}

/**
 * Characters pages and feeds cannot carry, written in the file or, when the file shows none, through a YAML
 * escape in a front-matter value (`"\0"`), which is then reported at its field.
 */
function textProblems(source: YamlSource, text: string): Problem[] {
  const written = checkCharacters(source.file, text);
  return written.length ? written : checkValues(source.file, source.data, source.position);
}

/**
 * A tag whose slug is empty ("???") would have no page: it is a problem rather than a tag silently
 * left off the article.
 */
function unsluggableTags(file: string, tags: readonly string[], position: (index: number) => { line: number; column: number }): Problem[] {
  return tags.flatMap((tag, index) =>
    tagKey(tag)
      ? []
      : [{ file, ...position(index), message: `the tag "${tag}" has no letters or digits to make its page's address from: write it in words, e.g. \`tags: [Funding]\`` }],
  );
}

/** Reads a data file; a missing one is a problem (read as empty, it would make every key "unknown"). */
async function readDataFile(
  contentDir: string,
  { path: name, holds }: { path: string; holds: string },
  files: readonly string[],
  show: (file: string) => string,
): Promise<YamlSource> {
  const file = path.join(path.resolve(contentDir), name);
  // A data file that is a link is not among the regular files: it is reported as a link, and read as missing.
  if (files.includes(file)) {
    const { text, problems } = decodeContent(show(file), await readFile(file));
    const source = parseYamlFile(show(file), text);
    const all = [...problems, ...textProblems(source, text), ...source.problems];
    return { ...source, problems: all, ...(all.length && { data: {} }) };
  } else {
    const message = `this file is missing: it lists ${holds}; restore it (git checkout -- ${show(file)}) or create it`;
    return { file: show(file), data: {}, problems: [{ file: show(file), line: 1, column: 1, message }], position: () => ({ line: 1, column: 1 }) };
  }
}
