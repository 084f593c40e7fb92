/**
 * Reads editors' files: front-matter split off with gray-matter, then parsed with `yaml`, which keeps
 * each key's position (so problems can name the line) and reads `date: 2019-07-12` as the text it is
 * rather than as a UTC instant.
 *
 * A mistake on one line must not hide the rest of the file: when the fields cannot all be read, each
 * top-level field is read on its own, so the others are still checked in the same run, and only the
 * broken ones are reported, in editors' words (`messages.ts`).
 */
import matter from "gray-matter";
import { LineCounter, parseDocument, isMap, isScalar, type Document, type Node } from "yaml";
import { fieldLine, see, unreadableLine } from "./messages.ts";
import type { Problem } from "./problems.ts";

type Position = { line: number; column: number };

export interface YamlSource {
  /** The file's path as editors see it, relative to the project root. */
  file: string;
  data: unknown;
  problems: Problem[];
  /** Top-level fields that are written but could not be read: their problem is already reported. */
  unreadable?: ReadonlySet<string>;
  /** Where a key (or a nested key path) is written; falls back to the start of the YAML. */
  position(path: readonly (string | number)[]): Position;
}

export interface MarkdownSource extends YamlSource {
  /** Set when the file has no front-matter at all: that one problem says so, and no field is looked for. */
  noFields?: true;
  body: string;
  /** The file line on which the body starts. */
  bodyLine: number;
}

/** Parses a whole YAML file (authors, regions). */
export function parseYamlFile(file: string, text: string): YamlSource {
  return parseYaml(file, withoutBom(text), 1);
}

/** Splits and parses a Markdown file with front-matter. */
export function parseMarkdownFile(file: string, text: string): MarkdownSource {
  text = withoutBom(text);
  if (!/^---\r?\n/.test(text)) {
    const message = `the fields at the top are missing: start the file with a line \`---\`, then the fields (\`title: …\`, \`date: …\`), then another line \`---\`${see("fields")}`;
    return {
      file,
      data: {},
      body: text,
      bodyLine: 1,
      problems: [{ file, line: 1, column: 1, message }],
      noFields: true,
      position: () => ({ line: 1, column: 1 }),
    };
  }
  // An options object turns off gray-matter's module-level cache, which would outlive dev-server rebuilds.
  const split = matter(text, { engines: { yaml: () => ({}) } });
  const head = text.slice(0, text.length - split.content.length);
  const yaml = parseYaml(file, split.matter.replace(/^\r?\n/, ""), 2);
  return { ...yaml, body: split.content, bodyLine: lineCount(head) + 1 };
}

/** Editors' tools (Windows Notepad among them) may start a file with a byte-order mark: it is not content. */
function withoutBom(text: string): string {
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

interface Parsed {
  doc: Document;
  at(offset: number): Position;
}

function parse(text: string, firstLine: number): Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return {
    doc,
    at(offset) {
      const { line, col } = lineCounter.linePos(offset);
      return { line: line + firstLine - 1, column: col };
    },
  };
}

function parseYaml(file: string, text: string, firstLine: number): YamlSource {
  const whole = parse(text, firstLine);
  const isFields = isMap(whole.doc.contents) || whole.doc.contents === null;
  if (!whole.doc.errors.length && isFields) {
    return {
      file,
      data: whole.doc.toJS() ?? {},
      problems: [],
      unreadable: new Set(),
      position: (path) => whole.at(offsetOf(whole.doc, path)),
    };
  }
  // Readable, but a list or a single value where fields belong: read field by field it would be nothing at
  // all, and every field would then be reported missing.
  if (!whole.doc.errors.length) {
    const at = whole.at((whole.doc.contents as Node | null)?.range?.[0] ?? 0);
    const message = "this should be fields, each `name: value` on a line of its own, not a list or a single value";
    return { file, data: {}, problems: [{ file, ...at, message }], unreadable: new Set(), position: () => at };
  }
  return parseFieldByField(file, text, firstLine);
}

/**
 * Reads each top-level field on its own (a field is a line starting at the margin, with the indented or
 * `- ` lines under it), so that one unreadable field is reported and the others are still read.
 */
function parseFieldByField(file: string, text: string, firstLine: number): YamlSource {
  const lines = text.split("\n");
  const starts = lines.flatMap((line, index) => (/^[^\s#\-\]}]/.test(line) ? [index] : []));
  const data: Record<string, unknown> = {};
  const problems: Problem[] = [];
  const unreadable = new Set<string>();
  const owners = new Map<string, Parsed>();
  const report = (index: number, code: string) => {
    const line = lines[index]!.replace(/\r$/, "");
    const read = fieldLine(code, line);
    // Point at the value, where the fix (usually quotes) goes; at the name when the name is the problem.
    const column = read.value && code !== "DUPLICATE_KEY" ? line.indexOf(read.value, line.indexOf(":")) + 1 : 1;
    problems.push({ file, line: firstLine + index, column, message: unreadableLine(read) });
  };

  starts.forEach((from, n) => {
    const to = starts[n + 1] ?? lines.length;
    const field = parse(lines.slice(from, to).join("\n"), firstLine + from);
    const [error] = field.doc.errors;
    if (error) {
      const { line } = field.at(error.pos[0]);
      report(line - firstLine, error.code);
      // The field whose value cannot be read is not read at all: it is reported once, not also as missing.
      const name = fieldLine(error.code, lines[from]!).name;
      if (name !== undefined) unreadable.add(name);
      return;
    }
    const contents = field.doc.contents;
    if (!isMap(contents)) {
      report(from, "NOT_A_FIELD");
      // `title:Funding` is the title, written without its space: reported once, not also as missing.
      const name = /^([A-Za-z_][\w-]*):/.exec(lines[from]!)?.[1];
      if (name !== undefined) unreadable.add(name);
      return;
    }
    const values = field.doc.toJS() as Record<string, unknown>;
    for (const pair of contents.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== "string") continue;
      if (owners.has(key)) {
        report(field.at((pair.key as Node).range?.[0] ?? 0).line - firstLine, "DUPLICATE_KEY");
        continue;
      }
      owners.set(key, field);
      // Defined, not assigned: a field written `__proto__` stays a field (and is reported as unknown).
      Object.defineProperty(data, key, { value: values[key], enumerable: true, writable: true, configurable: true });
    }
  });
  const start = { line: firstLine, column: 1 };
  return {
    file,
    data,
    problems,
    unreadable,
    position(path) {
      const owner = typeof path[0] === "string" ? owners.get(path[0]) : undefined;
      return owner ? owner.at(offsetOf(owner.doc, path)) : start;
    },
  };
}

function offsetOf(doc: Document, path: readonly (string | number)[]): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (!pair) break;
    offset = (pair.key as Node).range?.[0] ?? offset;
    node = pair.value;
    if (typeof key === "number") break;
  }
  return offset;
}

function lineCount(text: string): number {
  return text.split("\n").length - 1;
}
