/**
 * The glossary (`content/_data/glossary.yaml`): the sector's acronyms and the words they stand for, edited
 * by editors. Read and checked with every other content file (a wrong entry is a problem at its line, in the
 * same run); search uses it both ways (`src/model/glossary.ts`).
 */
import type { Problem } from "./problems.ts";
import type { YamlSource } from "./source.ts";

export const GLOSSARY_FILE = { path: "_data/glossary.yaml", holds: "the acronyms search knows both ways" } as const;

export interface GlossaryEntry {
  /** "UASC": capitals (a lower-case letter may follow the first, as in "DfE"). */
  acronym: string;
  /** "unaccompanied asylum-seeking children". */
  expansion: string;
}

const ACRONYM = /^[A-Z][A-Za-z]*[A-Z]$/;
const FIX = "write one entry a line, the acronym in capitals, a colon, then its words (`UASC: unaccompanied asylum-seeking children`)";

/** The entries of a read glossary file, and a problem at its line for each wrong one. */
export function validateGlossary(source: YamlSource): { glossary: GlossaryEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const glossary: GlossaryEntry[] = [];
  // A file that cannot be read as fields has its problems already (src/content/source.ts).
  if (source.problems.length) return { glossary, problems };
  for (const [acronym, value] of Object.entries(source.data as Record<string, unknown>)) {
    const report = (problem: string) => problems.push({ file: source.file, ...source.position([acronym]), message: `${problem}: ${FIX}` });
    const expansion = typeof value === "string" ? value.trim() : "";
    if (!ACRONYM.test(acronym)) report(`"${acronym}" is not an acronym in capitals`);
    else if (!expansion) report(`"${acronym}" has no words after the colon`);
    else glossary.push({ acronym, expansion });
  }
  return { glossary, problems };
}
