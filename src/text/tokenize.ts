/**
 * Turns plain English text into index terms: lower-cased, stop-words and bare numbers removed,
 * Porter-stemmed. Shared by related-article scoring and anything else that needs the same notion
 * of "a term".
 */
import { stemmer } from "stemmer";
import { STOP_WORDS } from "../stopwords.ts";

const NON_ASCII_WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;
const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;

/**
 * Stemming is the slowest step and a corpus repeats a small vocabulary millions of times, so each
 * distinct surface form is stemmed once per process. `null` records a word that is not a term.
 */
const stemCache = new Map<string, string | null>();

/**
 * Numbers the distinct terms it meets from 0 upwards, so that callers can count terms in typed
 * arrays rather than string-keyed maps. Use one dictionary per corpus: ids are assigned in the
 * order terms are first seen.
 */
export class TermDictionary {
  /** Term text by id. */
  readonly terms: string[] = [];
  private readonly idsByTerm = new Map<string, number>();

  /*
   * Surface form -> term id (-1: not a term), as an open-addressing hash table keyed by a hash
   * computed while scanning. Known words, nearly every word of a corpus, are then found without
   * allocating a string for them, which a Map<string, number> would need.
   */
  private slots = new Int32Array(1 << 12); // entry index + 1; 0 is empty
  private readonly entryHashes: number[] = [];
  private readonly entryWords: string[] = [];
  private readonly entryIds: number[] = [];

  /** Calls `visit` with the id of each term of `text`, in order, repeats included. */
  forEachTermId(text: string, visit: (id: number) => void): void {
    const lower = text.toLowerCase();
    const length = lower.length;
    let start = -1;
    let hash = 0;
    for (let i = 0; i < length; i++) {
      const code = lower.charCodeAt(i);
      const inWord =
        isWordCharacter(code, lower, i) ||
        (start >= 0 && (code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE) && i + 1 < length &&
          isWordCharacter(lower.charCodeAt(i + 1), lower, i + 1));
      if (inWord) {
        if (start < 0) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ code, FNV_PRIME);
      } else if (start >= 0) {
        const id = this.lookUp(lower, start, i, hash);
        if (id >= 0) visit(id);
        start = -1;
      }
    }
    if (start >= 0) {
      const id = this.lookUp(lower, start, length, hash);
      if (id >= 0) visit(id);
    }
  }

  private lookUp(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return this.add(text.slice(start, end), hash, slot);
      if (this.entryHashes[entry] === hash && sameText(this.entryWords[entry]!, text, start, end)) {
        return this.entryIds[entry]!;
      }
    }
  }

  private add(word: string, hash: number, slot: number): number {
    const term = termOf(word);
    let id = -1;
    if (term !== null) {
      id = this.idsByTerm.get(term) ?? this.terms.length;
      if (id === this.terms.length) {
        this.terms.push(term);
        this.idsByTerm.set(term, id);
      }
    }
    this.entryHashes.push(hash);
    this.entryWords.push(word);
    this.entryIds.push(id);
    this.slots[slot] = this.entryHashes.length;
    // Keep the table at most half full so probe runs stay short.
    if (this.entryHashes.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    this.entryHashes.forEach((hash, entry) => {
      let slot = hash & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
    });
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

const shared = new TermDictionary();

/** The terms of `text`, in order, repeats included. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  shared.forEachTermId(text, (id) => terms.push(shared.terms[id]!));
  return terms;
}

function termOf(word: string): string | null {
  let term = stemCache.get(word);
  if (term === undefined) {
    const bare = word.replace(/['’]s$/, "").replace(/['’]/g, "");
    // Single characters are initials and list markers; bare numbers (years, amounts) link
    // articles that merely share a date.
    const meaningless = bare.length < 2 || STOP_WORDS.has(bare) || /^\p{N}+$/u.test(bare);
    term = meaningless ? null : stemmer(bare);
    stemCache.set(word, term);
  }
  return term;
}

function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}

function isWordCharacter(code: number, text: string, index: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return NON_ASCII_WORD_CHARACTER.test(text[index]!);
}
