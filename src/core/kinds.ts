/**
 * The kinds of article, and everything the site calls them: the one table every layer reads (the content
 * folders, labels on pages, listing and feed titles, the home page's sections).
 */
export const KINDS = ["blog", "regional-update"] as const;
export type Kind = (typeof KINDS)[number];

export interface KindInfo {
  key: Kind;
  /** The folder under `content/` that holds the kind, and the first part of its URLs. */
  folder: string;
  /** One article of the kind: "Blog post". */
  label: string;
  /** Several, in running text: "blog posts". */
  plural: string;
  /** The listing's heading and navigation label: "Blog". */
  listingTitle: string;
  listingDescription: string;
  feedTitle: string;
  feedSubtitle: string;
}

export const KIND_INFO: Readonly<Record<Kind, KindInfo>> = {
  blog: {
    key: "blog",
    folder: "blog",
    label: "Blog post",
    plural: "blog posts",
    listingTitle: "Blog",
    listingDescription: "Blog posts from directors of children's services",
    feedTitle: "ADCS blog",
    feedSubtitle: "Blog posts by directors of children’s services",
  },
  "regional-update": {
    key: "regional-update",
    folder: "regional-updates",
    label: "Regional update",
    plural: "regional updates",
    listingTitle: "Regional updates",
    listingDescription: "Updates from the ADCS regions",
    feedTitle: "ADCS regional updates",
    feedSubtitle: "Updates from the nine ADCS regions of England",
  },
};

const KIND_BY_FOLDER = new Map(KINDS.map((kind) => [KIND_INFO[kind].folder, kind]));

/** The kind whose content folder is `folder`, if any. */
export function kindOfFolder(folder: string): Kind | undefined {
  return KIND_BY_FOLDER.get(folder);
}

/** The kind named by its key or its folder, as editors may type either (`regional-update`, `regional-updates`). */
export function kindNamed(text: string): Kind | undefined {
  return KINDS.find((kind) => kind === text) ?? kindOfFolder(text);
}
