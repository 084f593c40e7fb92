/**
 * The published articles grouped every way the site lists them (by kind, region, author, tag and year),
 * with the summaries the indexes show: computed once per build, read by the listings and the article pages.
 */
import type { SiteData } from "../content/validate.ts";
import type { Kind } from "../core/kinds.ts";
import { authorUrl, regionUrl, subjectUrl } from "../core/urls.ts";
import type { Article } from "./article.ts";
import {
  groupBy,
  tagSummaries,
  yearSummaries,
  type AuthorSummary,
  type RegionSummary,
  type SubjectSummary,
  type TagSummary,
  type YearSummary,
} from "./collections.ts";
import { countText } from "../core/words.ts";

export interface ArchiveGroups {
  /** Newest first, as everywhere. */
  articles: Article[];
  ofKind(kind: Kind): Article[];
  byKind: Map<Kind, Article[]>;
  byRegion: Map<string, Article[]>;
  byAuthor: Map<string, Article[]>;
  byTag: Map<string, Article[]>;
  bySubject: Map<string, Article[]>;
  regions: RegionSummary[];
  /** Every subject of `_data/subjects.yaml`, by name, with its published articles counted. */
  subjects: SubjectSummary[];
  /** Authors with at least one article, by name. */
  authors: AuthorSummary[];
  tags: TagSummary[];
  years: YearSummary[];
}

export function groupArchive(articles: Article[], data: SiteData): ArchiveGroups {
  const byKind = groupBy(articles, (article) => [article.kind]);
  const byRegion = groupBy(articles, (article) => (article.region ? [article.region.key] : []));
  const byAuthor = groupBy(articles, (article) => (article.author ? [article.author.key] : []));
  const byTag = groupBy(articles, (article) => article.tags.map((tag) => tag.slug));
  const bySubject = groupBy(articles, (article) => article.subjects.map((subject) => subject.key));
  const subjects: SubjectSummary[] = (data.subjects ?? [])
    .map(({ key, name, description }) => {
      const count = bySubject.get(key)?.length ?? 0;
      return { key, name, description, url: subjectUrl(key), count, countText: countText(count) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  const regions: RegionSummary[] = Object.entries(data.regions).map(([key, region]) => {
    const count = byRegion.get(key)?.length ?? 0;
    return { key, name: region.name, url: regionUrl(key), count, countText: countText(count) };
  });
  const authors: AuthorSummary[] = Object.entries(data.authors)
    .map(([key, author]) => {
      const count = byAuthor.get(key)?.length ?? 0;
      return { key, ...author, url: authorUrl(key), count, countText: countText(count) };
    })
    .filter((author) => author.count > 0)
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  return {
    articles,
    ofKind: (kind) => byKind.get(kind) ?? [],
    byKind,
    byRegion,
    byAuthor,
    byTag,
    bySubject,
    regions,
    subjects,
    authors,
    tags: tagSummaries(articles),
    years: yearSummaries(articles),
  };
}
