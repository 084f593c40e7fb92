/**
 * Articles as the model gives them (src/model/article.ts), for the components that take articles: a dated
 * blog post with a named author, region and tags; a migrated regional update whose date and author's name
 * were not recorded; a draft.
 */
import type { Article } from "../../src/model/article.ts";

export const datedPost: Article = {
  file: "content/blog/2026/school-funding-pressures.md",
  kind: "blog",
  kindLabel: "Blog post",
  slug: "school-funding-pressures",
  url: "/blog/2026/school-funding-pressures/",
  title: "School funding pressures",
  date: { precision: "day", iso: "2026-03-12" },
  sortDay: "2026-03-12",
  dateText: "12 March 2026",
  dateWords: { text: "12 March 2026", datetime: "2026-03-12" },
  year: 2026,
  author: { key: "jane-doe", name: "Jane Doe", role: "Director of Children's Services, Anyshire", url: "/authors/jane-doe/" },
  region: { key: "north-west", name: "North West", url: "/regions/north-west/" },
  tags: [
    { name: "Funding", slug: "funding", url: "/tags/funding/" },
    { name: "SEND, early years", slug: "send-early-years", url: "/tags/send-early-years/" },
  ],
  subjects: [{ key: "funding", name: "Funding and finance", url: "/subjects/funding/" }],
  subjectsBy: "site",
  summary: "Councils are spending more on children’s services than they budgeted for.",
  draft: false,
  scheduled: false,
  html: "<p>Councils are spending more on children’s services than they budgeted for.</p>",
  images: [],
  text: "Councils are spending more on children’s services than they budgeted for.",
  wordCount: 11,
  readingMinutes: 1,
};

export const undatedUpdate: Article = {
  file: "content/regional-updates/undated/old-update.md",
  kind: "regional-update",
  kindLabel: "Regional update",
  slug: "old-update",
  url: "/regional-updates/undated/old-update/",
  title: "An update from the old site",
  date: { precision: "unknown", between: ["2019-06", "2019-07"] },
  sortDay: "2019-06-30",
  dateText: "Between June and July 2019 (estimated)",
  dateWords: {
    text: "Between June and July 2019",
    qualifier: "estimated",
    note: "The old site did not record this article’s date; it comes between articles the old archive dates June 2019 and July 2019.",
  },
  year: 2019,
  authorRole: "Regional chair",
  tags: [],
  subjects: [],
  subjectsBy: "site",
  summary: "",
  draft: false,
  scheduled: false,
  html: "<p>Old text.</p>",
  images: [],
  text: "Old text.",
  wordCount: 2,
  readingMinutes: 1,
};

export const draftPost: Article = {
  ...datedPost,
  file: "content/blog/2026/a-draft-post.md",
  slug: "a-draft-post",
  url: "/blog/2026/a-draft-post/",
  title: "A draft post",
  draft: true,
};
