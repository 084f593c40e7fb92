/**
 * Reads the structure of an exported article body: paragraphs, section headings, lists and quotations.
 * The export is plain text, so structure is recognised from the shape of lines; the rules are deliberately
 * narrow, because a wrong guess changes how a paragraph reads while a missed one only leaves it plain.
 */

export type ListStyle = "bullet" | "numbered" | "lettered";

export interface ListItem {
  /** "3." for numbered items, "c." for lettered ones, "" for bullets. */
  marker: string;
  lines: string[];
}

export type Block =
  | { kind: "paragraph"; lines: string[] }
  | { kind: "heading"; text: string }
  | { kind: "list"; style: ListStyle; items: ListItem[] }
  | { kind: "quote"; paragraphs: string[][] };

type ItemPiece = { kind: "item"; style: ListStyle | "dash"; marker: string; lines: string[]; source: string[] };
type Piece = { kind: "paragraph"; lines: string[] } | ItemPiece;

const ITEM_PATTERNS: { style: ListStyle | "dash"; pattern: RegExp }[] = [
  { style: "bullet", pattern: /^\s*•\s+(.*)$/u },
  { style: "dash", pattern: /^\s*-\s+(.*)$/u },
  { style: "numbered", pattern: /^\s*(\d{1,3}\.)\s+(.*)$/u },
  { style: "lettered", pattern: /^\s*([a-z]\.)\s+(.*)$/u },
];

export function parseBody(bodyLines: readonly string[]): Block[] {
  const pieces = chunks(bodyLines).flatMap(piecesOf);
  return headings(quotesAndLists(pieces));
}

/** Runs of non-blank lines. */
function chunks(lines: readonly string[]): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim()) {
      current.push(line);
    } else if (current.length) {
      result.push(current);
      current = [];
    }
  }
  if (current.length) result.push(current);
  return result;
}

/**
 * A chunk's list-item lines each start an item; other lines continue the item or paragraph before them.
 * Inside a paragraph only a bullet starts an item: "1." there is more likely a wrapped line of the text.
 */
function piecesOf(chunk: string[]): Piece[] {
  const pieces: Piece[] = [];
  for (const line of chunk) {
    const item = matchItem(line);
    const last = pieces.at(-1);
    if (item && (item.style === "bullet" || last?.kind !== "paragraph")) pieces.push(item);
    else if (last) {
      last.lines.push(line.trim());
      if (last.kind === "item") last.source.push(line.trim());
    } else pieces.push({ kind: "paragraph", lines: [line.trim()] });
  }
  return pieces;
}

function matchItem(line: string): ItemPiece | undefined {
  for (const { style, pattern } of ITEM_PATTERNS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const [marker, text] = match.length === 3 ? [match[1]!, match[2]!] : ["", match[1]!];
    return { kind: "item", style, marker, lines: [text], source: [line.trim()] };
  }
  return undefined;
}

/**
 * Groups list items into lists and finds quotations. A dash line straight after a quotation is its
 * attribution ("- Theodore Roosevelt"), not a list, so quotations are taken first.
 */
function quotesAndLists(pieces: Piece[]): Block[] {
  const blocks: Block[] = [];
  let index = 0;
  while (index < pieces.length) {
    const quote = quotationAt(pieces, index, blocks.at(-1));
    if (quote) {
      blocks.push(quote.block);
      index = quote.next;
      continue;
    }
    const piece = pieces[index]!;
    if (piece.kind === "paragraph") {
      blocks.push({ kind: "paragraph", lines: piece.lines });
      index++;
      continue;
    }
    let end = index + 1;
    while (end < pieces.length && isItem(pieces[end]!, piece.style)) end++;
    const run = pieces.slice(index, end) as ItemPiece[];
    blocks.push(...listOrParagraphs(run));
    index = end;
  }
  return blocks;
}

function isItem(piece: Piece, style: ListStyle | "dash"): boolean {
  return piece.kind === "item" && piece.style === style;
}

/**
 * Bullets are always a list. Other lists need two items, and numbers and letters must count up (letters
 * from "a."), so that a sentence which merely starts with "2." or "a." or "- " stays a paragraph.
 */
function listOrParagraphs(run: ItemPiece[]): Block[] {
  const first = run[0]!;
  const counts = (value: (marker: string) => number, start?: number) =>
    run.every((item, offset) => value(item.marker) === (start ?? value(first.marker)) + offset);
  const isList =
    first.style === "bullet" ||
    (run.length >= 2 &&
      (first.style === "dash" ||
        (first.style === "numbered" && counts((marker) => Number.parseInt(marker, 10))) ||
        (first.style === "lettered" && counts((marker) => marker.charCodeAt(0), "a".charCodeAt(0)))));
  if (!isList) return run.map((item) => ({ kind: "paragraph", lines: item.source }));
  const style: ListStyle = first.style === "dash" ? "bullet" : first.style;
  return [{ kind: "list", style, items: run.map((item) => ({ marker: item.marker, lines: item.lines })) }];
}

