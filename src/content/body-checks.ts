/**
 * Checks of an article's Markdown body that the front-matter schema cannot see: links between articles
 * that lead nowhere, images without alt text, and headings out of order. Pure: given the body, where it
 * starts in the file and the URLs of every article, it returns the problems with their exact line and
 * column in the file.
 *
 * Lines come from markdown-it's token `map` (block tokens only: inline tokens inside tables have none, so
 * the nearest enclosing block's lines are used); the column is found by looking for the link target or
 * the `![` in those lines, in order.
 */
import type { MarkdownIt, Token } from "markdown-it";
import { KIND_INFO, KINDS } from "../core/kinds.ts";
import { IMAGES_URL, isSectionPage } from "../core/urls.ts";
import { DECORATIVE_ALT, IMAGES_FOLDER } from "./images.ts";
import { LineIndex } from "./line-index.ts";
import { createParser } from "./markdown.ts";
import { see } from "./messages.ts";
import type { Problem } from "./problems.ts";
import { closest } from "./suggest.ts";

/** When an article appears on the site: never while it is a draft, else from its day (or the build's, if later). */
export interface Publication {
  draft: boolean;
  /** `YYYY-MM-DD` (or `YYYY-MM`), when the date could be read. */
  date?: string | undefined;
}

/** What links are checked against beyond the URLs: when each article appears, and today's day in London. */
export interface LinkContext {
  publications: ReadonlyMap<string, Publication>;
  /** `YYYY-MM-DD`: articles dated after it are scheduled. */
  today: string;
  /** The site paths of the images in `content/images/` (`/images/chart.png`), when images are checked. */
  images?: ReadonlySet<string>;
}

/**
 * The first words of the text `npm run new` puts in a new article. A published article that still holds
 * them is a problem: the scaffold's placeholder must never reach readers by accident.
 */
export const PLACEHOLDER_BODY =
  "Write the first paragraph here. Listings and search results show it as the summary unless you add a `summary` field above.";

export interface BodyInput {
  /** The file as problems name it. */
  file: string;
  body: string;
  /** The file line on which the body starts. */
  bodyLine: number;
  /** The article's own URL, against which relative links are resolved. */
  url: string;
  /** When the article itself appears (for links to articles that appear later). */
  publication?: Publication;
}

/** The site's sections whose links are checked: `/blog/...` and `/regional-updates/...`. */
const ARTICLE_SECTIONS = new Set(KINDS.map((kind) => KIND_INFO[kind].folder));

/**
 * Every problem in one article's body.
 *
 * @example
 * checkBody({ file: "content/blog/2026/a.md", body: "# Title\n", bodyLine: 6, url: "/blog/2026/a/" }, new Set())
 * // → [{ file: "content/blog/2026/a.md", line: 6, column: 1, message: "a `#` heading ... use ## ..." }]
 */
export function checkBody(
  article: BodyInput,
  articleUrls: ReadonlySet<string>,
  md: MarkdownIt = createParser(),
  links?: LinkContext,
): Problem[] {
  const text = new BodyText(article.body, article.bodyLine);
  const problems: Problem[] = [];
  const report = (offset: number, message: string) => problems.push({ file: article.file, ...text.position(offset), message });

  const placeholder = article.body.indexOf(PLACEHOLDER_BODY.slice(0, PLACEHOLDER_BODY.indexOf(".") + 1));
  if (placeholder !== -1 && article.publication && !article.publication.draft) {
    report(
      placeholder,
      `the text still holds the placeholder "Write the first paragraph here…": replace it with the article's own words, or add \`draft: true\` to the fields until it is ready${see("starting")}`,
    );
  }

  let previousLevel = 1;
  // Inline tokens in tables have no map of their own: they take the lines of the block around them.
  let lines: [number, number] = [0, 1];
  for (const token of md.parse(article.body, {})) {
    if (token.map) lines = token.map;
    if (token.type === "heading_open") {
      const level = Number(token.tag.slice(1));
      const offset = text.firstCharacter(lines[0]);
      if (level === 1) {
        report(offset, "a level-1 (`#`) heading would repeat the page title, which comes from `title`: use ## for a section heading");
      } else if (level > previousLevel + 1) {
        const before = previousLevel === 1 ? "the page title (level 1)" : `a level-${previousLevel} heading`;
        report(offset, `this level-${level} heading comes after ${before}, skipping a level: use ${"#".repeat(previousLevel + 1)} here (and move the headings under it up too)`);
      }
      previousLevel = level === 1 ? 2 : level;
    }
    if (token.type === "inline") checkInline(token, lines, text, article, articleUrls, report, links);
  }
  return problems;
}

