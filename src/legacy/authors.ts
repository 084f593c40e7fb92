/**
 * The authors the metadata names, as entries for content/_data/authors.yaml. Entries already in the file
 * are editors' to change: the importer only adds missing ones.
 */
import { Document, isMap, isScalar, parseDocument } from "yaml";
import type { AuthorData } from "../content/schema.ts";
import type { MetadataRow } from "./metadata.ts";
import { cleanRole, mergeRoles } from "./role.ts";
import { slugOf } from "./slug.ts";

const HEADER = " Authors: the key (left) is what articles put in `author:`.";

/** Author key → entry, from rows in archive order; a role is the known parts of every row's role. */
export function authorsOf(rows: readonly MetadataRow[]): { authors: Map<string, AuthorData>; warnings: string[] } {
  const authors = new Map<string, AuthorData>();
  const warnings: string[] = [];
  for (const row of rows) {
    if (!row.author) continue;
    const key = slugOf(row.author);
    const known = authors.get(key);
    if (known && known.name !== row.author) warnings.push(`authors "${known.name}" and "${row.author}" share the key ${key}: the first is kept`);
    const role = mergeRoles([known?.role, cleanRole(row.authorRole)]);
    authors.set(key, { name: known?.name ?? row.author, ...(role && { role }) });
  }
  return { authors, warnings };
}

/** The authors file with the missing entries added, sorted by key; existing entries are left as they are. */
export function mergeAuthorsYaml(existing: string | undefined, authors: ReadonlyMap<string, AuthorData>): { text: string; added: string[] } {
  const doc: Document = existing?.trim() ? parseDocument(existing) : new Document({});
  if (!existing?.trim()) doc.commentBefore = HEADER;
  if (doc.errors.length) throw new Error(`content/_data/authors.yaml cannot be read: ${doc.errors[0]!.message}`);
  const map = doc.contents;
  if (!isMap(map)) throw new Error("content/_data/authors.yaml should be a map of author keys to entries");
  map.flow = false;

  const added = [...authors.keys()].filter((key) => !doc.has(key)).sort();
  for (const key of added) doc.set(key, doc.createNode(authors.get(key)));
  keepHeaderComment(doc);
  map.items.sort((a, b) => keyText(a.key).localeCompare(keyText(b.key), "en"));
  return { text: doc.toString({ lineWidth: 0 }), added };
}

/** A comment above the first entry heads the file, so it must not move with that entry when sorting. */
function keepHeaderComment(doc: Document): void {
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  if (!isScalar(first) || !first.commentBefore) return;
  doc.commentBefore = [doc.commentBefore, first.commentBefore].filter(Boolean).join("\n");
  first.commentBefore = undefined;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}
