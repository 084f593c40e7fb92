/**
 * Words of a text, for comparing the export with what the site shows. A word is a whitespace-separated
 * token; tokens that are only list markers ("•", "-", "*") are markup, not words, on either side.
 */
import markdownIt from "markdown-it";
import type { Token } from "markdown-it";

/** markdown-it as the site configures it (src/model/markdown.ts): HTML off, typographer and linkify on. */
export const siteMarkdown = markdownIt({ html: false, linkify: true, typographer: true });

export function wordsOf(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word && !/^[•*-]$/u.test(word));
}

/** The text a reader sees: inline text, with an ordered list's numbers, which the page shows too. */
export function renderedWords(markdown: string): string[] {
  const parts: string[] = [];
  for (const token of siteMarkdown.parse(markdown, {})) {
    if (token.type === "list_item_open" && token.info) parts.push(`${token.info}${token.markup}`);
    if (token.type === "inline") parts.push(inlineText(token.children ?? []));
  }
  return wordsOf(parts.join(" "));
}

function inlineText(children: Token[]): string {
  return children.map((child) => (child.type === "softbreak" || child.type === "hardbreak" ? " " : child.content)).join("");
}

/**
 * The words as the export had them: each recorded correction's words put back in place of the words it
 * wrote. Each must be found exactly once, so a correction cannot hide a change anywhere else.
 */
export function undoCorrections(words: readonly string[], corrections: readonly { export: string; corrected: string }[]): string[] {
  let result = [...words];
  for (const correction of corrections) {
    const corrected = wordsOf(correction.corrected);
    const starts = result.flatMap((_, start) => (corrected.every((word, i) => result[start + i] === word) && start + corrected.length <= result.length ? [start] : []));
    if (starts.length !== 1) throw new Error(`the corrected words "${correction.corrected}" occur ${starts.length} times in the page, not once`);
    result = [...result.slice(0, starts[0]), ...wordsOf(correction.export), ...result.slice(starts[0]! + corrected.length)];
  }
  return result;
}