function checkInline(
  inline: Token,
  lines: [number, number],
  text: BodyText,
  article: BodyInput,
  articleUrls: ReadonlySet<string>,
  report: (offset: number, message: string) => void,
  links: LinkContext | undefined,
): void {
  const [from, to] = text.range(lines);
  let linkCursor = from;
  let imageCursor = from;
  for (const child of inline.children ?? []) {
    if (child.type === "link_open") {
      const href = String(child.attrGet("href") ?? "");
      const found = text.findTarget(href, linkCursor, to);
      if (found !== undefined) linkCursor = found + 1;
      const problem =
        malformedUrl(href) ??
        deadLink(href, article.url, articleUrls) ??
        (links?.images && imageLink(href, article.url)) ??
        (links && article.publication && laterLink(href, article.url, article.publication, links));
      if (problem) report(found ?? text.findDefinition(href) ?? from, problem);
    } else if (child.type === "image") {
      const found = text.find("![", imageCursor, to);
      if (found !== undefined) imageCursor = found + 2;
      const src = String(child.attrGet("src") ?? "");
      if (!child.content.trim()) {
        report(
          found ?? from,
          `this image has no alt text: describe what it shows between the square brackets, e.g. ![Young people at a council youth forum](${src}); if it is purely decorative, say so: ![${DECORATIVE_ALT}](${src})${see("images")}`,
        );
      }
      const problem = links?.images && missingImage(src, article.url, links.images);
      if (problem) report(text.findTarget(src, found ?? from, to) ?? found ?? from, problem);
    }
  }
}

/**
 * Why an image's address shows nothing, or undefined: the site publishes only the images in
 * `content/images/` (its Content-Security-Policy would block another site's anyway).
 */
