/**
 * Markdown as pages show it: the editors' dialect (`src/content/markdown.ts`), with external links that say
 * so, tables that align by class and scroll on narrow screens, and site paths under the path prefix; and
 * the text, summary and HTML of a body from one parse.
 */
import type { MarkdownIt, Token } from "markdown-it";
import { createParser } from "../content/markdown.ts";
import { PathPrefixer } from "../core/urls.ts";
import { abbreviateFirstUses, type AbbrEnv } from "./abbr.ts";

export interface MarkdownOptions {
  /** The site's own origin: links to it are not external. */
  siteOrigin?: string;
  /** Where the site is served (e.g. `/archive/`): editors write `/blog/…`, readers need `/archive/blog/…`. */
  pathPrefix?: string;
}

/** The parser editors' Markdown is checked with, plus what pages need: external links marked, paths prefixed. */
export function createMarkdown({ siteOrigin, pathPrefix = "/" }: MarkdownOptions = {}): MarkdownIt {
  const md = createParser();
  markExternalLinks(md, siteOrigin);
  alignTablesWithClasses(md);
  if (pathPrefix !== "/") prefixSitePaths(md, new PathPrefixer(pathPrefix));
  abbreviateFirstUses(md);
  return md;
}

/**
 * markdown-it aligns table columns with inline `style` attributes, which a strict Content-Security-Policy
 * blocks; classes do the same job. Tables also get a wrapper that scrolls sideways on narrow screens.
 */
/**
 * A wide table scrolls inside its wrapper; keyboard users can only scroll what they can focus, so the
 * wrapper is a focusable, labelled region (as GOV.UK does for scrolling tables).
 */
const TABLE_LABEL = "Table (scroll sideways to see all of it)";

function alignTablesWithClasses(md: MarkdownIt): void {
  md.core.ruler.push("table_align_classes", (state) => {
    for (const token of state.tokens) {
      const style = token.attrGet("style");
      if ((token.type === "th_open" || token.type === "td_open") && typeof style === "string") {
        const align = /text-align:(left|right|center)/.exec(style)?.[1];
        token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
        if (align) token.attrJoin("class", `align-${align}`);
      }
    }
  });
  md.renderer.rules.table_open = (tokens, idx, options, _env, self) =>
    `<div class="table-wrap" role="region" aria-label="${TABLE_LABEL}" tabindex="0">\n${self.renderToken(tokens, idx, options)}`;
  md.renderer.rules.table_close = (tokens, idx, options, _env, self) =>
    `${self.renderToken(tokens, idx, options)}</div>\n`;
}

function prefixSitePaths(md: MarkdownIt, prefixer: PathPrefixer): void {
  md.core.ruler.push("prefix_site_paths", (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        const attribute = token.type === "link_open" ? "href" : token.type === "image" ? "src" : undefined;
        const value = attribute && token.attrGet(attribute);
        if (attribute && typeof value === "string") token.attrSet(attribute, prefixer.withPrefix(value));
      }
    }
  });
}

function markExternalLinks(md: MarkdownIt, siteOrigin: string | undefined): void {
  const ownOrigin = siteOrigin === undefined ? undefined : new URL(siteOrigin).origin;
  // A malformed absolute URL (`http://`) is a content-check problem; if one reaches here it is external.
  const isExternal = (href: string) =>
    /^https?:\/\//i.test(href) && (!URL.canParse(href) || new URL(href).origin !== ownOrigin);
  const external = new WeakSet<Token>();
  md.core.ruler.push("external_links", (state) => {
    for (const block of state.tokens) {
      const children = block.children ?? [];
      let open: Token | undefined;
      for (const token of children) {
        if (token.type === "link_open" && isExternal(String(token.attrGet("href") ?? ""))) {
          token.attrSet("rel", "external");
          token.attrJoin("class", "external");
          open = token;
        } else if (token.type === "link_close" && open) {
          external.add(token);
          open = undefined;
        }
      }
    }
  });
  const renderClose =
    md.renderer.rules.link_close ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_close = (tokens, idx, options, env, self) => {
    const hint = external.has(tokens[idx]!) ? '<span class="visually-hidden"> (external site)</span>' : "";
    return hint + renderClose(tokens, idx, options, env, self);
  };
}

export interface RenderedMarkdown {
  html: string;
  /** The words without markup: for reading time, related articles and search. */
  text: string;
  /** The first paragraph's text, for a summary when the front-matter gives none. */
  firstParagraph: string;
}

/**
 * Renders a body once: the HTML, its plain text and its first paragraph all come from one parse. With a
 * glossary, each acronym's first use is explained (`src/model/abbr.ts`).
 */
export function renderMarkdown(md: MarkdownIt, source: string, { glossary }: AbbrEnv = {}): RenderedMarkdown {
  const env = { glossary };
  const tokens = md.parse(source, env);
  const first = tokens.findIndex((token) => token.type === "paragraph_open");
  return {
    html: md.renderer.render(tokens, md.options, env),
    text: textOf(tokens),
    firstParagraph: first === -1 ? "" : inlineText(tokens[first + 1]),
  };
}

function textOf(tokens: readonly Token[]): string {
  return tokens
    .filter((token) => token.type === "inline" || token.type === "code_block" || token.type === "fence")
    .map((token) => (token.type === "inline" ? inlineText(token) : token.content.trim()))
    .filter(Boolean)
    .join("\n\n");
}

function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? "";
  return token.children
    .map((child) =>
      child.type === "softbreak" || child.type === "hardbreak"
        ? " "
        : child.type === "image"
          ? child.content
          : child.content,
    )
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Cuts text to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function trimAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const end = cut.lastIndexOf(" ");
  return `${(end > 0 ? cut.slice(0, end) : text.slice(0, max)).replace(/[\s,;:.–—-]+$/, "")}…`;
}
