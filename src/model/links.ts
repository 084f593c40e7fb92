/**
 * Links as the layout components take them (govuk-frontend's option names), and the pages the navigation,
 * the footer and the breadcrumbs link to, named alike everywhere.
 */
import { ARCHIVE_URL, AUTHORS_URL, HOME_URL, REGIONS_URL, SUBJECTS_URL, TAGS_URL } from "../core/urls.ts";
import type { Article } from "./article.ts";

/**
 * A link as the layout components take it (govuk-frontend's option names): `text` to show, `href` a site
 * path that templates put under the path prefix with the `url` filter.
 */
export interface Link {
  text: string;
  href: string;
}

/** A link in a `linkList`, with what it is in a few words after it ("Blog post, 12 July 2019"). */
export interface LinkItem extends Link {
  hint?: string;
}

/** A card in a `countList` (the regions, tags, authors and years indexes): "North West · 12 articles". */
export interface CountItem extends Link {
  countText: string;
  /** Shown between the link and the count: an author's role. */
  hint?: string;
}

/** A tag in an article's `tagList`: shows "Funding (2)", read as "Funding (2 articles)". */
export interface TagItem extends Link {
  /** The number alone: "2". */
  count: string;
  /** The noun only screen readers hear after it: "articles", "article". */
  visuallyHiddenText: string;
}

/** A breadcrumb: where a page sits. */
export type Crumb = Link;

export const HOME: Link = { text: "Home", href: HOME_URL };
export const REGIONS: Link = { text: "Regions", href: REGIONS_URL };
export const TAGS: Link = { text: "Tags", href: TAGS_URL };
export const SUBJECTS: Link = { text: "Subjects", href: SUBJECTS_URL };
export const AUTHORS: Link = { text: "Authors", href: AUTHORS_URL };
export const ARCHIVE: Link = { text: "Archive", href: ARCHIVE_URL };

export const linkTo = (article: Article): Link => ({ text: article.title, href: article.url });
/** A link to an article with its date after it, for the lists of one region's or author's articles. */
export const dated = (article: Article): LinkItem => ({ ...linkTo(article), hint: article.dateText });
