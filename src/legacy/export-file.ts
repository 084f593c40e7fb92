/**
 * Splits one file of the old site's text export into its articles.
 * The shape is described in legacy/export/README.md: title line, body, an optional tags block, then the
 * related-articles line that ends the article (in the blog file it is also what separates one post from the next).
 */

import type { Kind } from "../core/kinds.ts";

export interface ExportedArticle {
  /** The export file's name. */
  file: string;
  /** Position of the article within its file, from 0. */
  position: number;
  kind: Kind;
  title: string;
  /** Body lines with trailing whitespace removed; leading spaces kept, as they mark list items. */
  bodyLines: string[];
  /** The line after "Tags assigned to this article:", or undefined when the article had no tags block. */
  tagsLine: string | undefined;
}

const TAGS_HEADER = "Tags assigned to this article:";
const ENDINGS: Record<string, Kind> = {
  "Related Blog Articles": "blog",
  "Related Articles": "regional-update",
};

export function splitExport(file: string, text: string): ExportedArticle[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((line) => line.replace(/\s+$/u, ""));
  const articles: ExportedArticle[] = [];
  let open: { title: string; bodyLines: string[]; tagsLine: string | undefined; titleLine: number } | undefined;
  /** Index of the tags header line while inside a tags block. */
  let tagsHeaderAt: number | undefined;

  lines.forEach((line, index) => {
    const kind = ENDINGS[line.trim()];
    if (!open) {
      if (line.trim()) open = { title: line.trim(), bodyLines: [], tagsLine: undefined, titleLine: index + 1 };
      return;
    }
    if (kind) {
      articles.push({ file, position: articles.length, kind, title: open.title, bodyLines: trimBlankEdges(open.bodyLines), tagsLine: open.tagsLine });
      open = undefined;
      tagsHeaderAt = undefined;
    } else if (line.trim() === TAGS_HEADER) {
      tagsHeaderAt = index;
      open.tagsLine = "";
    } else if (tagsHeaderAt !== undefined) {
      // The tags block is exactly one line, possibly empty; more text means the export's shape is not understood.
      if (index === tagsHeaderAt + 1) open.tagsLine = line.trim();
      else if (line.trim()) throw new Error(`${file}:${index + 1}: unexpected text after the tags line of "${open.title}"`);
    } else {
      open.bodyLines.push(line);
    }
  });
  if (open) throw new Error(`${file}:${open.titleLine}: "${open.title}" has no closing "Related ... Articles" line`);
  return articles;
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start]!.trim()) start++;
  while (end > start && !lines[end - 1]!.trim()) end--;
  return lines.slice(start, end);
}
