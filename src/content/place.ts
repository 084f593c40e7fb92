/**
 * Where an article lives: `content/<kind folder>/<year folder>/<slug>.md`. The folder says the kind and the
 * year, the file name is the URL's slug; the year folder must agree with the article's date.
 */
import { KIND_INFO, KINDS, kindOfFolder, type Kind } from "../core/kinds.ts";
import { SLUG_PATTERN, slugify } from "../core/slugs.ts";

export interface Place {
  kind: Kind;
  /** A four-digit year, or `undated`. */
  folder: string;
  slug: string;
}

/** What the path of a file, relative to the content folder, says about it; a string says what is wrong. */
export function placeOf(relativePath: string): Place | string {
  const parts = relativePath.split("/");
  const kind = kindOfFolder(parts[0] ?? "");
  const folders = KINDS.map((known) => KIND_INFO[known].folder).join("/ or ");
  if (!kind || parts.length !== 3) return `articles live in ${folders}/, in a year folder: e.g. blog/2026/my-post.md`;
  const [, folder, name] = parts as [string, string, string];
  if (!/^\d{4}$/.test(folder) && folder !== "undated") return `the folder "${folder}" should be the article's year, e.g. ${parts[0]}/2026/${name}`;
  const slug = name.replace(/\.md$/, "");
  if (!SLUG_PATTERN.test(slug)) {
    return `the file name "${name}" becomes the URL: use lower-case words joined by hyphens, e.g. "${slugLike(slug)}.md"`;
  }
  return { kind, folder, slug };
}

/** The file of an article, relative to the content folder. */
export function articlePath({ kind, folder, slug }: Place): string {
  return `${KIND_INFO[kind].folder}/${folder}/${slug}.md`;
}

/**
 * The year folder an article's date puts it in: the year of its date; for an undated migrated article,
 * the year its bounds share, else `undated`.
 */
export function yearFolder(fm: { date?: string | undefined; legacy?: { dateBetween?: readonly [string, string] | undefined } | undefined }): string {
  const dates = fm.date !== undefined ? [fm.date] : (fm.legacy?.dateBetween ?? []);
  const years = new Set(dates.map((date) => date.slice(0, 4)));
  return years.size === 1 ? [...years][0]! : "undated";
}

/** A slug-shaped example from what was typed, for messages. */
export function slugLike(text: string): string {
  return slugify(text) || "my-post";
}
