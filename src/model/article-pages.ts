/**
 * Each article's page: the article and what stands around it (previous and next of its kind, related
 * articles, more from its region and by its author, its tags with their counts, its breadcrumbs).
 */
import { KIND_INFO, type KindInfo } from "../core/kinds.ts";
import { kindUrl } from "../core/urls.ts";
import type { Article } from "./article.ts";

import { countParts } from "../core/words.ts";
import type { ArchiveGroups } from "./groups.ts";
import { dated, HOME, linkTo, type Crumb, type Link, type LinkItem, type TagItem } from "./links.ts";
import { relatedArticles } from "./related.ts";

/** One of the "More from…" and "More by…" sections below an article. */
export interface MoreSection {
  /** Names the section's heading id: `more-region-heading`. */
  key: "region" | "author";
  /** "More from North West". */
  heading: string;
  items: LinkItem[];
  /** "All articles from North West". */
  link: Link;
}

export interface ArticlePage {
  title: string;
  description: string;
  article: Article;
  /** The article's kind, for the words around it ("Previous and next blog posts"). */
  kind: KindInfo;
  /** Shown only in the preview: why the article is not published. */
  notice?: { label: "Draft" | "Scheduled"; text: string };
  /** "4 minute read". */
  readingTimeText: string;
  /** The next older and newer article of the same kind. */
  previous?: Link;
  next?: Link;
  related: LinkItem[];
  /** More from the article's region, then more by its author, where there are any. */
  more: MoreSection[];
  /** Each of the article's tags with how many articles carry it. */
  tags: TagItem[];
  /** Its subjects with how many articles each has, under a heading that says who gave them; absent with none. */
  subjects?: { heading: string; items: TagItem[] };
  crumbs: Crumb[];
}

const MORE_LIMIT = 4;
/** Readers are told whose judgement a subject is: the site's rules (src/model/subjects.ts) or the editor's. */
const SUBJECTS_HEADING = {
  site: "Subjects (assigned by the site)",
  editor: "Subjects (chosen by the editor)",
} as const;
const NOT_PUBLISHED = "this article is not published. It is shown only in the preview.";

export function articlePages({
  articles,
  ofKind,
  byKind,
  byRegion,
  byAuthor: byAuthorKey,
  tags,
  subjects,
}: ArchiveGroups): ArticlePage[] {
  const tagCounts = new Map(tags.map((tag) => [tag.slug, tag]));
  const subjectCounts = new Map(subjects.map((subject) => [subject.key, subject]));
  const related = relatedArticles(
    articles.map((article) => ({
      id: article.url,
      title: article.title,
      text: article.text,
      tags: article.tags.map((tag) => tag.slug),
      region: article.region?.key,
      author: article.author?.key,
      draft: article.draft || article.scheduled,
      source: article,
    })),
  );
  const byUrl = new Map(articles.map((article) => [article.url, article]));
  const positions = new Map(
    [...byKind.values()].flatMap((list) => list.map((article, index) => [article, index] as const)),
  );
  return articles.map((article): ArticlePage => {
    const sameKind = ofKind(article.kind);
    const index = positions.get(article)!;
    const others = (group: readonly Article[] | undefined) =>
      (group ?? []).filter((a) => a !== article).slice(0, MORE_LIMIT);
    const newer = index > 0 ? sameKind[index - 1] : undefined;
    const older = index < sameKind.length - 1 ? sameKind[index + 1] : undefined;
    const fromRegion = others(article.region && byRegion.get(article.region.key));
    const byAuthor = others(article.author && byAuthorKey.get(article.author.key));
    const unpublished = article.draft ? "Draft" : article.scheduled ? "Scheduled" : undefined;
    const more = [
      article.region && moreSection("region", `from ${article.region.name}`, article.region.url, fromRegion),
      article.author && moreSection("author", `by ${article.author.name}`, article.author.url, byAuthor),
    ].filter((section): section is MoreSection => !!section);
    return {
      title: article.title,
      description: article.summary,
      article,
      kind: KIND_INFO[article.kind],
      ...(unpublished && { notice: { label: unpublished, text: NOT_PUBLISHED } }),
      readingTimeText: `${article.readingMinutes} minute read`,
      ...(older && { previous: linkTo(older) }),
      ...(newer && { next: linkTo(newer) }),
      related: (related.get(article.url) ?? []).map((url) => {
        const other = byUrl.get(url)!;
        return { ...linkTo(other), hint: `${other.kindLabel}, ${other.dateText}` };
      }),
      more,
      tags: article.tags.map((tag) => {
        const { numberText, nounText } = countParts(tagCounts.get(tag.slug)?.count ?? 1);
        return { text: tag.name, href: tag.url, count: numberText, visuallyHiddenText: nounText };
      }),
      ...(article.subjects.length && {
        subjects: {
          heading: SUBJECTS_HEADING[article.subjectsBy],
          items: article.subjects.map((subject) => {
            const { numberText, nounText } = countParts(subjectCounts.get(subject.key)?.count ?? 1);
            return { text: subject.name, href: subject.url, count: numberText, visuallyHiddenText: nounText };
          }),
        },
      }),
      crumbs: [HOME, { text: KIND_INFO[article.kind].listingTitle, href: kindUrl(article.kind) }],
    };
  });
}

/** "More from North West" with its articles and "All articles from North West"; undefined with none. */
function moreSection(
  key: MoreSection["key"],
  whose: string,
  href: string,
  articles: readonly Article[],
): MoreSection | undefined {
  if (!articles.length) return undefined;
  return { key, heading: `More ${whose}`, items: articles.map(dated), link: { text: `All articles ${whose}`, href } };
}