const OPENING = /^[“‘"']/u;
const CLOSING_AT_END = /[”’"'][.!?,;:]?$/u;
/** A closing quote followed by a short attribution: `” - Heifetz & Linsky`, `” – Forest E Witcraft.` */
const CLOSING_THEN_ATTRIBUTION = /[”’"'][.!?,;:]?\s+[-–—]\s+\S(?:\S*\s+){0,7}\S*$/u;
const ATTRIBUTION_LINE = /^(?:[-–—]\s+\S(?:\S*\s+){0,7}\S*|\([^()]{1,150}\))$/u;
const VERSE_LINE_MAX = 80;
const VERSE_LINES_MAX = 8;

/**
 * A quotation is a paragraph that is one quotation from its opening mark to its closing one, optionally
 * followed by an attribution (in the same paragraph after a dash, or as the next paragraph). A quotation
 * whose opening line does not close it may run on over short verse lines until one does. A paragraph that
 * opens a quotation the export never closes counts only when it follows another quotation.
 */
function quotationAt(pieces: Piece[], index: number, previous: Block | undefined): { block: Block; next: number } | undefined {
  const piece = pieces[index]!;
  if (piece.kind !== "paragraph") return undefined;
  const text = piece.lines.join("\n");
  if (!OPENING.test(text) || !isSingleQuotation(text)) return undefined;

  const paragraphs: string[][] = [piece.lines];
  let next = index + 1;
  const closes = CLOSING_AT_END.test(text) || CLOSING_THEN_ATTRIBUTION.test(text);
  if (!closes) {
    const verseEnd = verseClosing(pieces, index + 1);
    if (verseEnd !== undefined) {
      for (let at = index + 1; at <= verseEnd; at++) paragraphs.push(pieces[at]!.lines);
      next = verseEnd + 1;
    } else if (!(previous?.kind === "quote" && !hasClosingMark(text))) {
      return undefined;
    }
  }
  const after = pieces[next];
  if (!CLOSING_THEN_ATTRIBUTION.test(paragraphs.at(-1)!.join("\n")) && after && isAttribution(after)) {
    paragraphs.push(after.kind === "paragraph" ? after.lines : after.source);
    next++;
  }
  return { block: { kind: "quote", paragraphs }, next };
}

/** Only one opening mark of its kind: "“A” he said, “B”" is prose with quotations in it, not a quotation. */
function isSingleQuotation(text: string): boolean {
  const opening = text[0]!;
  const count = [...text].filter((char) => char === opening).length;
  return opening === '"' || opening === "'" ? count <= 2 : count === 1;
}

function hasClosingMark(text: string): boolean {
  return /[”"]/u.test(text) || /’(?![a-z])/iu.test(text);
}

function verseClosing(pieces: Piece[], from: number): number | undefined {
  for (let at = from; at < pieces.length && at < from + VERSE_LINES_MAX; at++) {
    const piece = pieces[at]!;
    if (piece.kind !== "paragraph" || piece.lines.length !== 1 || piece.lines[0]!.length > VERSE_LINE_MAX) return undefined;
    if (CLOSING_AT_END.test(piece.lines[0]!)) return at;
  }
  return undefined;
}

function isAttribution(piece: Piece): boolean {
  const lines = piece.kind === "paragraph" ? piece.lines : piece.source;
  return lines.length === 1 && ATTRIBUTION_LINE.test(lines[0]!);
}

const HEADING_MAX_LENGTH = 80;
const HEADING_MAX_WORDS = 12;
const QUESTION_HEADING_MAX_WORDS = 5;
/** Sentences end in these; headings do not. */
const SENTENCE_END = /[.,;:!…”’"')\]]$/u;

/**
 * A section heading is a one-line paragraph that is short, starts with a capital or a digit and does not
 * end like a sentence. A question counts only when very short ("So what are ACEs?"). A heading must have
 * something after it other than another heading: a line above a heading is a subtitle, not a section.
 */
function headings(blocks: Block[]): Block[] {
  const candidate = blocks.map(isHeadingLike);
  return blocks.map((block, index) =>
    candidate[index] && index < blocks.length - 1 && !candidate[index + 1] ? { kind: "heading", text: (block as { lines: string[] }).lines[0]! } : block,
  );
}

function isHeadingLike(block: Block): boolean {
  if (block.kind !== "paragraph" || block.lines.length !== 1) return false;
  const text = block.lines[0]!;
  const words = text.split(/\s+/u).length;
  return (
    text.length <= HEADING_MAX_LENGTH &&
    words <= HEADING_MAX_WORDS &&
    /^[\p{Lu}\d]/u.test(text) &&
    !SENTENCE_END.test(text) &&
    (!text.endsWith("?") || words <= QUESTION_HEADING_MAX_WORDS)
  );
}
