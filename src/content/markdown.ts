/**
 * The Markdown editors write: one configured markdown-it, used both to check bodies and (with what pages
 * add, `src/model/markdown.ts`) to render them, so a check reads a body exactly as a page will.
 * Raw HTML is off, so nothing an editor types can put a script, an event handler or a `javascript:`
 * URL into a page; markdown-it's own link check refuses `javascript:`, `vbscript:`, `file:` and `data:` links.
 * Typographic quotes, bare URLs as links, tables, and heading ids from the site's slug rule.
 */
import markdownIt, { type MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";
import { slugify } from "../core/slugs.ts";

export function createParser(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: true, typographer: true });
  md.use(anchor, { slugify, tabIndex: false });
  return md;
}
