/** The export holds some articles twice (a post exported on its own and again in the blog file): keep one. */
import type { ExportedArticle } from "./export-file.ts";

export interface DuplicateMerge {
  kept: ExportedArticle;
  dropped: ExportedArticle;
}

export interface Deduplicated {
  articles: ExportedArticle[];
  merges: DuplicateMerge[];
  /** Same kind and title but different text: both are kept, and an editor must decide. */
  conflicts: string[];
}

/**
 * Two copies are the same article when kind, title and words of the body agree. The copy that `preferred`
 * picks (the one the metadata describes) is kept; it takes the other copy's tags line when it has none.
 */
export function mergeDuplicates(articles: readonly ExportedArticle[], preferred: (article: ExportedArticle) => boolean): Deduplicated {
  const byKey = new Map<string, ExportedArticle>();
  const merges: DuplicateMerge[] = [];
  const conflicts: string[] = [];
  const kept: ExportedArticle[] = [];

  for (const article of articles) {
    const key = `${article.kind}\n${article.title}\n${words(article.bodyLines)}`;
    const earlier = byKey.get(key);
    if (!earlier) {
      if (kept.some((other) => other.kind === article.kind && other.title === article.title)) {
        conflicts.push(`"${article.title}" is exported twice with different text (${article.file}); both copies are imported`);
      }
      byKey.set(key, article);
      kept.push(article);
      continue;
    }
    const [keep, drop] = preferred(article) && !preferred(earlier) ? [article, earlier] : [earlier, article];
    const merged = { ...keep, tagsLine: keep.tagsLine || drop.tagsLine };
    kept[kept.indexOf(earlier)] = merged;
    byKey.set(key, merged);
    merges.push({ kept: merged, dropped: drop });
  }
  return { articles: kept, merges, conflicts };
}

function words(lines: readonly string[]): string {
  return lines.join(" ").split(/\s+/u).filter(Boolean).join(" ");
}
