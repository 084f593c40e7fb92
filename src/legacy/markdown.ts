/**
 * Writes parsed blocks as Markdown that markdown-it renders back to exactly the exported text.
 * The site's markdown-it has the typographer and linkify on, so besides markup characters the escaping
 * also protects straight quotes, runs of dots and dashes, and "(c)"-style sequences from being rewritten.
 */
import type { Block, ListItem } from "./blocks.ts";

export function blocksToMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(blockToMarkdown).join("\n\n")}\n`;
}

function blockToMarkdown(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return block.lines.map(escapeLine).join("\n");
    case "heading":
      // A heading's trailing "#"s would be read as its closing sequence.
      return `## ${escapeInline(block.text).replace(/#/g, "\\#")}`;
    case "list":
      return block.items.map((item) => listItem(block.style, item)).join("\n");
    case "quote":
      return block.paragraphs.map((lines) => lines.map((line) => `> ${escapeLine(line)}`).join("\n")).join("\n>\n");
  }
}

/** Lettered items keep their letter as text: Markdown has no lettered lists. */
function listItem(style: "bullet" | "numbered" | "lettered", item: ListItem): string {
  const [first = "", ...rest] = item.lines;
  const prefix = style === "numbered" ? `${item.marker} ` : "- ";
  const text = style === "lettered" ? `${item.marker} ${escapeInline(first)}` : escapeLine(first);
  const indent = " ".repeat(prefix.length);
  return [prefix + text, ...rest.map((line) => indent + escapeLine(line))].join("\n");
}

/** Escapes a line that stands at the start of a Markdown line, where it could open a block construct. */
export function escapeLine(line: string): string {
  return escapeInline(line.trim())
    .replace(/^#/, "\\#")
    .replace(/^>/, "\\>")
    .replace(/^([-+])(?=\s|$)/, "\\$1")
    .replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2")
    .replace(/^=/, "\\=");
}

/** Escapes what markdown-it (with typographer and linkify) would change inside a line. */
export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]<|~'"]/g, (char) => `\\${char}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, "\\&")
    .replace(/\.{2,}|-{2,}|,{2,}|[?!]{4,}/g, (run) => run.replace(/./g, (char) => `\\${char}`))
    .replace(/\+-/g, "\\+-")
    .replace(/\((?=(?:c|r|tm)\))/gi, "\\(");
}
