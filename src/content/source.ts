/**
 * Reads editors' files: front-matter split off with gray-matter, then parsed with `yaml`, which keeps
 * each key's position (so problems can name the line) and reads `date: 2019-07-12` as the text it is
 * rather than as a UTC instant.
 */
import matter from "gray-matter";
import { LineCounter, parseDocument, isMap, isScalar, type Document, type Node } from "yaml";
import type { Problem } from "./problems.ts";

export interface YamlSource {
  /** The file's path as editors see it, relative to the project root. */
  file: string;
  data: unknown;
  problems: Problem[];
  /** Where a key (or a nested key path) is written; falls back to the start of the YAML. */
  position(path: readonly (string | number)[]): { line: number; column: number };
}

export interface MarkdownSource extends YamlSource {
  body: string;
  /** The file line on which the body starts. */
  bodyLine: number;
}

/** Parses a whole YAML file (authors, regions). */
export function parseYamlFile(file: string, text: string): YamlSource {
  return parseYaml(file, text, 1);
}

/** Splits and parses a Markdown file with front-matter. */
export function parseMarkdownFile(file: string, text: string): MarkdownSource {
  if (!/^---\r?\n/.test(text)) {
    return {
      file,
      data: {},
      body: text,
      bodyLine: 1,
      problems: [{ file, line: 1, column: 1, message: "front-matter is missing: start the file with a line `---`, the fields, then `---`" }],
      position: () => ({ line: 1, column: 1 }),
    };
  }
  // An options object turns off gray-matter's module-level cache, which would outlive dev-server rebuilds.
  const split = matter(text, { engines: { yaml: () => ({}) } });
  const head = text.slice(0, text.length - split.content.length);
  const yaml = parseYaml(file, split.matter.replace(/^\r?\n/, ""), 2);
  return { ...yaml, body: split.content, bodyLine: lineCount(head) + 1 };
}

function parseYaml(file: string, text: string, firstLine: number): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const problems: Problem[] = doc.errors.map((error) => ({
    file,
    ...at(error.pos[0]),
    message: `the YAML cannot be read: ${firstSentence(error.message)} (check indentation, colons and quotes)`,
  }));
  return {
    file,
    data: problems.length ? {} : (doc.toJS() ?? {}),
    problems,
    position: (path) => at(offsetOf(doc, path)),
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

function firstSentence(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
