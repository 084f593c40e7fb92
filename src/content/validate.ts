/**
 * Checks every article and data file before anything is rendered, collecting every problem at once.
 * Each message names the field, what is wrong and what would be right.
 */
import { z } from "zod";
import { parseDay, parseMonth, parseDayOrMonth } from "../core/calendar.ts";
import type { Kind } from "../core/kinds.ts";
import { SLUG_PATTERN } from "../core/slugs.ts";
import { articleUrl } from "../core/urls.ts";
import { articlePath, placeOf, slugLike, yearFolder } from "./place.ts";
import { closestKey } from "./suggest.ts";
import { authorSchema, frontMatterSchema, regionSchema, type AuthorData, type FrontMatter, type RegionData } from "./schema.ts";
import type { Problem } from "./problems.ts";
import type { MarkdownSource, YamlSource } from "./source.ts";

export interface SiteData {
  authors: Readonly<Record<string, AuthorData>>;
  regions: Readonly<Record<string, RegionData>>;
}

/** An article whose front-matter passed every rule, with what its path says about it. */
export interface ValidArticle {
  file: string;
  kind: Kind;
  /** The year folder: a four-digit year, or `undated`. */
  folder: string;
  slug: string;
  url: string;
  frontMatter: FrontMatter;
  body: string;
  bodyLine: number;
}

export function validateData(authors: YamlSource, regions: YamlSource): { data: SiteData; problems: Problem[] } {
  const problems = [...authors.problems, ...regions.problems];
  return {
    data: {
      authors: validateMap(authors, authorSchema, "author", problems),
      regions: validateMap(regions, regionSchema, "region", problems),
    },
    problems,
  };
}

function validateMap<T>(source: YamlSource, schema: z.ZodType<T>, noun: string, problems: Problem[]): Record<string, T> {
  const result: Record<string, T> = {};
  if (source.problems.length) return result;
  if (typeof source.data !== "object" || source.data === null || Array.isArray(source.data)) {
    problems.push({ file: source.file, line: 1, column: 1, message: `expected a list of ${noun}s, each a key followed by its fields` });
    return result;
  }
  for (const [key, value] of Object.entries(source.data)) {
    const at = source.position([key]);
    if (!SLUG_PATTERN.test(key)) {
      problems.push({ file: source.file, ...at, message: `the ${noun} key "${key}" appears in URLs: use lower-case words joined by hyphens, e.g. "${slugLike(key)}"` });
      continue;
    }
    // reportInput lets a wrong type be told apart from a missing field.
    const parsed = schema.safeParse(value, { reportInput: true });
    if (parsed.success) result[key] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push({ file: source.file, ...source.position([key, ...issuePath(issue)]), message: `${noun} "${key}": ${describeIssue(issue)}` });
  }
  return result;
}

