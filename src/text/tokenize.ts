/**
 * Turns plain English text into index terms: lower-cased, stop-words removed, Porter-stemmed.
 * Shared by related-article scoring and anything else that needs the same notion of "a term".
 */
import { stemmer } from "stemmer";
import { STOP_WORDS } from "../stopwords.ts";

/** Letters and digits, optionally joined by apostrophes so "children's" stays one word. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * Stemming dominates tokenising time, and a corpus repeats a small vocabulary millions of times,
 * so each distinct surface form is stemmed once per process. `null` records a dropped word.
 */
const termCache = new Map<string, string | null>();

export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    let term = termCache.get(word);
    if (term === undefined) {
      term = toTerm(word);
      termCache.set(word, term);
    }
    if (term !== null) terms.push(term);
  }
  return terms;
}

function toTerm(word: string): string | null {
  const bare = word.replace(/['’]s$/, "").replace(/['’]/g, "");
  // Single characters are initials, list markers and stray digits, never a topic.
  if (bare.length < 2 || STOP_WORDS.has(bare)) return null;
  return stemmer(bare);
}
