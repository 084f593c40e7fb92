/**
 * Turns plain English text into index terms: lower-cased, stop-words and bare numbers removed,
 * Porter-stemmed. Shared by related-article scoring and anything else that needs the same notion
 * of "a term".
 */
import { stemmer } from "stemmer";
import { STOP_WORDS } from "./stopwords.ts";

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
  /** Surface form to term id (-1: not a term), so a word already seen costs one lookup. */
  private readonly idsByWord = new Map<string, number>();

  /** Calls `visit` with the id of each term of `text`, in order, repeats included. */
  forEachTermId(text: string, visit: (id: number) => void): void {
    forEachWord(text, (word) => {
      let id = this.idsByWord.get(word);
      if (id === undefined) {
        id = this.idOf(word);
        this.idsByWord.set(word, id);
      }
      if (id >= 0) visit(id);
    });
  }

  private idOf(word: string): number {
    const term = termOf(word);
    if (term === null) return -1;
    let id = this.idsByTerm.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.idsByTerm.set(term, id);
    }
    return id;
  }
}

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

/**
 * Calls `visit` with each lower-cased run of letters and digits, apostrophes inside a run kept
 * ("children's"). A hand-written scan rather than a regular expression because this loop sees
 * every character of every article and matchAll was markedly slower.
 */
function forEachWord(text: string, visit: (word: string) => void): void {
  const lower = text.toLowerCase();
  const length = lower.length;
  let start = -1;
  for (let i = 0; i < length; i++) {
    const code = lower.charCodeAt(i);
    if (isWordCharacter(code, lower, i)) {
      if (start < 0) start = i;
    } else if (
      start >= 0 &&
      !(isApostrophe(code) && i + 1 < length && isWordCharacter(lower.charCodeAt(i + 1), lower, i + 1))
    ) {
      visit(lower.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) visit(lower.slice(start));
}

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE;
}

function isWordCharacter(code: number, text: string, index: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return NON_ASCII_WORD_CHARACTER.test(text[index]!);
}
