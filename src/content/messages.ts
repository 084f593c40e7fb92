/**
 * The words editors read when the fields at the top of a file cannot be read or are wrong. Editors are not
 * programmers: a message never names YAML's grammar ("compact mappings", "implicit keys"); it says what to
 * change on their own line, shows that line corrected, and links to the section of EDITING.md that
 * explains the rule.
 *
 * One table per kind of failure: `YAML_RULES` for a line that cannot be read at all, and the helpers below
 * for fields that are read but wrong (unknown names, wrong types, dates written another way).
 */
import { DateTime } from "luxon";
import { closest } from "./suggest.ts";

/** The sections of EDITING.md that messages point to (tests/content/messages.test.ts checks each exists). */
export const GUIDE = {
  fields: "EDITING.md#the-fields-at-the-top-front-matter",
  writingFields: "EDITING.md#writing-the-fields-correctly",
  places: "EDITING.md#where-articles-live",
  drafts: "EDITING.md#drafts",
  scheduling: "EDITING.md#scheduling",
  starting: "EDITING.md#starting-an-article",
  authors: "EDITING.md#authors-and-regions",
  images: "EDITING.md#images",
} as const;

export function see(section: keyof typeof GUIDE): string {
  return ` (see ${GUIDE[section]})`;
}

/** A line of fields, as the table's rules read it: `name: value`, where the line has that shape. */
export interface FieldLine {
  /** The YAML library's code for what went wrong (`BLOCK_AS_IMPLICIT_KEY`, `MISSING_CHAR`…), or `NOT_A_FIELD`. */
  code: string;
  /** The whole line as written, without its end of line. */
  text: string;
  /** The field's name, when the line starts with one. */
  name?: string;
  /** What follows `name:` on the line, trimmed. */
  value?: string;
}

interface YamlRule {
  applies(line: FieldLine & { name: string; value: string }): boolean;
  message(line: FieldLine & { name: string; value: string }): string;
}

/**
 * Each rule in turn: the first that applies words the problem. Rules read the line itself, not only the
 * library's code, because one mistake (an unquoted colon) gives different codes in different places.
 */
const YAML_RULES: YamlRule[] = [
  {
    // `title: "Quotes that never close`
    applies: ({ value = "" }) => /^["']/.test(value) && !closesQuote(value),
    message: ({ name, value }) =>
      `the quote mark before ${JSON.stringify(value.slice(1))} is never closed: end the ${name} with the same quote mark on this line: \`${name}: ${value}${value[0]}\``,
  },
  {
    // `tags: [Funding, SEND`
    applies: ({ value = "" }) => value.startsWith("[") && !value.includes("]"),
    message: ({ name, value }) =>
      `the list is not closed: end it with \`]\` on the same line: \`${name}: ${value.replace(/,?\s*$/, "")}]\``,
  },
  {
    // `title: Funding: the gap`, `title: "Funding" explained`, `title: - x`, `title: @home`
    applies: ({ code, value }) =>
      value !== undefined &&
      value !== "" &&
      (/:\s|:$/.test(value) ||
        /^["']/.test(value) ||
        /^[-@`%&*!|>?]/.test(value) ||
        ["BLOCK_AS_IMPLICIT_KEY", "BAD_SCALAR_START", "UNEXPECTED_TOKEN"].includes(code)),
    message: ({ name, value }) =>
      `${/:\s|:$/.test(value) ? `the ${name} contains a colon, which would start a new field` : `the ${name} has characters that need quotes around it`}: put the ${name} in double quotes: \`${name}: ${quote(value)}\``,
  },
  {
    applies: ({ code }) => code === "DUPLICATE_KEY",
    message: ({ name }) => `\`${name}\` is written twice: keep one of them`,
  },
];

/** The message for a line of fields that cannot be read, with the example and the guide's section. */
export function unreadableLine(line: FieldLine): string {
  // A tab can break any line, a field's or a list item's.
  if (line.code === "TAB_AS_INDENT") return "this line is indented with a tab: use spaces instead" + see("writingFields");
  if (line.name !== undefined && line.value !== undefined) {
    const named = { ...line, name: line.name, value: line.value };
    const rule = YAML_RULES.find((candidate) => candidate.applies(named));
    if (rule) return rule.message(named) + see("writingFields");
  }
  const missingSpace = /^\s*([A-Za-z_][\w-]*):(\S.*)$/.exec(line.text);
  if (missingSpace)
    return `put a space after the colon: \`${missingSpace[1]}: ${missingSpace[2]}\`` + see("writingFields");
  return (
    "this line is not a field: each line is a name, a colon and a space, then the value, e.g. `title: Why early help matters`" +
    see("writingFields")
  );
}

/** Reads `name: value` off a line, as far as it has that shape. */
export function fieldLine(code: string, text: string): FieldLine {
  const match = /^\s*(?:-\s+)?([^\s:#"'[{][^:]*?):(?:\s+(.*?))?\s*$/.exec(text);
  if (!match) return { code, text };
  return { code, text, name: match[1]!, value: match[2] ?? "" };
}

/** A value in YAML's double quotes (single quotes when it holds double quotes), as editors should write it. */
export function quote(value: string): string {
  const bare = /^(["']).*\1$/.test(value) && value.length > 1 ? value.slice(1, -1) : value;
  return bare.includes('"') ? `'${bare.replace(/'/g, "''")}'` : `"${bare}"`;
}

function closesQuote(value: string): boolean {
  const mark = value[0]!;
  return value.indexOf(mark, 1) !== -1;
}

/** The known field closest to an unknown one, for "did you mean". */
export function suggestField(name: string, known: readonly string[]): string | undefined {
  return closest(
    name,
    known.map((key) => ({ key })),
  );
}

/** "`titel` is not a known field: did you mean `title`?", or what to do instead, with the guide's section. */
export function unknownField(
  name: string,
  known: readonly string[],
  { of, section = "fields" }: { of?: string; section?: keyof typeof GUIDE } = {},
): string {
  const field = `\`${name}\` is not a known field${of ? ` of ${of}` : ""}`;
  if (!of && ["permalink", "slug", "url"].includes(name.toLowerCase()))
    return `${field}: an article's address comes from its folder and file name, so rename the file instead${see("places")}`;
  const suggestion = suggestField(name, known);
  if (suggestion) return `${field}: did you mean \`${suggestion}\`?${see(section)}`;
  return `${field}: the fields are ${sentenceList(known.map((key) => `\`${key}\``))}${see(section)}`;
}

/** A corrected `date:` line from a date written another way (`23/11/2026`, `23 November 2026`, `2026-1-5`). */
export function dateExample(written: string): string | undefined {
  const formats = ["d/M/yyyy", "d.M.yyyy", "d-M-yyyy", "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "yyyy/M/d", "yyyy-M-d"];
  const text = written.trim().replace(/,/g, "").replace(/(\d)(st|nd|rd|th)\b/i, "$1");
  for (const format of formats) {
    const date = DateTime.fromFormat(text, format, { locale: "en-GB" });
    if (date.isValid) return `\`date: ${date.toISODate()}\``;
  }
  return undefined;
}

/** "a, b and c". */
export function sentenceList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
