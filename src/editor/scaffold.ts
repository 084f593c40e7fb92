/**
 * `npm run new`: starts an article with front-matter that already passes the content check. It starts as a
 * draft, so its placeholder text can never be published by accident: the editor removes `draft: true` when
 * the article is written (and the check refuses a published article that still holds the placeholder). The plan
 * (`planArticle`) is pure; `createArticle` reads the content folder, plans and writes the file.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Document } from "yaml";
import { londonDay } from "../core/calendar.ts";
import { PLACEHOLDER_BODY } from "../content/body-checks.ts";
import { checkContent } from "../content/load.ts";
import { articlePath, yearFolder } from "../content/place.ts";
import { closestKey } from "../content/suggest.ts";
import { preferredSpellings, tagKey } from "../content/tag-checks.ts";
import type { SiteData } from "../content/validate.ts";
import { UserError } from "../core/errors.ts";
import { KINDS, kindNamed, type Kind } from "../core/kinds.ts";
import { slugify } from "../core/slugs.ts";
import { articleUrl } from "../core/urls.ts";

export interface ScaffoldRequest {
  title: string;
  kind: Kind;
  author?: string;
  region?: string;
  tags?: readonly string[];
}

export interface ScaffoldContext {
  data: SiteData;
  /** "Now": the article is dated with this day in London. */
  now: Date;
  /** Is there already a file at this path (relative to the content folder)? */
  taken(relativePath: string): boolean;
  /** The archive's spelling of each tag, by `tagKey`, so a new article reuses it. */
  existingTags?: ReadonlyMap<string, string>;
}

export interface ScaffoldPlan {
  /** Relative to the content folder, e.g. `blog/2026/school-funding.md`. */
  relativePath: string;
  url: string;
  text: string;
  /** Tags whose spelling was changed to the archive's, as `[typed, written]`. */
  respelled: [string, string][];
}

/** Refused: what was asked for cannot make a valid article. The message says what would. */
export class ScaffoldError extends UserError {
  constructor(problem: string) {
    super({ where: "npm run new", problem }, problem);
  }
}

/** Slugs longer than this are cut at a word: the file name becomes the URL, which should stay readable. */
const MAX_SLUG_LENGTH = 60;

/** Works out the file, its URL and its text; throws ScaffoldError when the request cannot be valid. */
export function planArticle(request: ScaffoldRequest, context: ScaffoldContext): ScaffoldPlan {
  const title = request.title.trim().replace(/\s+/g, " ");
  if (!title)
    throw new ScaffoldError('give the title first, in quotes: npm run new -- "Title of the post" --author <key>');
  const base = shortSlug(slugify(title));
  if (!base) throw new ScaffoldError(`the title "${title}" has no letters or digits to make a file name from`);

  const { authors, regions } = context.data;
  if (request.author !== undefined) checkKey(request.author, authors, "author", "content/_data/authors.yaml");
  else if (request.kind === "blog")
    throw new ScaffoldError(`a blog post needs --author <key>; the authors are: ${keyList(authors)}`);
  if (request.region !== undefined) checkKey(request.region, regions, "region", "content/_data/regions.yaml");
  else if (request.kind === "regional-update")
    throw new ScaffoldError(`a regional update needs --region <key>; the regions are: ${keyList(regions)}`);

  const date = londonDay(context.now);
  const place = (slug: string) => ({ kind: request.kind, folder: yearFolder({ date }), slug });
  let slug = base;
  for (let n = 2; context.taken(articlePath(place(slug))); n += 1) slug = `${base}-${n}`;

  const respelled: [string, string][] = [];
  const tags = [...new Set((request.tags ?? []).map((tag) => tag.trim().replace(/\s+/g, " ")).filter(Boolean))].map(
    (tag) => {
      const existing = context.existingTags?.get(tagKey(tag));
      if (existing && existing !== tag) respelled.push([tag, existing]);
      return existing ?? tag;
    },
  );

  const frontMatter = new Document({
    title,
    date,
    ...(request.author !== undefined && { author: request.author }),
    ...(request.region !== undefined && { region: request.region }),
    ...(tags.length > 0 && { tags: [...new Set(tags)] }),
    draft: true,
  });
  // Tags on one line, as editors write them: `tags: [Funding, SEND]`.
  const tagsNode = frontMatter.get("tags", true) as { flow?: boolean } | undefined;
  if (tagsNode) tagsNode.flow = true;
  const yaml = frontMatter.toString({ lineWidth: 0, flowCollectionPadding: false });
  const summaryHint = "# summary: One or two sentences for listings and search results (optional).\n";

  return {
    relativePath: articlePath(place(slug)),
    url: articleUrl(request.kind, yearFolder({ date }), slug),
    text: `---\n${yaml}${summaryHint}---\n${PLACEHOLDER_BODY}\n`,
    respelled,
  };
}

export interface CreatedArticle extends ScaffoldPlan {
  /** The file written, relative to `cwd`. */
  file: string;
}

/** Plans the article against the content folder and writes it. Never overwrites a file. */
export async function createArticle(
  request: ScaffoldRequest,
  { contentDir, now = new Date(), cwd = process.cwd() }: { contentDir: string; now?: Date; cwd?: string },
): Promise<CreatedArticle> {
  const content = await checkContent(contentDir, cwd);
  const uses = content.articles.map(({ file, frontMatter }) => ({
    file,
    date: frontMatter.date,
    tags: frontMatter.tags ?? [],
  }));
  const existingTags = new Map([...preferredSpellings(uses)].map(([key, spelling]) => [key, spelling.tag]));
  const final = planArticle(request, {
    data: content.data,
    now,
    existingTags,
    taken: (relative) => existsSync(path.join(contentDir, relative)),
  });
  const target = path.join(contentDir, final.relativePath);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, final.text, { flag: "wx" });
  return { ...final, file: path.relative(cwd, target).split(path.sep).join("/") };
}

/** Accepts the kind as `blog`, `regional-update` or its folder name `regional-updates`. */
export function parseKind(text: string | undefined): Kind {
  if (text === undefined) return "blog";
  const kind = kindNamed(text);
  if (!kind) throw new ScaffoldError(`unknown kind "${text}": use ${KINDS.join(" or ")}`);
  return kind;
}

function checkKey(
  key: string,
  known: Readonly<Record<string, { name: string }>>,
  field: "author" | "region",
  dataFile: string,
): void {
  if (Object.hasOwn(known, key)) return;
  const suggestion = closestKey(key, known);
  const hint = suggestion ? `did you mean "${suggestion}"? ` : "";
  const list = Object.keys(known).length ? `The ${field}s are: ${keyList(known)}` : `There are no ${field}s yet`;
  throw new ScaffoldError(`unknown ${field} "${key}": ${hint}${list}. A new ${field} is added in ${dataFile}.`);
}

function keyList(known: Readonly<Record<string, unknown>>): string {
  return Object.keys(known).join(", ") || "(none yet)";
}

function shortSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_SLUG_LENGTH);
}
