/**
 * The old site's address of a migrated article (`legacy.oldUrl`) becomes a redirect to its page here
 * (`src/publishing/redirects.ts`). Hosts apply `_redirects` before serving files, so one careless line
 * could send every visitor elsewhere: `https://adcs.org.uk/*` would redirect the whole site to one article,
 * `https://adcs.org.uk/` the home page. So an old address must be one concrete old page: no wildcard or
 * placeholder, not the site root, not a section or listing, not a file, not an address this site serves
 * itself, and not claimed by two articles. Each is a content problem, found with every other problem.
 */
import { KIND_INFO, KINDS } from "../core/kinds.ts";
import {
  ACCESSIBILITY_URL,
  ARCHIVE_URL,
  ASSETS_URL,
  AUTHORS_URL,
  feedArchiveUrls,
  feedUrls,
  HOME_URL,
  IMAGES_URL,
  isSectionPage,
  REGIONS_URL,
  ROOT_FILES,
  SEARCH_INDEX_URL,
  SEARCH_URL,
  SITEMAP_URL,
  SUBJECTS_URL,
  SUBSCRIBE_URL,
  TAGS_URL,
} from "../core/urls.ts";
import type { Problem } from "./problems.ts";

/** The first path segments this site serves everything under, from the URL map in src/core/urls.ts. */
const SITE_SECTIONS = new Set(
  [
    REGIONS_URL,
    TAGS_URL,
    AUTHORS_URL,
    ARCHIVE_URL,
    SEARCH_URL,
    ACCESSIBILITY_URL,
    SEARCH_INDEX_URL,
    IMAGES_URL,
    ASSETS_URL,
    SUBJECTS_URL,
    SUBSCRIBE_URL,
    feedArchiveUrls(HOME_URL, 1).atom,
  ].map((url) => url.split("/")[1]!),
);
/** The files this site publishes at its root. */
const SITE_FILES = new Set<string>([SITEMAP_URL, ...Object.values(feedUrls(HOME_URL)), ...ROOT_FILES]);
const KIND_FOLDERS = new Set(KINDS.map((kind) => KIND_INFO[kind].folder));
/** The last segment of an old listing rather than of one page: `/blog/page/2`, `/news/category`. */
const LISTING_SEGMENT = /^(?:\d+|page|pages|article|articles|archive|archives|category|categories|tag|tags|author|authors|feed|rss|index(?:\.\w+)?)$/i;
/** Extensions an old page may have; any other (`.pdf`, `.jpg`) is a file, not a page. */
const PAGE_EXTENSION = /\.(?:html?|php|aspx?|shtml|cfm|jsp)$/i;

/**
 * What is wrong with an old address as the source of a redirect, or undefined if it is one concrete old
 * page. Used by the front-matter schema, so the problem is reported at the `legacy.oldUrl` line.
 *
 * @example oldUrlProblem("https://adcs.org.uk/*") // "it holds a wildcard (`*`) …"
 */
export function oldUrlProblem(oldUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(oldUrl);
  } catch {
    return "write the article's full address on the old site, e.g. https://adcs.org.uk/blog/article/grow-your-own";
  }
  const one = "give the one address this article had on the old site, e.g. https://adcs.org.uk/blog/article/grow-your-own";
  if (url.protocol !== "https:" && url.protocol !== "http:") return `it is not a web address: ${one}`;
  const path = decodeURIComponent(url.pathname.replace(/%(?![0-9a-f]{2})/gi, "%25"));
  const segments = path.split("/").filter(Boolean);
  if (/[*]/.test(path) || segments.some((segment) => segment.startsWith(":"))) {
    return `it holds a wildcard (\`*\` or \`:name\`), which would redirect many addresses, perhaps the whole site, to this article: ${one}`;
  }
  if (/[\s\u0000-\u001f]/.test(path)) return `it holds a space or control character: ${one}`;
  if (segments.length === 0) return `it is the old site's home page, and a redirect from it would send every visitor of the home page to this article: ${one}`;
  if (segments.includes("..") || segments.includes(".")) return `it holds \`.\` or \`..\` steps: ${one}`;
  if (isSitePath(path)) return `${oldPath(oldUrl)} is an address this site serves itself, and a redirect would hide that page: ${one}`;
  const last = segments.at(-1)!;
  if (segments.length === 1 || LISTING_SEGMENT.test(last)) return `it is a section or listing of the old site, not one article: ${one}`;
  if (/\.[a-z0-9]+$/i.test(last) && !PAGE_EXTENSION.test(last)) return `it is a file (${last}), not a page: ${one}`;
  return undefined;
}

/** Whether this site serves, or will serve, a path: its sections, its root files, its kinds' listings and year folders. */
function isSitePath(path: string): boolean {
  const bare = path.replace(/\/+$/, "");
  const [first = "", second = ""] = bare.split("/").slice(1);
  if (SITE_SECTIONS.has(first) || SITE_FILES.has(bare)) return true;
  if (!KIND_FOLDERS.has(first)) return false;
  return isSectionPage(`${bare}/`) || isSectionPage(bare) || /^(?:\d{4}|undated)$/.test(second);
}

/** What the check needs of an article. */
export interface OldAddressed {
  file: string;
  url: string;
  frontMatter: { legacy?: { oldUrl?: string | undefined } | undefined };
}

/** The path of an old URL, without a trailing slash (both hosts match a rule with or without one). */
export function oldPath(oldUrl: string): string {
  const { pathname } = new URL(oldUrl);
  return pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
}

/** Every old address claimed twice or hiding a page of this site. */
export function oldAddressProblems(articles: readonly OldAddressed[]): Problem[] {
  const claimedBy = new Map<string, OldAddressed>();
  const problems: Problem[] = [];
  const pages = new Set(articles.map((article) => article.url));
  for (const article of articles) {
    const oldUrl = article.frontMatter.legacy?.oldUrl;
    if (!oldUrl) continue;
    const from = oldPath(oldUrl);
    const other = claimedBy.get(from);
    if (other) {
      if (other.url === article.url) continue;
      const message = (them: string) => `legacy.oldUrl ${oldUrl}: the old address ${from} is also claimed by ${them}; a redirect can go to only one article, so correct one of them`;
      problems.push({ file: article.file, line: 1, column: 1, message: message(other.file) });
      problems.push({ file: other.file, line: 1, column: 1, message: message(article.file) });
    } else if (pages.has(from) || pages.has(`${from}/`)) {
      problems.push({ file: article.file, line: 1, column: 1, message: `legacy.oldUrl ${oldUrl}: ${from} is a page of this site; a redirect from it would hide that page` });
    } else {
      claimedBy.set(from, article);
    }
  }
  return problems;
}
