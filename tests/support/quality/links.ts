/**
 * Link gate: every internal reference in a built site must resolve to a file that exists, and
 * every `#fragment` must name an element that exists on the target page.
 *
 * Works on the built folder only (no server), so it is fast and can run over the whole site.
 * Each HTML file is parsed exactly once; its ids are kept so fragment checks never re-read a page.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import { normalisePrefix } from "../../../src/core/urls.ts";
import { fileToUrlPath, listHtmlFiles } from "./site-files.ts";

export interface LinkProblem {
  /** The page the reference is on, relative to the site folder (e.g. `blog/index.html`). */
  page: string;
  /** The reference exactly as written in the page. */
  url: string;
  reason: string;
}

export interface CheckLinksOptions {
  /** Path prefix the site is deployed under (e.g. `/archive-prefix/`); every internal URL must start with it. */
  pathPrefix?: string;
  /**
   * The site's public origin (e.g. `https://adcs.example.org`). Absolute links to it (canonical,
   * feeds, og:url…) are then checked like internal ones instead of being skipped as external.
   */
  siteOrigin?: string;
}

interface Reference {
  url: string;
}

interface PageScan {
  ids: Set<string>;
  refs: Reference[];
}

/** Attributes holding a single URL, by element. `<link href>` covers stylesheets, icons, feeds, canonical. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src"],
  script: ["src"],
  iframe: ["src"],
  embed: ["src"],
  source: ["src"],
  track: ["src"],
  audio: ["src"],
  video: ["src", "poster"],
  input: ["src"],
};
const SRCSET_ELEMENTS = new Set(["img", "source"]);

/** Schemes that never point into the site; anything not http(s) is treated the same way. */
const NON_HTTP_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const HTTP_SCHEME = /^https?:/i;

/** Placeholder origin for resolving root-relative and relative URLs when no real origin is known. */
const LOCAL_ORIGIN = "http://site.invalid";

/** `#top` and the empty fragment scroll to the top of any page (HTML spec), so they need no id. */
const ALWAYS_VALID_FRAGMENTS = new Set(["", "top"]);

export function checkLinks(siteDir: string, options: CheckLinksOptions = {}): LinkProblem[] {
  const prefix = normalisePrefix(options.pathPrefix ?? "/");
  const origin = options.siteOrigin ? new URL(options.siteOrigin).origin : LOCAL_ORIGIN;
  const pages = new Map<string, PageScan>();
  for (const rel of listHtmlFiles(siteDir)) pages.set(rel, scanHtml(readFileSync(path.join(siteDir, rel), "utf8")));

  const kinds = new Map<string, "file" | "dir" | "missing">();
  const kindOf = (rel: string): "file" | "dir" | "missing" => {
    let kind = kinds.get(rel);
    if (!kind) {
      const stat = statSync(path.join(siteDir, rel), { throwIfNoEntry: false });
      kind = stat?.isFile() ? "file" : stat?.isDirectory() ? "dir" : "missing";
      kinds.set(rel, kind);
    }
    return kind;
  };

  const problems: LinkProblem[] = [];
  for (const [page, scan] of pages) {
    const pageUrl = new URL(fileToUrlPath(page, prefix), origin);
    const seen = new Set<string>();
    for (const { url } of scan.refs) {
      if (seen.has(url)) continue;
      seen.add(url);
      const reason = checkReference(url, { page, pageUrl, prefix, origin, pages, kindOf });
      if (reason) problems.push({ page, url, reason });
    }
  }
  return problems;
}

interface CheckContext {
  page: string;
  pageUrl: URL;
  prefix: string;
  origin: string;
  pages: Map<string, PageScan>;
  kindOf: (rel: string) => "file" | "dir" | "missing";
}

