/**
 * Tags are free text, so "funding" and "Funding", or "Youth Justice" and "youth-justice", would be one tag
 * to a reader but two spellings in the archive. A tag written differently from an existing tag only in
 * case, spacing or punctuation is flagged with the spelling the archive already uses.
 */
import { slugify } from "../core/slugs.ts";
import { LineIndex } from "./line-index.ts";
import type { Problem } from "./problems.ts";

export interface TaggedArticle {
  file: string;
  /** The article's date as written, used to tell which spelling came first; undefined when not recorded. */
  date?: string;
  tags: readonly string[];
  /** Where the article's `index`-th tag is written in the file. */
  tagPosition(index: number): { line: number; column: number };
}

/**
 * What two spellings of one tag have in common: its slug (the tag page's URL, so "Play & Youth" and
 * "Play and Youth" are one tag, as they share one page), without the hyphens, so spacing does not count
 * either ("Youth Justice", "YouthJustice").
 */
export function tagKey(tag: string): string {
  return slugify(tag).replace(/-/g, "");
}

interface Spelling {
  tag: string;
  count: number;
  /** The earliest use, as a sortable `date file` string. */
  first: string;
}

/**
 * The spelling each tag should have: the one most articles use; on a tie, the one used first.
 * Returns a map from `tagKey` to that spelling.
 */
export function preferredSpellings(articles: readonly Pick<TaggedArticle, "file" | "date" | "tags">[]): Map<string, Spelling & { others: number }> {
  const byKey = new Map<string, Map<string, Spelling>>();
  for (const article of articles) {
    const when = `${article.date ?? "9999"} ${article.file}`;
    for (const tag of new Set(article.tags)) {
      const spellings = byKey.get(tagKey(tag)) ?? new Map<string, Spelling>();
      byKey.set(tagKey(tag), spellings);
      const known = spellings.get(tag);
      if (known) spellings.set(tag, { ...known, count: known.count + 1, first: when < known.first ? when : known.first });
      else spellings.set(tag, { tag, count: 1, first: when });
    }
  }
  const preferred = new Map<string, Spelling & { others: number }>();
  for (const [key, spellings] of byKey) {
    const ranked = [...spellings.values()].sort((a, b) => b.count - a.count || a.first.localeCompare(b.first));
    preferred.set(key, { ...ranked[0]!, others: ranked.length - 1 });
  }
  return preferred;
}

/** Every tag written differently from the archive's spelling of the same tag. */
export function checkTagSpellings(articles: readonly TaggedArticle[]): Problem[] {
  const preferred = preferredSpellings(articles);
  const problems: Problem[] = [];
  for (const article of articles) {
    for (const [index, tag] of article.tags.entries()) {
      const best = preferred.get(tagKey(tag))!;
      if (best.tag === tag) continue;
      const uses = best.count === 1 ? "1 article" : `${best.count} articles`;
      problems.push({
        file: article.file,
        ...article.tagPosition(index),
        message: `the tag "${tag}" is written "${best.tag}" in ${uses}: did you mean "${best.tag}"? (one spelling keeps them on one tag page)`,
      });
    }
  }
  return problems;
}

/**
 * Where a tag is written: the first occurrence of its text at or after where the `tags` field starts.
 * Falls back to the field itself.
 */
export function locateTag(
  text: string,
  field: { line: number; column: number },
  tags: readonly string[],
): (index: number) => { line: number; column: number } {
  const lines = new LineIndex(text);
  const offsets: (number | undefined)[] = [];
  // Start after `tags:`, so that a tag such as "tag" is not found in the key itself.
  const key = lines.offset(field);
  let cursor = text.indexOf(":", key) + 1 || key;
  for (const tag of tags) {
    const found = text.indexOf(tag, cursor);
    offsets.push(found === -1 ? undefined : found);
    if (found !== -1) cursor = found + tag.length;
  }
  return (index) => {
    const offset = offsets[index];
    return offset === undefined ? field : lines.position(offset);
  };
}
