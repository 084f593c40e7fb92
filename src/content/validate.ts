/**
 * Checks every article and data file before anything is rendered, collecting every problem at once.
 * Each message names the field, what is wrong and what would be right.
 */
import type { GlossaryEntry } from "./glossary.ts";
import type { Subject } from "./subjects.ts";
import { z } from "zod";
import { parseDay, parseMonth, parseDayOrMonth } from "../core/calendar.ts";
import type { Kind } from "../core/kinds.ts";
import { SLUG_PATTERN } from "../core/slugs.ts";
import { articleUrl } from "../core/urls.ts";
import { articlePath, placeOf, slugLike, yearFolder } from "./place.ts";
import { dateExample, quote, see, sentenceList, suggestField, unknownField } from "./messages.ts";
import { closest, closestKey } from "./suggest.ts";
import {
  authorSchema,
  frontMatterSchema,
  legacySchema,
  PLACEHOLDER,
  regionSchema,
  siteDataSchema,
  type AuthorData,
  type FrontMatter,
  type RegionData,
  type SiteFacts,
} from "./schema.ts";
import type { Problem } from "./problems.ts";
import type { MarkdownSource, YamlSource } from "./source.ts";

export interface SiteData {
  authors: Readonly<Record<string, AuthorData>>;
  regions: Readonly<Record<string, RegionData>>;
  /** Whose site this is (`_data/site.yaml`); absent when there is no such file. */
  site?: SiteFacts;
  /** The acronyms and their words (`_data/glossary.yaml`); absent when there is no such file. */
  glossary?: GlossaryEntry[];
  /** The subjects readers browse by (`_data/subjects.yaml`); absent when there is no such file. */
  subjects?: Subject[];
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

export function validateData(
  authors: YamlSource,
  regions: YamlSource,
  /** `_data/site.yaml`, when there is one. */
  site?: YamlSource,
): { data: SiteData; problems: Problem[]; warnings: Problem[] } {
  const problems = [...authors.problems, ...regions.problems];
  const warnings: Problem[] = [];
  const facts = site && validateSiteFacts(site, problems, warnings);
  return {
    data: {
      authors: validateMap(authors, authorSchema, "author", problems),
      regions: validateMap(regions, regionSchema, "region", problems),
      ...(facts && { site: facts }),
    },
    problems,
    warnings,
  };
}

/**
 * Checks `_data/site.yaml`. A value written `TODO: …` is a placeholder for a fact nobody has supplied yet:
 * a warning (the build goes on, and readers see nothing in its place), unless the field is required.
 */
export function validateSiteFacts(source: YamlSource, problems: Problem[], warnings: Problem[]): SiteFacts | undefined {
  problems.push(...source.problems);
  if (source.problems.length) return undefined;
  const placeholders = new Set<string>();
  const data = withoutPlaceholders(source.data, [], (path, value) => {
    placeholders.add(path.join("."));
    const message = `\`${path.join(".")}\` is a placeholder ("${value}"): readers are shown nothing in its place until it is replaced with the real fact`;
    warnings.push({ file: source.file, ...source.position(path), message });
  });
  const parsed = siteDataSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const path = issuePath(issue);
    const field = path.join(".");
    if (placeholders.has(field)) {
      const message = `\`${field}\` is required, so it cannot be a placeholder: write the real fact`;
      problems.push({ file: source.file, ...source.position(path), message });
    } else for (const [at, message] of siteIssues(issue, path)) problems.push({ file: source.file, ...source.position(at), message });
  }
  return undefined;
}

/** `value` with every placeholder string taken out (reported through `found`). */
function withoutPlaceholders(value: unknown, path: (string | number)[], found: (path: (string | number)[], value: string) => void): unknown {
  if (typeof value === "string" && PLACEHOLDER.test(value)) {
    found(path, value);
    return undefined;
  }
  if (Array.isArray(value)) return value.map((item, index) => withoutPlaceholders(item, [...path, index], found)).filter((item) => item !== undefined);
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([key, item]) => [key, withoutPlaceholders(item, [...path, key], found)] as const);
    return Object.fromEntries(entries.filter(([, item]) => item !== undefined));
  }
  return value;
}