/** Returns why `raw` is broken, or `undefined` when it is fine or not ours to check. */
function checkReference(raw: string, ctx: CheckContext): string | undefined {
  const url = raw.trim(); // browsers strip surrounding whitespace from URL attributes
  if (url === "") return undefined; // empty href = this page
  if (NON_HTTP_SCHEME.test(url) && !HTTP_SCHEME.test(url)) return undefined; // mailto:, tel:, data:…

  let resolved: URL;
  try {
    resolved = new URL(url, ctx.pageUrl);
  } catch {
    return "not a valid URL";
  }
  if (resolved.origin !== ctx.origin) return undefined; // another host: external, skipped

  // 404.html is served in place of *any* missing URL, so relative references on it break at depth.
  const isFragmentOnly = url.startsWith("#");
  if (ctx.page === "404.html" && !isFragmentOnly && !url.startsWith("/") && !HTTP_SCHEME.test(url)) {
    return "relative URL on the 404 page (it is served at arbitrary paths); use a root-relative URL";
  }

  let pathname: string;
  try {
    pathname = decodeURIComponent(resolved.pathname);
  } catch {
    return "malformed percent-encoding in path";
  }
  if (pathname === ctx.prefix.slice(0, -1)) return `points at the prefix without its trailing slash; use ${ctx.prefix}`;
  if (!pathname.startsWith(ctx.prefix)) return `outside the site's path prefix ${ctx.prefix}`;

  let target = pathname.slice(ctx.prefix.length);
  if (target === "" || target.endsWith("/")) target += "index.html";
  const kind = ctx.kindOf(target);
  if (kind === "missing") return `target not found: ${target}`;
  if (kind === "dir") return `points at a folder; add a trailing slash (${pathname}/)`;

  return checkFragment(resolved.hash, target, ctx);
}

function checkFragment(hash: string, target: string, ctx: CheckContext): string | undefined {
  const raw = hash.slice(1);
  if (ALWAYS_VALID_FRAGMENTS.has(raw.toLowerCase())) return undefined;
  const scan = ctx.pages.get(target);
  if (!scan) return undefined; // fragments into non-HTML files (PDF pages, SVG views…) are not ours to judge
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // keep the raw form; browsers try the raw fragment first anyway
  }
  if (scan.ids.has(raw) || scan.ids.has(decoded)) return undefined;
  return target === ctx.page
    ? `no element with id "${decoded}" on this page`
    : `no element with id "${decoded}" in ${target}`;
}

/** One pass over the markup: ids (and legacy `<a name>` targets) plus every URL-bearing attribute. */
export function scanHtml(html: string): PageScan {
  const ids = new Set<string>();
  const refs: Reference[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.id) ids.add(attrs.id);
        if (name === "a" && attrs.name) ids.add(attrs.name);
        for (const attr of URL_ATTRIBUTES[name] ?? []) {
          const value = attrs[attr];
          if (value !== undefined) refs.push({ url: value });
        }
        if (SRCSET_ELEMENTS.has(name) && attrs.srcset) {
          for (const url of parseSrcset(attrs.srcset)) refs.push({ url });
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  );
  parser.end(html);
  return { ids, refs };
}

/**
 * URLs from a `srcset` value. Follows the HTML spec's splitting rule (a URL runs until whitespace;
 * a trailing comma ends it) so that commas inside URLs do not split them.
 */
export function parseSrcset(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i]!)) i++;
    let url = srcset.slice(start, i);
    if (url.endsWith(",")) {
      url = url.replace(/,+$/, "");
    } else {
      // skip the descriptor ("1x", "480w"), which ends at a comma outside parentheses
      let depth = 0;
      while (i < srcset.length && !(srcset[i] === "," && depth === 0)) {
        if (srcset[i] === "(") depth++;
        else if (srcset[i] === ")") depth = Math.max(0, depth - 1);
        i++;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** One line per problem, for test failure messages and CLI output. */
export function formatLinkProblems(problems: readonly LinkProblem[]): string {
  return problems.map((p) => `${p.page}: ${p.url} — ${p.reason}`).join("\n");
}
