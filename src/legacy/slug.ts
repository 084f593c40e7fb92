/**
 * The old site's slug rule, which the archive also uses for file names: lower case, punctuation and
 * typographic quotes dropped, words joined by hyphens (a hyphen inside a word, as in "co-operating", stays).
 */

const OLD_ARTICLE_URL = "https://adcs.org.uk/blog/article/";

/** Titles the old site cut short end in three dots or an ellipsis. */
export function isCutShort(title: string): boolean {
  return /(?:\.\.\.|…)$/u.test(title.trim());
}

export function slugOf(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .split(/[\s-]+/u)
    .filter(Boolean)
    .join("-");
}

/** Where the old site would have published the article; only a full title gives the full slug. */
export function derivedOldUrl(title: string): string | undefined {
  return isCutShort(title) ? undefined : OLD_ARTICLE_URL + slugOf(title);
}

/** The slug, or the slug with "-2", "-3"... when it is already taken. */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  return candidate;
}
