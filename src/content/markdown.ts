/**
 * The Markdown editors write: one configured markdown-it, used both to check bodies and (with what pages
 * add, `src/model/markdown.ts`) to render them, so a check reads a body exactly as a page will.
 * Raw HTML is off, so nothing an editor types can put a script, an event handler or a `javascript:`
 * URL into a page; markdown-it's own link check refuses `javascript:`, `vbscript:`, `file:` and `data:` links.
 * Typographic quotes, bare URLs as links, tables, and heading ids from the site's slug rule. An image alone
 * in its paragraph is a figure, and its title (`![alt](/images/x.png "Caption")`) its caption, in Markdown.
 */
import markdownIt, { type MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";
import imageFigures from "markdown-it-image-figures";
import { slugify } from "../core/slugs.ts";

export function createParser(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: true, typographer: true });
  md.use(anchor, { slugify, tabIndex: false });
  md.use(imageFigures, { figcaption: "title" });
  return md;
}
