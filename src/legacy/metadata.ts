/** Reads legacy/export/metadata.tsv: what is known of each article beyond its text (see the export's README). */
import { BASES, type Basis } from "../content/schema.ts";

export interface MetadataRow {
  exportFile: string;
  /** 0 is the newest blog post; undefined where the metadata gives none. */
  archiveOrder: number | undefined;
  title: string;
  date: string | undefined;
  dateBasis: Basis | undefined;
  author: string | undefined;
  authorBasis: Basis | undefined;
  authorRole: string | undefined;
  region: string | undefined;
  regionBasis: Basis | undefined;
  oldUrl: string | undefined;
  sourceUrl: string | undefined;
  note: string | undefined;
}

const COLUMNS = [
  "export_file", "archive_order", "title", "date", "date_basis", "author", "author_basis", "author_role",
  "region", "region_basis", "old_url", "source_url", "note",
] as const;
type Column = (typeof COLUMNS)[number];

export function parseMetadata(tsv: string): MetadataRow[] {
  const [header = "", ...lines] = tsv.replace(/\r\n?/g, "\n").split("\n").filter((line) => line.trim());
  const names = header.split("\t");
  const missing = COLUMNS.filter((column) => !names.includes(column));
  if (missing.length) throw new Error(`metadata.tsv: missing column(s) ${missing.join(", ")}`);

  return lines.map((line, index) => {
    const cells = line.split("\t");
    const at = `metadata.tsv:${index + 2}`;
    const get = (column: Column) => cells[names.indexOf(column)]?.trim() || undefined;
    const basis = (column: Column) => {
      const value = get(column);
      if (value !== undefined && !(BASES as readonly string[]).includes(value)) throw new Error(`${at}: ${column} "${value}" is not one of ${BASES.join(", ")}`);
      return value as Basis | undefined;
    };
    const order = get("archive_order");
    const date = get("date");
    if (order !== undefined && !/^\d+$/u.test(order)) throw new Error(`${at}: archive_order "${order}" is not a whole number`);
    if (date !== undefined && !/^\d{4}-\d{2}(-\d{2})?$/u.test(date)) throw new Error(`${at}: date "${date}" is not YYYY-MM or YYYY-MM-DD`);
    const title = get("title");
    if (!title) throw new Error(`${at}: the title is empty`);
    return {
      exportFile: get("export_file") ?? "",
      archiveOrder: order === undefined ? undefined : Number(order),
      title,
      date,
      dateBasis: basis("date_basis"),
      author: get("author"),
      authorBasis: basis("author_basis"),
      authorRole: get("author_role"),
      region: get("region"),
      regionBasis: basis("region_basis"),
      oldUrl: get("old_url"),
      sourceUrl: get("source_url"),
      note: get("note"),
    };
  });
}
