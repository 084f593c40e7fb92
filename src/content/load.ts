/**
 * Reads and checks the whole content folder: the one implementation behind the build and `npm run check`.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { KIND_INFO, KINDS } from "../core/kinds.ts";
import { articleUrl } from "../core/urls.ts";
import { checkBody, type BodyInput } from "./body-checks.ts";
import { createParser } from "./markdown.ts";
import { oldAddressProblems } from "./old-addresses.ts";
import { placeOf } from "./place.ts";
import type { Problem } from "./problems.ts";
import { parseMarkdownFile, parseYamlFile, type YamlSource } from "./source.ts";
import { checkTagSpellings, locateTag, type TaggedArticle } from "./tag-checks.ts";
import { duplicateUrls, validateArticle, validateData, type SiteData, type ValidArticle } from "./validate.ts";

/** The data files editors keep beside the articles, and what each holds (for the message when one is missing). */
export const DATA_FILES = {
  authors: { path: "_data/authors.yaml", holds: "the authors articles name in `author`" },
  regions: { path: "_data/regions.yaml", holds: "the regions articles name in `region`" },
} as const;

export interface CheckedContent {
  articles: ValidArticle[];
  data: SiteData;
  problems: Problem[];
}

/** Reads every article and data file under `contentDir`; paths in problems are relative to `cwd`. */
export async function checkContent(contentDir: string, cwd = process.cwd()): Promise<CheckedContent> {
  const show = (file: string) => path.relative(cwd, file).split(path.sep).join("/");
  const [authors, regions] = await Promise.all([DATA_FILES.authors, DATA_FILES.regions].map((data) => readDataFile(contentDir, data, show)));
  const { data, problems } = validateData(authors!, regions!);
  const readable = { authors: authors!.problems.length === 0, regions: regions!.problems.length === 0 };

  const files = await articleFiles(contentDir);
  const sources = await Promise.all(files.map(async (file) => ({ file, text: await readFile(file, "utf8") })));
  const articles: ValidArticle[] = [];
  const tagged: TaggedArticle[] = [];
  // Bodies are checked even when the front-matter is wrong, so that one run reports every problem.
  const bodies: BodyInput[] = [];
  for (const { file, text } of sources) {
    const relative = path.relative(contentDir, file).split(path.sep).join("/");
    const source = parseMarkdownFile(show(file), text);
    const result = validateArticle(source, relative, data, readable);
    problems.push(...result.problems);
    const place = placeOf(relative);
    if (typeof place !== "string") {
      bodies.push({ file: source.file, body: source.body, bodyLine: source.bodyLine, url: articleUrl(place.kind, place.folder, place.slug) });
    }
    if (!result.article) continue;
    articles.push(result.article);
    const { tags = [], date } = result.article.frontMatter;
    tagged.push({ file: source.file, date, tags, tagPosition: locateTag(text, source.position(["tags"]), tags) });
  }
  problems.push(...duplicateUrls(articles));
  problems.push(...oldAddressProblems(articles));

  // What the front-matter schema cannot see: the bodies, and tags spelled two ways across articles. Links
  // may point to any article file, even one whose front-matter has a problem: that problem is reported there.
  const urls = new Set(bodies.map((body) => body.url));
  // The site's parser, so blocks and links are read as pages render them; linkify and the typographer only
  // touch text and well-formed bare URLs, so they are turned off here for speed.
  const md = createParser().disable(["linkify", "replacements", "smartquotes"]);
  for (const body of bodies) problems.push(...checkBody(body, urls, md));
  problems.push(...checkTagSpellings(tagged));
  return { articles, data, problems };
}

/** Every Markdown file under the kinds' folders, in a stable order. */
async function articleFiles(contentDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const folder of KINDS.map((kind) => KIND_INFO[kind].folder)) {
    const root = path.join(contentDir, folder);
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isFile() && entry.name.endsWith(".md")) found.push(path.join(entry.parentPath, entry.name));
    }
  }
  return found.sort();
}

/** Reads a data file; a missing one is a problem (read as empty, it would make every key "unknown"). */
async function readDataFile(
  contentDir: string,
  { path: name, holds }: { path: string; holds: string },
  show: (file: string) => string,
): Promise<YamlSource> {
  const file = path.join(contentDir, name);
  try {
    return parseYamlFile(show(file), await readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const message = `this file is missing: it lists ${holds}; restore it (git checkout -- ${show(file)}) or create it`;
    return { file: show(file), data: {}, problems: [{ file: show(file), line: 1, column: 1, message }], position: () => ({ line: 1, column: 1 }) };
  }
}
