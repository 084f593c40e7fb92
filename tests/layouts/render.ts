/**
 * Renders one layout component (`layouts/_includes/components/<name>.njk`) through Nunjucks alone, as
 * Eleventy does (`layouts/_includes` as the search path, autoescaping on), and parses the result.
 * The `url` filter is a stand-in that puts site paths under `PREFIX`, so a test sees every link go
 * through it, as Eleventy's does with a path prefix.
 */
import { fileURLToPath } from "node:url";
import { load, type Cheerio, type CheerioAPI } from "cheerio";
import type { AnyNode } from "domhandler";
import { Environment, FileSystemLoader } from "nunjucks";

export const PREFIX = "/prefix";

const env = new Environment(new FileSystemLoader(fileURLToPath(new URL("../../layouts/_includes", import.meta.url))), { autoescape: true });
env.addFilter("url", (sitePath: string) => (sitePath.startsWith("/") ? `${PREFIX}${sitePath}` : sitePath));

/**
 * Calls a component's macro with `params` the way pages do, and parses what it writes.
 * @example render("article-list", { items }) // {% from "components/article-list.njk" import articleList %}{{ articleList(params) }}
 */
export function render(component: string, params: object): CheerioAPI {
  const macro = component.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
  const html = env.renderString(`{% from "components/${component}.njk" import ${macro} %}{{ ${macro}(params) }}`, { params });
  return load(html, null, false);
}

/** The text of elements with runs of white space as one space, as a reader meets it. */
export function textOf(elements: Cheerio<AnyNode>): string {
  return elements.text().replace(/\s+/g, " ").trim();
}

/** The texts of each element, trimmed. */
export function textsOf($: CheerioAPI, selector: string): string[] {
  return $(selector)
    .toArray()
    .map((element) => textOf($(element)));
}

/** What a sighted reader sees of elements: their text without what only screen readers hear. */
export function visibleTextOf(elements: Cheerio<AnyNode>): string {
  const copy = elements.clone();
  copy.find(".visually-hidden").remove();
  return textOf(copy);
}
