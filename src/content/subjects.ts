/**
 * The subjects readers browse by (`content/_data/subjects.yaml`): each with its name, a one-line description
 * and the words and phrases that mark an article as being about it. Read and checked with every other
 * content file (a wrong entry is a problem at its line, in the same run); the rules that assign subjects
 * to articles are in `src/model/subjects.ts`.
 */
import type { Problem } from "./problems.ts";
import type { YamlSource } from "./source.ts";
import { suggestField } from "./messages.ts";
import { SLUG_PATTERN, slugify } from "../core/slugs.ts";

export const SUBJECTS_FILE = { path: "_data/subjects.yaml", holds: "the subjects readers browse by" } as const;

/**
 * How many times, unless a subject says otherwise, its words and phrases must appear in an article (title,
 * summary and body together) for the site to give it the subject; once in the title is always enough.
 */
export const DEFAULT_THRESHOLD = 3;

export interface Subject {
  /** "youth-justice": its page's address. */
  key: string;
  name: string;
  description: string;
  /** Single words: `adoption`, `adopt*` (any ending), `UASC` (in capitals: only in capitals). */
  words: string[];
  /** Several words in this order: `regional adoption agency`. */
  phrases: string[];
  threshold: number;
}

const FIELDS = ["name", "description", "words", "phrases", "threshold"] as const;
const GUIDE = ' (see EDITING.md, "Subjects")';
/** A word of a rule: letters or digits (an apostrophe or hyphen inside), with `*` at its end for any ending. */
const WORD = /^[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*\*?$/u;

/** The subjects of a read subjects file, and a problem at its line for each wrong entry. */
export function validateSubjects(source: YamlSource): { subjects: Subject[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const subjects: Subject[] = [];
  // A file that cannot be read as fields has its problems already (src/content/source.ts).
  if (source.problems.length) return { subjects, problems };
  const names = new Map<string, string>();
  for (const [key, value] of Object.entries(source.data as Record<string, unknown>)) {
    const report = (path: (string | number)[], problem: string) =>
      problems.push({ file: source.file, ...source.position([key, ...path]), message: `subject "${key}": ${problem}${GUIDE}` });
    if (!SLUG_PATTERN.test(key)) {
      const problem = `the key is its page's address: use lower-case words joined by hyphens, e.g. "${slugify(key) || "youth-justice"}"`;
      problems.push({ file: source.file, ...source.position([key]), message: `subject "${key}": ${problem}${GUIDE}` });
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      report([], "write its fields on the lines below it, indented: `name:`, `description:`, `words:` and `phrases:`");
      continue;
    }
    const fields = value as Record<string, unknown>;
    const before = problems.length;
    for (const field of Object.keys(fields)) {
      if ((FIELDS as readonly string[]).includes(field)) continue;
      const meant = suggestField(field, FIELDS);
      report([field], `\`${field}\` is not a field of a subject: ${meant ? `did you mean \`${meant}\`?` : `its fields are ${FIELDS.map((name) => `\`${name}\``).join(", ")}`}`);
    }
    const name = text(fields, "name", report);
    const description = text(fields, "description", report);
    const words = terms(fields, "words", report);
    const phrases = terms(fields, "phrases", report);
    for (const [index, word] of words.entries())
      if (word && /\s/.test(word)) report(["words", index], `"${word}" is several words: move it to \`phrases\``);
    for (const [index, phrase] of phrases.entries())
      if (phrase && !/\s/.test(phrase)) report(["phrases", index], `"${phrase}" is one word: move it to \`words\``);
    if (!words.length && !phrases.length && problems.length === before)
      report([], "it has no `words` or `phrases`: list the words that mark an article as being about it, e.g. `words: [adoption, adopt*]`");
    let threshold = DEFAULT_THRESHOLD;
    if ("threshold" in fields) {
      if (typeof fields.threshold === "number" && Number.isInteger(fields.threshold) && fields.threshold >= 1) threshold = fields.threshold;
      else report(["threshold"], `\`threshold\` should be a whole number of 1 or more, e.g. \`threshold: ${DEFAULT_THRESHOLD}\``);
    }
    if (name) {
      const other = names.get(name.toLocaleLowerCase("en-GB"));
      if (other) report(["name"], `the name "${name}" is also the subject "${other}"'s: give each subject its own name`);
      else names.set(name.toLocaleLowerCase("en-GB"), key);
    }
    if (problems.length === before && name && description) subjects.push({ key, name, description, words, phrases, threshold });
  }
  return { subjects, problems };
}

type Report = (path: (string | number)[], problem: string) => void;

function text(fields: Record<string, unknown>, field: "name" | "description", report: Report): string | undefined {
  const value = fields[field];
  const example = field === "name" ? "`name: Youth justice`" : "`description: Children in trouble with the law, and the services that work with them.`";
  if (value === undefined) report([], `\`${field}\` is missing: add it, e.g. ${example}`);
  else if (typeof value !== "string" || !value.trim()) report([field], `\`${field}\` should be text on one line, e.g. ${example}`);
  else return value.trim();
  return undefined;
}

/** A list of words or phrases; each entry that is not one is reported at its own line. */
function terms(fields: Record<string, unknown>, field: "words" | "phrases", report: Report): string[] {
  const value = fields[field];
  if (value === undefined) return [];
  const example = field === "words" ? "`words: [adoption, adopt*]`" : "`phrases: [regional adoption agency]`";
  if (!Array.isArray(value)) {
    report([field], `\`${field}\` should be a list, e.g. ${example}`);
    return [];
  }
  return value.map((entry, index) => {
    const written = typeof entry === "string" || typeof entry === "number" ? String(entry).trim() : "";
    const parts = written.split(/\s+/);
    if (!written || !parts.every((part) => WORD.test(part))) {
      report([field, index], `${written ? `"${written}"` : "an entry"} is not ${field === "words" ? "a word" : "a phrase"}: write letters and digits, with \`*\` at the end of a word for any ending, e.g. ${example}`);
      return "";
    }
    return parts.join(" ");
  });
}
