/**
 * Turns plain English text into index terms: lower-cased, stop-words and bare numbers removed,
 * Porter-stemmed, with which terms are written together (phrases: "high needs"). Shared by
 * related-article scoring and anything else that needs the same notion of "a term".
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
 * arrays rather than string-keyed maps. Words and phrases (pairs of words) share one numbering. Use
 * one dictionary per corpus: ids are assigned in the order terms are first seen.
 */
export class TermDictionary {
  /** A word's stem by id; "" for a phrase until `term` first spells it out. */
  private readonly texts: string[] = [];
  /** For a phrase's id, its two words' ids; -1 for a word. */
  private readonly firsts: number[] = [];
  private readonly seconds: number[] = [];
  private readonly idsByTerm = new Map<string, number>();
  /** Surface form to term id (-1: not a term), so a word already seen costs one lookup. */
  private readonly idsByWord = new Map<string, number>();
  private readonly phrases = new PairTable();

  /** How many terms have ids: every id is below it. */
  get size(): number {
    return this.texts.length;
  }

  /** A word's stem ("fund"), or a phrase's two stems with a space ("high need"). */
  term(id: number): string {
    if (this.firsts[id]! >= 0 && this.texts[id] === "") {
      this.texts[id] = `${this.term(this.firsts[id]!)} ${this.term(this.seconds[id]!)}`;
    }
    return this.texts[id]!;
  }

  /**
   * Calls `visit` with the id of each term of `text`, in order, repeats included, and whether the term
   * directly follows the one before, with nothing but a space or hyphen between them ("high needs",
   * "sector-led"): the two may be a phrase (`phraseId`). A stop-word, number or punctuation between two
   * terms means they do not follow each other, so "children in care" holds no pair: pairs across
   * those are mostly accidents of wording.
   */
  forEachTermId(text: string, visit: (id: number, follows: boolean) => void): void {
    let previous = -1;
    forEachWord(text, (word, joined) => {
      const id = this.wordId(word);
      if (id >= 0) visit(id, joined && previous >= 0);
      previous = id;
    });
  }

  /**
   * The id of a term by its name as `term` spells it (a stem, or a phrase's two stems with a space),
   * numbered as reading a text with it would have numbered it.
   */
  termId(name: string): number {
    const space = name.indexOf(" ");
    if (space >= 0) return this.phraseId(this.termId(name.slice(0, space)), this.termId(name.slice(space + 1)));
    let id = this.idsByTerm.get(name);
    if (id === undefined) {
      id = this.add(name, -1, -1);
      this.idsByTerm.set(name, id);
    }
    return id;
  }

  /** The id of the phrase of two terms, `first` then `second`, numbered with the terms. */
  phraseId(first: number, second: number): number {
    let id = this.phrases.get(first, second);
    if (id < 0) {
      id = this.add("", first, second);
      this.phrases.set(first, second, id);
    }
    return id;
  }

  private wordId(word: string): number {
    let id = this.idsByWord.get(word);
    if (id === undefined) {
      id = this.idOf(word);
      this.idsByWord.set(word, id);
    }
    return id;
  }

  private idOf(word: string): number {
    const term = termOf(word);
    if (term === null) return -1;
    let id = this.idsByTerm.get(term);
    if (id === undefined) {
      id = this.add(term, -1, -1);
      this.idsByTerm.set(term, id);
    }
    return id;
  }

  private add(text: string, first: number, second: number): number {
    this.texts.push(text);
    this.firsts.push(first);
    this.seconds.push(second);
    return this.texts.length - 1;
  }
}

/**
 * Pairs of ids to ids, in typed arrays with open addressing. A corpus has far more distinct pairs of
 * words than words, and a Map keyed by pair (a string or a number beyond 2^31 per pair of words read)
 * made phrases cost more than all the rest of tokenising.
 */
class PairTable {
  /** Each slot's pair as [first, second]; first is -1 in an empty slot. */
  private keys = new Int32Array(2 * 4096).fill(-1);
  private values = new Int32Array(4096);
  private count = 0;

  /** The id stored for the pair, or -1. */
  get(first: number, second: number): number {
    const slot = this.slotOf(first, second);
    return this.keys[2 * slot] === -1 ? -1 : this.values[slot]!;
  }

  set(first: number, second: number, value: number): void {
    if (2 * (this.count + 1) > this.values.length) this.grow();
    const slot = this.slotOf(first, second);
    if (this.keys[2 * slot] === -1) this.count++;
    this.keys[2 * slot] = first;
    this.keys[2 * slot + 1] = second;
    this.values[slot] = value;
  }

  /** The pair's slot, or the empty slot where it would go. */
  private slotOf(first: number, second: number): number {
    const mask = this.values.length - 1;
    let slot = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca77)) & mask;
    for (;;) {
      const key = this.keys[2 * slot]!;
      if (key === -1 || (key === first && this.keys[2 * slot + 1] === second)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(2 * keys.length).fill(-1);
    this.values = new Int32Array(2 * values.length);
    this.count = 0;
    for (let slot = 0; slot < values.length; slot++) {
      if (keys[2 * slot] !== -1) this.set(keys[2 * slot]!, keys[2 * slot + 1]!, values[slot]!);
    }
  }
}

const shared = new TermDictionary();

/** The terms of `text`, in order, repeats included. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  shared.forEachTermId(text, (id) => terms.push(shared.term(id)));
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
 * ("children's"), and whether only spaces or hyphens separate it from the run before ("sector-led").
 * A hand-written scan rather than a regular expression because this loop sees every character of
 * every article and matchAll was markedly slower.
 */
function forEachWord(text: string, visit: (word: string, joined: boolean) => void): void {
  const lower = text.toLowerCase();
  const length = lower.length;
  let start = -1;
  // Whether the gap since the last word holds only joining characters; false before the first word.
  let joined = false;
  for (let i = 0; i < length; i++) {
    const code = lower.charCodeAt(i);
    if (isWordCharacter(code, lower, i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (isApostrophe(code) && i + 1 < length && isWordCharacter(lower.charCodeAt(i + 1), lower, i + 1)) continue;
      visit(lower.slice(start, i), joined);
      start = -1;
      joined = isJoining(code);
    } else if (!isJoining(code)) {
      joined = false;
    }
  }
  if (start >= 0) visit(lower.slice(start), joined);
}

/** A space, no-break space or hyphen: what may stand inside a phrase. */
function isJoining(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x2d;
}

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE;
}

function isWordCharacter(code: number, text: string, index: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return NON_ASCII_WORD_CHARACTER.test(text[index]!);
}
