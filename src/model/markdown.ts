/**
 * Markdown as pages show it: the editors' dialect (`src/content/markdown.ts`), with external links that say
 * so, tables that align by class and scroll on narrow screens, and site paths under the path prefix; and
 * the text, summary and HTML of a body from one parse.
 */
import type { MarkdownIt, Token } from "markdown-it";
import { safeDecode } from "../content/body-checks.ts";
import { DECORATIVE_ALT, type ImageFile } from "../content/images.ts";
import { createParser } from "../content/markdown.ts";
import { PathPrefixer } from "../core/urls.ts";
import { abbreviateFirstUses, type AbbrEnv } from "./abbr.ts";
import { pictureHtml, responsiveImage, type ResponsiveImage } from "./images.ts";

export interface MarkdownOptions {
  /** The site's own origin: links to it are not external. */
  siteOrigin?: string;
  /** Where the site is served (e.g. `/archive/`): editors write `/blog/…`, readers need `/archive/blog/…`. */
  pathPrefix?: string;
  /** The checked images of `content/images/`, by site path: each is published as a responsive `<picture>`. */
  images?: ReadonlyMap<string, ImageFile>;
}

/** The parser editors' Markdown is checked with, plus what pages need: external links marked, paths prefixed. */
export function createMarkdown({ siteOrigin, pathPrefix = "/", images = new Map() }: MarkdownOptions = {}): MarkdownIt {
  const md = createParser();
  markExternalLinks(md, siteOrigin);
  alignTablesWithClasses(md);
  // Before paths are prefixed: images are found by the path editors write.
  responsiveImages(md, images, new PathPrefixer(pathPrefix));
  if (pathPrefix !== "/") prefixSitePaths(md, new PathPrefixer(pathPrefix));
  abbreviateFirstUses(md);
  return md;
}

/** An image of a body, as the page shows it, with the words that describe it (empty for a decorative one). */
export interface UsedImage {
  image: ResponsiveImage;
  alt: string;
}

/** What rendering leaves in markdown-it's `env`: the images in the order they appear. */
interface ImageEnv {
  images?: UsedImage[];
}

/**
 * Every image of `content/images/` becomes a `<picture>` of its formats and widths with the size it takes
 * reserved (`src/model/images.ts`); the first of a body loads at once, the others lazily. An image alone in
 * a paragraph is a `<figure>`, its title its caption (`src/content/markdown.ts`). The alt `decorative` says
 * an image is decorative: it is published with an empty alt, which screen readers skip.
 */
function responsiveImages(md: MarkdownIt, catalogue: ReadonlyMap<string, ImageFile>, prefixer: PathPrefixer): void {
  const planned = new Map<ImageFile, ResponsiveImage>();
  const found = new WeakMap<Token, UsedImage>();
  md.core.ruler.push("responsive_images", (state) => {
    const env = state.env as ImageEnv;
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== "image" || found.has(token)) continue;
        if (token.content.trim().toLowerCase() === DECORATIVE_ALT) {
          token.content = "";
          token.children = [];
        }
        const source = catalogue.get(safeDecode(String(token.attrGet("src") ?? "")));
        if (!source) continue;
        if (!planned.has(source)) planned.set(source, responsiveImage(source));
        const alt = md.renderer.renderInlineAsText(token.children ?? [], md.options, state.env);
        const used = { image: planned.get(source)!, alt };
        found.set(token, used);
        (env.images ??= []).push(used);
      }
    }
  });
  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const used = found.get(tokens[idx]!);
    if (!used) return renderImage(tokens, idx, options, env, self);
    const eager = (env as ImageEnv).images?.[0] === used;
    return pictureHtml(used.image, {
      alt: used.alt,
      eager,
      prefix: (path) => prefixer.withPrefix(path),
      escape: md.utils.escapeHtml,
    });
  };
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

/**
 * A figure's caption is parsed by every core rule on its own (markdown-it-image-figures' `parseInline`) and
 * then lies among its paragraph's tokens, which the rules see again: rules that change a token remember it.
 */
function prefixSitePaths(md: MarkdownIt, prefixer: PathPrefixer): void {
  const prefixed = new WeakSet<Token>();
  md.core.ruler.push("prefix_site_paths", (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (prefixed.has(token)) continue;
        prefixed.add(token);
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
        if (
          token.type === "link_open" &&
          token.attrGet("rel") !== "external" &&
          isExternal(String(token.attrGet("href") ?? ""))
        ) {
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
  /** The images of `content/images/` it shows, in order. */
  images: UsedImage[];
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
    images: (env as ImageEnv).images ?? [],
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
      child.type === "softbreak" || child.type === "hardbreak" || child.type === "figcaption_open"
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
