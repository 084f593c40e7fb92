/**
 * Works out every file the import should produce, without touching the disk: export files and metadata
 * in, Markdown files and authors out, with what was merged and everything that could not be known.
 */
import { articlePath, yearFolder } from "../content/place.ts";
import type { AuthorData } from "../content/schema.ts";
import { authorsOf } from "./authors.ts";
import { parseBody } from "./blocks.ts";
import { undatedBounds } from "./date-bounds.ts";
import { mergeDuplicates } from "./duplicates.ts";
import { splitExport, type ExportedArticle } from "./export-file.ts";
import { applyCorrections, checkAllUsed, type Correction } from "./corrections.ts";
import { buildFrontMatter, frontMatterYaml, withCorrections } from "./front-matter.ts";
import { blocksToMarkdown } from "./markdown.ts";
import { parseMetadata, type MetadataRow } from "./metadata.ts";
import type { RegionNames } from "./regions.ts";
import { slugOf, uniqueSlug } from "./slug.ts";
import { parseTagsLine } from "./tags.ts";

export interface ExportSource {
  name: string;
  text: string;
}

export interface PlannedFile {
  /** Project-relative path, with forward slashes. */
  path: string;
  text: string;
  article: ExportedArticle;
}

export interface ImportPlan {
  files: PlannedFile[];
  authors: Map<string, AuthorData>;
  /** One line per duplicate copy that was merged into another. */
  merged: string[];
  warnings: string[];
}

export function planImport(sources: readonly ExportSource[], metadataTsv: string, regions: RegionNames, corrections: readonly Correction[] = []): ImportPlan {
  const rows = parseMetadata(metadataTsv);
  const warnings: string[] = [];
  const rowByTitle = new Map<string, MetadataRow>();
  for (const row of rows) {
    if (rowByTitle.has(row.title)) warnings.push(`metadata.tsv has two rows titled "${row.title}": the first is used`);
    else rowByTitle.set(row.title, row);
  }

  const exported = sources.flatMap((source) => splitExport(source.name, source.text));
  const { articles, merges, conflicts } = mergeDuplicates(exported, (article) => rowByTitle.get(article.title)?.exportFile === article.file);
  warnings.push(...conflicts);
  for (const row of rows) {
    if (!articles.some((article) => article.title === row.title)) warnings.push(`metadata.tsv row "${row.title}" matches no exported article`);
  }

  const bounds = undatedBounds(rows.flatMap((row) => (row.archiveOrder === undefined ? [] : [{ order: row.archiveOrder, date: row.date }])));
  const slugsByFolder = new Map<string, Set<string>>();
  const files: PlannedFile[] = [];
  for (const article of inSlugOrder(articles, rowByTitle)) {
    const row = rowByTitle.get(article.title);
    const dateBetween = row?.archiveOrder === undefined ? undefined : bounds.get(row.archiveOrder);
    const tags = parseTagsLine(article.tagsLine);
    const { frontMatter: exported, warnings: articleWarnings } = buildFrontMatter({ kind: article.kind, title: article.title, tags, row, dateBetween }, regions);
    if (!row) articleWarnings.unshift("no row in metadata.tsv");

    const place = { kind: article.kind, folder: yearFolder(exported) };
    const folder = `${place.kind}/${place.folder}`;
    const taken = slugsByFolder.get(folder) ?? new Set<string>();
    // The slug comes from the export's title even when a correction gives the full one: addresses stay as published.
    const slug = uniqueSlug(slugOf(article.title), taken);
    slugsByFolder.set(folder, taken.add(slug));
    const path = `content/${articlePath({ ...place, slug })}`;
    const corrected = applyCorrections(article.title, article.bodyLines, corrections.filter((correction) => correction.article === path));
    const frontMatter = withCorrections(exported, corrected);
    files.push({ path, text: `${frontMatterYaml(frontMatter)}\n${blocksToMarkdown(parseBody(corrected.bodyLines))}`, article });
    if (articleWarnings.length) warnings.push(`${path}: ${articleWarnings.join("; ")}`);
  }

  checkAllUsed(corrections, new Set(files.map((file) => file.path)));
  const authors = authorsOf([...rows].sort((a, b) => (a.archiveOrder ?? Infinity) - (b.archiveOrder ?? Infinity)));
  warnings.push(...authors.warnings);
  return {
    files: files.sort((a, b) => (a.path < b.path ? -1 : 1)),
    authors: authors.authors,
    merged: merges.map(({ kept, dropped }) => `"${kept.title}": the copy in ${dropped.file} merged into the one in ${kept.file}`),
    warnings,
  };
}

/** Oldest first, so that when two articles share a slug the earlier one keeps the plain slug, as on the old site. */
function inSlugOrder(articles: readonly ExportedArticle[], rowByTitle: ReadonlyMap<string, MetadataRow>): ExportedArticle[] {
  const order = (article: ExportedArticle) => rowByTitle.get(article.title)?.archiveOrder ?? -1;
  return [...articles].sort((a, b) => a.kind.localeCompare(b.kind) || order(b) - order(a) || a.file.localeCompare(b.file) || a.position - b.position);
}