/** Checks one article. Returns the typed article, or the problems that stop it. */
export function validateArticle(
  source: MarkdownSource,
  relativePath: string,
  data: SiteData,
  /** Whether each data file could be read: keys are not looked up in one that could not (its problem says why). */
  readable: { authors: boolean; regions: boolean } = { authors: true, regions: true },
): { article?: ValidArticle; problems: Problem[] } {
  const problems: Problem[] = [...source.problems];
  const report = (path: readonly (string | number)[], message: string) =>
    problems.push({ file: source.file, ...source.position(path), message });

  const place = placeOf(relativePath);
  if (typeof place === "string") problems.push({ file: source.file, line: 1, column: 1, message: place });
  if (source.problems.length) return { problems };

  const parsed = frontMatterSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(issuePath(issue), describeIssue(issue));
    return { problems };
  }
  const fm = parsed.data;
  const legacy = fm.legacy !== undefined;
  const kind = typeof place === "string" ? undefined : place.kind;

  if (fm.date === undefined) {
    if (!legacy) report([], "`date` is missing: add the publication day, e.g. `date: 2026-11-23`");
  } else if (legacy ? !parseDayOrMonth(fm.date) : !parseDay(fm.date)) {
    const expected = legacy ? "YYYY-MM-DD, or YYYY-MM when only the month is known" : "YYYY-MM-DD, e.g. `date: 2026-11-23`";
    const hint = !legacy && parseMonth(fm.date) ? " (only migrated articles may give just a month)" : "";
    report(["date"], `\`date\` "${fm.date}" is not a real date: write it as ${expected}${hint}`);
  }

  if (fm.author !== undefined) {
    if (readable.authors) checkKey(fm.author, data.authors, "author", "content/_data/authors.yaml", report);
  } else if (kind === "blog" && !legacy) report([], "`author` is missing: blog posts need an author key from content/_data/authors.yaml");

  if (fm.region !== undefined) {
    if (readable.regions) checkKey(fm.region, data.regions, "region", "content/_data/regions.yaml", report);
  } else if (kind === "regional-update") report([], `\`region\` is missing: regional updates need one of ${Object.keys(data.regions).join(", ")}`);

  if (fm.legacy?.dateBetween && fm.date !== undefined) {
    report(["legacy", "dateBetween"], "`legacy.dateBetween` is only for undated articles: remove it, since `date` is set");
  }
  if (fm.legacy?.dateBetween && !fm.legacy.dateBetween.every((bound) => parseDayOrMonth(bound))) {
    report(["legacy", "dateBetween"], "`legacy.dateBetween` holds a date that does not exist: use YYYY-MM-DD or YYYY-MM");
  }

  if (typeof place === "string" || problems.length) return { problems };

  const expectedFolder = yearFolder(fm);
  if (place.folder !== expectedFolder) {
    report(fm.date === undefined ? [] : ["date"], `the file is in the folder "${place.folder}" but its date says "${expectedFolder}": move it to ${articlePath({ ...place, folder: expectedFolder })}`);
    return { problems };
  }
  return {
    problems,
    article: {
      file: source.file,
      ...place,
      url: articleUrl(place.kind, place.folder, place.slug),
      frontMatter: fm,
      body: source.body,
      bodyLine: source.bodyLine,
    },
  };
}

/** Two articles may not share a URL: reports each, naming the other. */
export function duplicateUrls(articles: readonly ValidArticle[]): Problem[] {
  const byUrl = new Map<string, ValidArticle[]>();
  for (const article of articles) byUrl.set(article.url, [...(byUrl.get(article.url) ?? []), article]);
  const problems: Problem[] = [];
  for (const [url, clash] of byUrl) {
    if (clash.length < 2) continue;
    for (const article of clash) {
      const others = clash.filter((other) => other !== article).map((other) => other.file).join(", ");
      problems.push({ file: article.file, line: 1, column: 1, message: `the URL ${url} is also used by ${others}: rename one of the files` });
    }
  }
  return problems;
}

function checkKey(
  key: string,
  known: Readonly<Record<string, { name: string }>>,
  field: "author" | "region",
  dataFile: string,
  report: (path: readonly string[], message: string) => void,
): void {
  if (Object.hasOwn(known, key)) return;
  const suggestion = closestKey(key, known);
  const hint = suggestion ? `did you mean "${suggestion}"?` : `add it to ${dataFile} or use a key from there`;
  report([field], `unknown ${field} "${key}": ${hint}`);
}

function issuePath(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.filter((part): part is string | number => typeof part !== "symbol");
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issuePath(issue).join(".");
  const named = field ? `\`${field}\`` : "the front-matter";
  switch (issue.code) {
    case "unrecognized_keys": {
      const fields = issue.keys.map((key) => `\`${key}\``).join(", ");
      return `${fields} ${issue.keys.length === 1 ? "is not a known field" : "are not known fields"}${field ? ` of ${named}` : ""}: check the spelling (see the fields table in README.md)`;
    }
    case "invalid_type":
      return issue.input === undefined ? `${named} is missing${EXAMPLES[field] ? `: add it, e.g. ${EXAMPLES[field]}` : ""}` : `${named} should be ${expectedType(issue.expected)}`;
    case "too_small":
      return `${named} is empty: write something there`;
    default:
      return `${named}: ${issue.message}`;
  }
}

const EXAMPLES: Record<string, string> = {
  title: "`title: Why early help matters`",
};

function expectedType(expected: string): string {
  switch (expected) {
    case "array":
      return "a list, e.g. `tags: [Funding, SEND]`";
    case "boolean":
      return "true or false";
    case "string":
      return "text";
    default:
      return `a ${expected}`;
  }
}
