/**
 * The words and links of every page's frame (layouts/_includes/base.njk) and of the pages that are not in
 * the model (home, the indexes, search, accessibility, 404): the site's name, navigation, search box, menu,
 * footer, the organisation behind it (content/_data/site.yaml) and the social card.
 */
import type { SiteData } from "../content/validate.ts";
import { KIND_INFO, KINDS } from "../core/kinds.ts";
import {
  ACCESSIBILITY_URL,
  ARCHIVE_URL,
  AUTHORS_URL,
  feedUrls,
  HOME_URL,
  kindUrl,
  REGIONS_URL,
  SEARCH_INDEX_URL,
  SEARCH_URL,
  SITEMAP_URL,
  SUBJECTS_URL,
  SUBSCRIBE_URL,
  TAGS_URL,
} from "../core/urls.ts";
import { ARCHIVE, AUTHORS, HOME, REGIONS, SUBJECTS, TAGS, type Crumb, type Link } from "./links.ts";
import { ownerOf, statementOf, type Owner, type StatementFacts } from "./owner.ts";

export interface SiteName {
  /** "ADCS blog and regional updates". */
  text: string;
  /** The header shows the name in two parts: "ADCS" and, smaller, "blog and regional updates". */
  organisation: string;
  service: string;
}

/** Site paths of the pages that are not in the model (their permalinks) and that templates link to, from `src/core/urls.ts`. */
export interface SiteUrls {
  home: string;
  search: string;
  archive: string;
  regions: string;
  subjects: string;
  tags: string;
  authors: string;
  accessibility: string;
  sitemap: string;
  subscribe: string;
  /** Pagefind's script, which the search page loads. */
  searchScript: string;
}

/** The one image shared links show (made by scripts/social-card.ts; the file is in `assets/`). */
export const SOCIAL_CARD = {
  asset: "social-card.png",
  width: 1200,
  height: 630,
  alt: "ADCS blog and regional updates, in white on the site’s dark blue",
} as const;
export const SITE_NAME: SiteName = {
  text: "ADCS blog and regional updates",
  organisation: "ADCS",
  service: "blog and regional updates",
};
export interface PageFrame {
  name: SiteName;
  /** The main navigation: each kind's listing and the indexes (search is the header's search box). */
  navigation: Link[];
  /** On narrow screens the navigation and search fold behind this button (shown only where script runs). */
  menu: { buttonText: string; id: string };
  /** The header's search box. */
  searchForm: { href: string; labelText: string; buttonText: string };
  /** The Atom feed of every article, linked from every page's head. */
  feed: { href: string; title: string };
  /** The footer's sentence about the site. */
  footerText: string;
  footerLinks: Link[];
  /** The organisation whose site this is (content/_data/site.yaml): absent when the site data gives none. */
  owner?: Owner;
  /** The accessibility statement's facts from the site data (how to report a problem, enforcement, dates). */
  statement?: StatementFacts;
  /** The image shared links show: its file in `assets/`, size and words for those who cannot see it. */
  socialCard: typeof SOCIAL_CARD;
  /** The link at the end of a long page (listings and articles) back to its top, after GOV.UK's back-to-top pattern. */
  backToTop: Link;
  urls: SiteUrls;
  /** Breadcrumb trails of the pages that are not in the model (front-matter `trail: home`). */
  trails: { home: Crumb[] };
}

export function pageFrame(data: SiteData): PageFrame {
  return {
    name: SITE_NAME,
    socialCard: SOCIAL_CARD,
    navigation: [
      ...KINDS.map((kind) => ({ text: KIND_INFO[kind].listingTitle, href: kindUrl(kind) })),
      SUBJECTS,
      REGIONS,
      ARCHIVE,
    ],
    // The header's search box is the way to search: a "Search" link beside it would say it twice.
    searchForm: { href: SEARCH_URL, labelText: "Search the archive", buttonText: "Search" },
    menu: { buttonText: "Menu", id: "site-menu" },
    feed: { href: feedUrls(HOME_URL).atom, title: "All articles (Atom)" },
    footerText: "The blog and regional updates of the Association of Directors of Children’s Services (ADCS), England.",
    footerLinks: [
      // People are never sent to a feed file: a browser shows it as raw XML. The subscribe page explains.
      { text: "Subscribe with a feed reader", href: SUBSCRIBE_URL },
      AUTHORS,
      // The old site's few tags: kept for their links, but subjects are the way to browse by what articles are about.
      TAGS,
      { text: "Accessibility statement", href: ACCESSIBILITY_URL },
    ],
    ...(data.site && { owner: ownerOf(data.site), statement: statementOf(data.site) }),
    backToTop: { text: "Back to top", href: "#top" },
    urls: {
      home: HOME_URL,
      search: SEARCH_URL,
      archive: ARCHIVE_URL,
      regions: REGIONS_URL,
      subjects: SUBJECTS_URL,
      tags: TAGS_URL,
      authors: AUTHORS_URL,
      accessibility: ACCESSIBILITY_URL,
      sitemap: SITEMAP_URL,
      subscribe: SUBSCRIBE_URL,
      searchScript: `${SEARCH_INDEX_URL}pagefind.js`,
    },
    trails: { home: [HOME] },
  };
}