/** An issue of `_data/site.yaml` in editors' words, at the path each part names. */
function siteIssues(issue: z.core.$ZodIssue, path: (string | number)[]): [(string | number)[], string][] {
  const named = path.length ? `\`${path.join(".")}\`` : "the file";
  const guide = ' (see EDITING.md, "Whose site this is")';
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = Object.keys(shapeAt(siteDataSchema, path)).map((name) => `\`${name}\``);
      const fields = sentenceList(known);
      return issue.keys.map((key) => [[...path, key], `${named} has no field \`${key}\`: its fields are ${fields}${guide}`]);
    }
    case "invalid_type": {
      if (issue.input === undefined) return [[path, `${named} is missing: add it${guide}`]];
      const expected =
        issue.expected === "array" ? "a list of paragraphs, each on its own line starting with `- `" : issue.expected === "object" ? "a group of fields, each on its own indented line" : "text";
      return [[path, `${named} should be ${expected}${guide}`]];
    }
    case "too_small":
      return [[path, `${named} is empty: write something there`]];
    default: {
      const written = typeof issue.input === "string" ? ` "${issue.input}"` : "";
      return [[path, `${named}${written}: ${issue.message}`]];
    }
  }
}

/** The fields of the object at `path` in a schema of nested objects. */
function shapeAt(schema: z.ZodObject<z.ZodRawShape>, path: readonly (string | number)[]): z.ZodRawShape {
  let shape = schema.shape;
  for (const part of path) {
    let inner = shape[part] as z.ZodType | undefined;
    if (inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
    if (!(inner instanceof z.ZodObject)) break;
    shape = inner.shape;
  }
  return shape;
}

function validateMap<T>(
  source: YamlSource,
  schema: z.ZodObject<z.ZodRawShape>,
  noun: string,
  problems: Problem[],
): Record<string, T> {
  const result: Record<string, T> = {};
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
    if (parsed.success) result[key] = parsed.data as T;
    else for (const issue of parsed.error.issues) for (const [path, message] of describeIssue(issue, schema)) problems.push({ file: source.file, ...source.position([key, ...path]), message: `${noun} "${key}": ${message}` });
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
): { article?: ValidArticle; fields: Partial<FrontMatter>; problems: Problem[] } {
  const problems: Problem[] = [...source.problems];
  const report = (path: readonly (string | number)[], message: string) =>
    problems.push({ file: source.file, ...source.position(path), message });

  const place = placeOf(relativePath);
  if (typeof place === "string") problems.push({ file: source.file, line: 1, column: 1, message: place });
  if (source.noFields) return { problems, fields: {} };

  // Each field is checked on its own, so one wrong field never hides another (or the year folder).
  const { fields, failed } = checkFields(source, report);
  // A field written but wrong (or unreadable) is reported once, as that, never also as missing.
  const reported = (name: string) => source.unreadable?.has(name) || failed.has(name);
  const legacy = fields.legacy !== undefined || source.unreadable?.has("legacy");
  const kind = typeof place === "string" ? undefined : place.kind;

  let dateIsReal = false;
  if (fields.date === undefined) {
    if (!legacy && !reported("date")) report([], "`date` is missing: add the publication day, e.g. `date: 2026-11-23`");
  } else if (legacy ? !parseDayOrMonth(fields.date) : !parseDay(fields.date)) {
    const expected = legacy ? "YYYY-MM-DD, or YYYY-MM when only the month is known" : "YYYY-MM-DD, e.g. `date: 2026-11-23`";
    const hint = !legacy && parseMonth(fields.date) ? " (only migrated articles may give just a month)" : "";
    const example = dateExample(fields.date);
    const fix = example ? `write it as YYYY-MM-DD: ${example}` : `write it as ${expected}${hint}`;
    report(["date"], `\`date\` "${fields.date}" is not a real date: ${fix}`);
  } else dateIsReal = true;

  if (fields.author !== undefined) {
    if (readable.authors) checkKey(fields.author, data.authors, "author", "content/_data/authors.yaml", report);
  } else if (kind === "blog" && !legacy && !reported("author")) report([], "`author` is missing: blog posts need an author key from content/_data/authors.yaml");

  if (fields.region !== undefined) {
    if (readable.regions) checkKey(fields.region, data.regions, "region", "content/_data/regions.yaml", report);
  } else if (kind === "regional-update" && !reported("region")) report([], `\`region\` is missing: regional updates need one of ${Object.keys(data.regions).join(", ")}`);

  for (const [index, key] of (fields.subjects ?? []).entries()) {
    if (data.subjects?.some((subject) => subject.key === key)) continue;
    const suggestion = data.subjects && closest(key, data.subjects);
    const hint = suggestion ? `did you mean "${suggestion}"?` : data.subjects ? "use a key from content/_data/subjects.yaml" : "this site has no content/_data/subjects.yaml: remove `subjects`";
    report(["subjects", index], `unknown subject "${key}": ${hint}`);
  }

  if (fields.legacy?.dateBetween && fields.date !== undefined) {
    report(["legacy", "dateBetween"], "`legacy.dateBetween` is only for undated articles: remove it, since `date` is set");
  }
  if (fields.legacy?.dateBetween && !fields.legacy.dateBetween.every((bound) => parseDayOrMonth(bound))) {
    report(["legacy", "dateBetween"], "`legacy.dateBetween` holds a date that does not exist: use YYYY-MM-DD or YYYY-MM");
  }

  // The year folder is checked whenever the date can say it, whatever else is wrong.
  const dated = dateIsReal || (fields.date === undefined && legacy && !reported("date"));
  if (typeof place !== "string" && dated) {
    const expectedFolder = yearFolder(fields);
    if (place.folder !== expectedFolder) {
      report(fields.date === undefined ? [] : ["date"], `the file is in the folder "${place.folder}" but its date says "${expectedFolder}": move it to ${articlePath({ ...place, folder: expectedFolder })}`);
    }
  }

  if (typeof place === "string" || problems.length || fields.title === undefined) return { problems, fields };
  const fm = fields as FrontMatter;
  return {
    problems,
    fields,
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

/**
 * Checks each front-matter field against its own schema: the fields that pass, and the names of those
 * that do not (each reported at its own line).
 */
function checkFields(
  source: MarkdownSource,
  report: (path: readonly (string | number)[], message: string) => void,
): { fields: Partial<FrontMatter>; failed: Set<string> } {
  const input = isRecord(source.data) ? source.data : {};
  const shape = frontMatterSchema.shape;
  const fields: Record<string, unknown> = {};
  const failed = new Set<string>();
  for (const name of Object.keys(input)) {
    if (Object.hasOwn(shape, name)) continue;
    report([name], unknownField(name, EDITORS_FIELDS));
    // `titel` is reported once, with "did you mean `title`?", not also as a missing `title`.
    const meant = suggestField(name, EDITORS_FIELDS);
    if (meant !== undefined && !Object.hasOwn(input, meant)) failed.add(meant);
  }
  for (const [name, schema] of Object.entries(shape)) {
    if (source.unreadable?.has(name) || failed.has(name)) continue;
    const parsed = (schema as z.ZodType).safeParse(Object.hasOwn(input, name) ? input[name] : undefined, { reportInput: true });
    if (parsed.success) {
      if (parsed.data !== undefined) fields[name] = parsed.data;
      continue;
    }
    failed.add(name);
    for (const issue of parsed.error.issues) {
      for (const [path, message] of describeIssue({ ...issue, path: [name, ...issue.path] } as z.core.$ZodIssue)) report(path, message);
    }
  }
  return { fields: fields as Partial<FrontMatter>, failed };
}

/** The fields editors write, for "did you mean" and the list of fields (`legacy` is the importer's). */
const EDITORS_FIELDS = Object.keys(frontMatterSchema.shape).filter((name) => name !== "legacy");

/** The fields an object at a path may have, for "did you mean". */
function knownFields(path: readonly (string | number)[], owner?: z.ZodObject<z.ZodRawShape>): string[] {
  if (path[0] === "legacy") return Object.keys(legacySchema.shape);
  return Object.keys((owner ?? frontMatterSchema).shape);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function issuePath(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.filter((part): part is string | number => typeof part !== "symbol");
}

/** Each problem an issue stands for, at the path it names (an unknown field at its own line). */
function describeIssue(issue: z.core.$ZodIssue, owner?: z.ZodObject<z.ZodRawShape>): [(string | number)[], string][] {
  const path = issuePath(issue);
  const field = path.join(".");
  const named = field ? `\`${field}\`` : "the front-matter";
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => [
        [...path, key],
        unknownField(key, knownFields(path, owner), {
          ...(field && { of: named }),
          ...(owner && { section: "authors" as const }),
        }),
      ]);
    case "invalid_type": {
      if (issue.input === undefined)
        return [[path, `${named} is missing${EXAMPLES[field] ? `: add it, e.g. ${EXAMPLES[field]}` : ""}`]];
      return [[path, `${named} should be ${expectedType(issue.expected, field, issue.input)}${see("fields")}`]];
    }
    case "too_small":
      return [[path, `${named} is empty: write something there`]];
    default:
      return [[path, `${named}: ${issue.message}`]];
  }
}

const EXAMPLES: Record<string, string> = {
  title: "`title: Why early help matters`",
};

/** What a field should be, with an example made from what was written where there is one. */
function expectedType(expected: string, field: string, input: unknown): string {
  switch (expected) {
    case "array": {
      const items = typeof input === "string" ? input.split(",").map((item) => item.trim()).filter(Boolean) : [];
      return `a list, e.g. \`${field}: [${items.length ? items.join(", ") : "Funding, SEND"}]\``;
    }
    case "boolean":
      return `true or false, e.g. \`${field}: true\``;
    case "string":
      return typeof input === "object" && input !== null
        ? `text on one line: if it contains a colon, put it in double quotes, e.g. \`${field}: "Funding: the gap"\``
        : `text, e.g. \`${field}: ${quote(String(input))}\``;
    default:
      return `a ${expected}`;
  }
}
