/**
 * Builds an imported article's front-matter (the contract is src/content/schema.ts) from what the export
 * and its metadata say, and nothing more: an unknown fact is left out and reported, never guessed.
 */
import { Document, type YAMLSeq } from "yaml";
import type { FrontMatter, LegacyInfo } from "../content/schema.ts";
import type { Kind } from "../core/kinds.ts";
import type { CorrectedArticle } from "./corrections.ts";
import type { MetadataRow } from "./metadata.ts";
import { monthInTitle, regionInTitle, regionKeyOf, type RegionNames } from "./regions.ts";
import { cleanRole } from "./role.ts";
import { derivedOldUrl, isCutShort, slugOf } from "./slug.ts";

export interface ArticleFacts {
  kind: Kind;
  title: string;
  tags: string[];
  row: MetadataRow | undefined;
  /** For an undated blog post: the dates of its dated neighbours in archive order, older first. */
  dateBetween: [string, string] | undefined;
}

export function buildFrontMatter(facts: ArticleFacts, regions: RegionNames): { frontMatter: FrontMatter; warnings: string[] } {
  const { kind, title, tags, row } = facts;
  const warnings: string[] = [];
  const legacy: Partial<LegacyInfo> = {};

  if (row?.archiveOrder !== undefined) legacy.order = row.archiveOrder;
  else warnings.push("archive order unknown (none in metadata.tsv): legacy.order omitted");

  const oldUrl = row?.oldUrl ?? (kind === "blog" ? derivedOldUrl(title) : undefined);
  if (oldUrl) {
    legacy.oldUrl = oldUrl;
    legacy.oldUrlBasis = row?.oldUrl ? "confirmed" : "derived";
  } else {
    warnings.push(kind === "blog" ? "old URL unknown (title cut short, so none derived)" : "old URL unknown");
  }
  if (isCutShort(title)) warnings.push(`title may be cut short in the export ("${title}")`);

  const date = kind === "regional-update" ? titleOrRow(monthInTitle(title), row?.date, "date", warnings) : row?.date;
  if (date) {
    legacy.dateBasis = kind === "regional-update" && monthInTitle(title) ? "title" : row?.dateBasis;
    if (!legacy.dateBasis) warnings.push("date has no basis in metadata.tsv");
  } else if (facts.dateBetween) {
    legacy.dateBetween = facts.dateBetween;
    warnings.push(`date unknown (between ${facts.dateBetween.join(" and ")})`);
  } else {
    warnings.push("date unknown, with no dated neighbour on one side: no dateBetween");
  }

  const author = row?.author ? slugOf(row.author) : undefined;
  if (author) legacy.authorBasis = row?.authorBasis;
  const role = author ? undefined : cleanRole(row?.authorRole);
  if (role) legacy.authorRole = role;
  if (!author) warnings.push(role ? `author unknown (role: ${role})` : "author unknown");

  const regionFromTitle = kind === "regional-update" ? regionInTitle(title, regions) : undefined;
  const regionFromRow = row?.region ? regionKeyOf(row.region, regions) : undefined;
  if (row?.region && !regionFromRow) warnings.push(`region "${row.region}" in metadata.tsv is not a known region: omitted`);
  const region = titleOrRow(regionFromTitle, regionFromRow, "region", warnings);
  if (region) legacy.regionBasis = regionFromTitle ? "title" : row?.regionBasis;
  else warnings.push("region unknown");

  if (row?.note) legacy.note = row.note;

  const frontMatter: FrontMatter = {
    title,
    ...(date && { date }),
    ...(author && { author }),
    ...(region && { region }),
    ...(tags.length && { tags }),
    legacy: orderLegacy(legacy) as LegacyInfo,
  };
  return { frontMatter, warnings };
}

/** The front-matter with the corrections applied (src/legacy/corrections.ts): the title shown and their record. */
export function withCorrections(frontMatter: FrontMatter, corrected: CorrectedArticle): FrontMatter {
  return { ...frontMatter, title: corrected.title, legacy: orderLegacy({ ...frontMatter.legacy, ...corrected.legacy }) as LegacyInfo };
}

/** A regional update's title is the better source; the metadata is a fallback and a cross-check. */
function titleOrRow(fromTitle: string | undefined, fromRow: string | undefined, what: string, warnings: string[]): string | undefined {
  if (fromTitle && fromRow && fromTitle !== fromRow) warnings.push(`${what} from the title (${fromTitle}) differs from metadata.tsv (${fromRow}): the title's is used`);
  return fromTitle ?? fromRow;
}

const LEGACY_ORDER: (keyof LegacyInfo)[] = [
  "order", "oldUrl", "oldUrlBasis", "dateBasis", "dateBetween", "authorBasis", "authorRole", "regionBasis", "exportTitle", "titleShortened", "note", "corrections",
];

function orderLegacy(legacy: Partial<LegacyInfo>): Partial<LegacyInfo> {
  return Object.fromEntries(LEGACY_ORDER.filter((key) => legacy[key] !== undefined).map((key) => [key, legacy[key]]));
}

/**
 * YAML 1.1 output, so that a date-like string is quoted and reads back as text with gray-matter's YAML 1.1
 * parser as well as with `yaml`; lists of tags and bounds stay on one line.
 */
export function frontMatterYaml(frontMatter: FrontMatter): string {
  const doc = new Document(frontMatter, { version: "1.1" });
  for (const path of [["tags"], ["legacy", "dateBetween"]]) {
    const node = doc.getIn(path, true) as YAMLSeq | undefined;
    if (node) node.flow = true;
  }
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`;
}