export function missingImage(src: string, fromUrl: string, images: ReadonlySet<string>): string | undefined {
  const name = safeDecode(src).split(/[/?#]/).filter(Boolean).at(-1) ?? "picture.png";
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//")) {
    return `the image ${src} is on another website, which pages cannot show: save a copy in content/${IMAGES_FOLDER}/ and link it as ${IMAGES_URL}${name}${see("images")}`;
  }
  const target = safeDecode(new URL(src, `http://site${fromUrl}`).pathname);
  if (images.has(target)) return undefined;
  if (!target.startsWith(IMAGES_URL)) {
    return `the image ${src} is not in content/${IMAGES_FOLDER}/, the one place images are published from: put the file there and link it as ${IMAGES_URL}${name}${see("images")}`;
  }
  const suggestion = closest(target, [...images].map((url) => ({ key: url })));
  const fix = suggestion ? `did you mean ${suggestion}?` : `add the file to content/${IMAGES_FOLDER}/, or correct the name`;
  return `the image ${src} is not in content/${IMAGES_FOLDER}/: ${fix}${see("images")}`;
}

/**
 * Why a link (not an image) to a file in `content/images/` leads nowhere, or undefined: the site publishes
 * an image only as the articles show it, resized, never the file itself.
 */
export function imageLink(href: string, fromUrl: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//") || href.startsWith("#")) return undefined;
  const target = safeDecode(new URL(href, `http://site${fromUrl}`).pathname);
  if (!target.startsWith(IMAGES_URL)) return undefined;
  return `the link ${href} goes to an image file, which is not published as it is (pages show images resized to the reader's screen): show the image itself with ![what it shows](${target}) instead${see("images")}`;
}

/** Why an absolute web address cannot be followed (`http://`, `https://exa mple.org`), or undefined. */
export function malformedUrl(href: string): string | undefined {
  if (!/^https?:/i.test(href) || URL.canParse(href)) return undefined;
  return `the link ${href} is not a complete web address: write the whole address, e.g. https://www.adcs.org.uk/`;
}

/** Why a link to another article leads nowhere, or undefined when it is fine or not a link between articles. */
export function deadLink(href: string, fromUrl: string, articleUrls: ReadonlySet<string>): string | undefined {
  const target = articleTarget(href, fromUrl);
  if (target === undefined) return undefined;
  if (articleUrls.has(target) || isSectionPage(target)) return undefined;

  const slug = target.split("/").filter(Boolean).at(-1);
  const sameSlug = [...articleUrls].filter((url) => url.split("/").at(-2) === slug);
  const suggestion = sameSlug.length === 1 ? sameSlug[0] : closest(target, [...articleUrls].map((url) => ({ key: url })));
  const fix = suggestion
    ? `did you mean ${suggestion}?`
    : `check the address: an article's is /${target.split("/")[1]}/<year>/<file name without .md>/`;
  const link = href.startsWith("/") ? `the link ${href} points to no article` : `the link ${href} leads to ${target}, where there is no article`;
  return `${link}: ${fix}`;
}

/**
 * Why a link from an article to another one that appears later (a draft, or scheduled after it) would lead
 * readers nowhere, or undefined. A draft may link to anything: it is not published itself.
 */
export function laterLink(href: string, fromUrl: string, from: Publication, links: LinkContext): string | undefined {
  const target = articleTarget(href, fromUrl);
  const to = target === undefined ? undefined : links.publications.get(target);
  if (!to || from.draft) return undefined;
  if (to.draft)
    return `the link ${href} goes to a draft, which is not published: publish that article first (remove its \`draft: true\`), or remove the link${see("drafts")}`;
  const appears = (publication: Publication) =>
    publication.date !== undefined && publication.date > links.today ? publication.date : links.today;
  if (to.date === undefined || appears(to) <= appears(from)) return undefined;
  return `the link ${href} goes to an article scheduled for ${to.date}, so readers of this one would find no page there until then: date this article ${to.date} or later, or remove the link${see("scheduling")}`;
}

/** The article URL a link between articles points to (with its trailing slash), or undefined for any other link. */
function articleTarget(href: string, fromUrl: string): string | undefined {
  if (!href || href.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return undefined;
  const resolved = new URL(href, `http://site${fromUrl}`);
  let target = safeDecode(resolved.pathname).replace(/\/index\.html$/, "/");
  if (!ARTICLE_SECTIONS.has(target.split("/")[1] ?? "")) return undefined;
  if (!/\.[a-z0-9]+$/i.test(target) && !target.endsWith("/")) target += "/";
  return target;
}

/** The body as text, with offsets turned into file lines and columns. */
class BodyText {
  readonly #text: string;
  readonly #lines: LineIndex;

  constructor(text: string, bodyLine: number) {
    this.#text = text;
    this.#lines = new LineIndex(text, bodyLine);
  }

  /** 1-based file line and column of an offset in the body. */
  position(offset: number): { line: number; column: number } {
    return this.#lines.position(offset);
  }

  /** The offsets of body lines `[first, end)`, as markdown-it's `map` gives them. */
  range([first, end]: [number, number]): [number, number] {
    return [this.#lines.lineStart(first), this.#lines.lineStart(end)];
  }

  firstCharacter(line: number): number {
    const start = this.#lines.lineStart(line);
    return start + (/^[ \t]*/.exec(this.#text.slice(start))?.[0].length ?? 0);
  }

  find(needle: string, from: number, to: number): number | undefined {
    const found = this.#text.indexOf(needle, from);
    return found === -1 || found >= to ? undefined : found;
  }

  /** Where a link's target is written in `[from, to)`, as typed or as markdown-it normalised it. */
  findTarget(href: string, from: number, to: number): number | undefined {
    for (const written of new Set([href, safeDecode(href)])) {
      const found = this.find(`(${written}`, from, to) ?? this.find(`(<${written}`, from, to);
      if (found !== undefined) return found + (this.#text[found + 1] === "<" ? 2 : 1);
    }
    return undefined;
  }

  /** A reference-style link's definition, `[name]: /blog/...`, anywhere in the body. */
  findDefinition(href: string): number | undefined {
    for (const written of new Set([href, safeDecode(href)])) {
      const match = new RegExp(`^ {0,3}\\[[^\\]]+\\]:[ \\t]*<?(${escapeRegExp(written)})`, "m").exec(this.#text);
      if (match) return match.index + match[0].length - written.length;
    }
    return undefined;
  }
}

/** A path as written, with percent-escapes read (`/images/a%20b.png` → `/images/a b.png`), or as it is if they are broken. */
export function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
