/**
 * The glossary (`content/_data/glossary.yaml`): the sector's acronyms and the words they stand for, edited
 * by editors. Search uses it both ways (src/model/site.ts gives each article the terms it uses, which the
 * index holds beside its text), and the search page reads an all-capitals query as the acronym, not the
 * word ("SEND", not "send").
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument, isMap, isScalar } from "yaml";
import { UserError } from "../core/errors.ts";

export const GLOSSARY_FILE = "_data/glossary.yaml";

export interface GlossaryEntry {
  /** "UASC": capitals (a lower-case letter may follow the first, as in "DfE"). */
  acronym: string;
  /** "unaccompanied asylum-seeking children". */
  expansion: string;
}

const ACRONYM = /^[A-Z][A-Za-z]*[A-Z]$/;

/**
 * Reads the glossary from its YAML text; a wrong entry is a `UserError` naming the file, its line and what
 * an entry looks like.
 *
 * @example parseGlossary("UASC: unaccompanied asylum-seeking children\n", "content/_data/glossary.yaml")
 */
export function parseGlossary(source: string, file: string): GlossaryEntry[] {
  const document = parseDocument(source);
  const lineOf = (offset = 0) => source.slice(0, offset).split("\n").length;
  const wrong = (line: number, problem: string) =>
    new UserError({
      where: `${file}:${line}`,
      problem,
      fix: "write one entry a line, the acronym in capitals, a colon, then its words (`UASC: unaccompanied asylum-seeking children`)",
    });
  if (document.errors.length) throw wrong(lineOf(document.errors[0]!.pos[0]), document.errors[0]!.message);
  if (document.contents === null) return [];
  if (!isMap(document.contents)) throw wrong(1, "the glossary is not a list of `ACRONYM: words`");
  return document.contents.items.map((pair) => {
    const key = isScalar(pair.key) ? pair.key : undefined;
    const line = lineOf(key?.range?.[0]);
    const acronym = String(key?.value ?? "");
    const expansion = isScalar(pair.value) ? String(pair.value.value ?? "").trim() : "";
    if (!ACRONYM.test(acronym)) throw wrong(line, `"${acronym}" is not an acronym in capitals`);
    if (!expansion) throw wrong(line, `"${acronym}" has no words after the colon`);
    return { acronym, expansion };
  });
}

/** The glossary of a content folder; none if the folder has no glossary file. */
export async function loadGlossary(contentDir: string): Promise<GlossaryEntry[]> {
  const file = path.join(contentDir, GLOSSARY_FILE);
  const source = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  return source === undefined ? [] : parseGlossary(source, path.relative(process.cwd(), file));
}

/** Words compared without case, punctuation or hyphens: "Asylum-seeking" and "asylum seeking" meet. */
function words(text: string): string {
  return ` ${text
    .toLocaleLowerCase("en-GB")
    .replace(/[’']/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/**
 * The entries a text uses, either way: by the acronym (as a word in capitals, or its plural "UASCs") or by
 * its words spelt out.
 *
 * @example glossaryTermsIn("Most UASCs arrive…", glossary) // [{ acronym: "UASC", expansion: "unaccompanied asylum-seeking children" }]
 */
export function glossaryTermsIn(text: string, glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  const spelt = words(text);
  return glossary.filter(
    ({ acronym, expansion }) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${acronym}s?(?![\\p{L}\\p{N}])`, "u").test(text) ||
      spelt.includes(words(expansion)),
  );
}

/**
 * What the search index holds beside an article's text so that each term it uses is found both ways:
 * "UASC unaccompanied asylum-seeking children" for an article that writes either; "" if it uses none.
 */
export function searchTerms(text: string, glossary: readonly GlossaryEntry[]): string {
  return glossaryTermsIn(text, glossary)
    .map(({ acronym, expansion }) => `${acronym} ${expansion}.`)
    .join(" ");
}
