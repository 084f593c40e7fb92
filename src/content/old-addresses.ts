/**
 * The old site's address of a migrated article (`legacy.oldUrl`) becomes a redirect to its page here
 * (`src/publishing/redirects.ts`). An address that two articles claim, or that is one of this site's own
 * pages, cannot be a redirect: each is a content problem, found with every other problem.
 */
import type { Problem } from "./problems.ts";

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
