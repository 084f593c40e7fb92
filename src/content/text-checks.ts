/**
 * The one rule for the characters content may hold, applied where content enters: every file under
 * `content/` is read as bytes and decoded here. Bytes that are not UTF-8 would be published as "�"
 * (a Latin-1 file: "Caf� cr�me"), and characters that XML and HTML cannot carry (NUL, C0 and C1 control
 * characters other than tab and line ends, U+FFFE/U+FFFF, unpaired surrogates) break every Atom feed that
 * holds them ("Char 0x0 out of allowed range"). Each is a problem at its line and column, so nothing of
 * the kind is ever published. https://www.w3.org/TR/xml/#charsets
 */
import { LineIndex } from "./line-index.ts";
import type { Problem } from "./problems.ts";

/** What XML 1.0 refuses, plus the C1 controls and DEL that HTML calls parse errors; tab, LF and CR pass. */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Numeric character references in Markdown, which markdown-it passes through for most controls (`&#12;`). */
const CHARACTER_REFERENCE = /&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));/gi;

const NAMES: Record<number, string> = {
  0x00: "NUL (a null byte)",
  0x08: "backspace",
  0x0b: "vertical tab",
  0x0c: "form feed",
  0x1b: "escape",
  0x7f: "delete",
};

const FIX = "delete it: it is usually invisible, so retype the text around it";

/** `U+000C (form feed)`, or `U+0085 (a control character)`. */
export function describeCharacter(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (code >= 0xd800 && code <= 0xdfff) return `${hex} (half of a surrogate pair, with no other half)`;
  if (code === 0xfffe || code === 0xffff) return `${hex} (not a character)`;
  return `${hex} (${NAMES[code] ?? "a control character"})`;
}

/** Whether a text holds any character that pages and feeds cannot carry. */
export function hasForbiddenCharacter(text: string): boolean {
  FORBIDDEN.lastIndex = 0;
  return FORBIDDEN.test(text);
}

/** The first character that pages and feeds cannot carry, described, or undefined. */
export function firstForbiddenCharacter(text: string): string | undefined {
  FORBIDDEN.lastIndex = 0;
  const match = FORBIDDEN.exec(text);
  return match ? describeCharacter(match[0].charCodeAt(0)) : undefined;
}

/**
 * Decodes a file's bytes as UTF-8, with a problem at each line holding bytes that are not UTF-8 (the text
 * returned has "�" there, for the other checks; the problem keeps it from being published). A byte order
 * mark is dropped, as editors do not see it.
 */
export function decodeContent(file: string, bytes: Uint8Array): { text: string; problems: Problem[] } {
  try {
    return { text: unixLines(new TextDecoder("utf-8", { fatal: true }).decode(bytes)), problems: [] };
  } catch {
    return { text: unixLines(new TextDecoder("utf-8").decode(bytes)), problems: invalidUtf8(file, bytes) };
  }
}

/**
 * Windows (CRLF) and old Mac (CR) line ends as plain newlines, once, where text enters: every later step
 * reads lines split on "\n", and a "\r" left at a line's end would become part of a field's value.
 */
function unixLines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** One problem per line with bytes that are not UTF-8, at the first such byte. */
function invalidUtf8(file: string, bytes: Uint8Array): Problem[] {
  const problems: Problem[] = [];
  const latin1 = new TextDecoder("windows-1252");
  let line = 1;
  let column = 1;
  let reported = 0;
  for (let offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; offset < bytes.length; ) {
    const length = utf8SequenceLength(bytes, offset);
    if (length === 0) {
      if (reported !== line) {
        const byte = bytes[offset]!;
        const guess = byte >= 0x80 ? ` ("${latin1.decode(bytes.subarray(offset, offset + 1))}" in Latin-1)` : "";
        const message = `the file is not UTF-8 here: the byte 0x${byte.toString(16).toUpperCase()}${guess} would be published as "�"; save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8) and check the text reads right`;
        problems.push({ file, line, column, message });
        reported = line;
      }
      offset += 1;
      column += 1;
      continue;
    }
    if (bytes[offset] === 0x0a) {
      line += 1;
      column = 1;
    } else {
      // Columns count UTF-16 units, as the other checks' LineIndex does: characters past U+FFFF take two.
      column += length === 4 ? 2 : 1;
    }
    offset += length;
  }
  return problems;
}

/** The length of the well-formed UTF-8 sequence at `offset` (Unicode's table 3-7), or 0 if there is none. */
function utf8SequenceLength(bytes: Uint8Array, offset: number): number {
  const first = bytes[offset]!;
  if (first < 0x80) return 1;
  const continuation = (index: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[offset + index];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (first >= 0xc2 && first <= 0xdf) return continuation(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    const [low, high] = first === 0xe0 ? [0xa0, 0xbf] : first === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const [low, high] = first === 0xf0 ? [0x90, 0xbf] : first === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

/** Every character in a file's text that pages and feeds cannot carry, at its line and column. */
export function checkCharacters(file: string, text: string): Problem[] {
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  for (const match of text.matchAll(FORBIDDEN)) {
    const what = describeCharacter(match[0].charCodeAt(0));
    problems.push({ file, ...lines.position(match.index), message: `the text holds the character ${what}, which pages and feeds cannot carry: ${FIX}` });
  }
  return problems;
}

/** Character references in a Markdown body (`&#12;`, `&#x0;`) to a character pages and feeds cannot carry. */
export function checkCharacterReferences(file: string, body: string, bodyLine: number): Problem[] {
  const lines = new LineIndex(body, bodyLine);
  const problems: Problem[] = [];
  for (const match of body.matchAll(CHARACTER_REFERENCE)) {
    const code = Number.parseInt(match[1] ?? match[2]!, match[1] ? 16 : 10);
    if (code > 0xffff || !hasForbiddenCharacter(String.fromCharCode(code))) continue;
    const what = describeCharacter(code);
    problems.push({ file, ...lines.position(match.index), message: `${match[0]} stands for the character ${what}, which pages and feeds cannot carry: delete it` });
  }
  return problems;
}

/**
 * Front-matter values holding such a character through a YAML escape (`title: "a\0b"`), which the file's
 * text does not show: reported at the field, named by its path.
 */
export function checkValues(
  file: string,
  data: unknown,
  position: (path: readonly (string | number)[]) => { line: number; column: number },
): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === "string") {
      const what = firstForbiddenCharacter(value);
      if (what) {
        const field = path.join(".") || "the front-matter";
        problems.push({ file, ...position(path), message: `\`${field}\` holds the character ${what}, written as an escape, which pages and feeds cannot carry: remove the escape` });
      }
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(data, []);
  return problems;
}
