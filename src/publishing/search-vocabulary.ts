/**
 * The search vocabulary: every word the index holds, with how often the archive uses it, for the search
 * page's "did you mean". Pagefind has no typo tolerance (https://github.com/Pagefind/pagefind/issues/2), so a
 * misspelt word finds nothing; the page then fetches this file (never before: a first search stays small)
 * and suggests the closest real word, the more common one winning a tie.
 *
 * Read from the index Pagefind wrote rather than from the HTML, so the words are exactly the indexed text
 * (article labels and hidden metadata excluded as Pagefind excluded them).
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** The file, inside the index folder, that the search page fetches when a search finds nothing or little. */
export const VOCABULARY_FILE = "vocabulary.json";

/** What Pagefind puts before the JSON of each decompressed fragment. */
const FRAGMENT_SIGNATURE = "pagefind_dcd";

/** Words shorter than this are left out: a two-letter typo has too many near neighbours to correct. */
const MIN_LENGTH = 3;

/** The written file: words in alphabetical order, each with how many times the archive uses it. */
export interface Vocabulary {
  words: [word: string, count: number][];
}

/**
 * A word as the search page compares it: lower case, accents and punctuation dropped ("Children’s" →
 * "childrens"). assets/search.js normalises typed words the same way (its `normaliseWord`).
 */
export function normaliseWord(word: string): string {
  return word
    .toLocaleLowerCase("en-GB")
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * The vocabulary of some texts: each word of letters (numbers and short words left out) with its count.
 *
 * @example vocabularyOf(["Safeguarding children.", "children first"]).words // [["children", 2], ["first", 1], ["safeguarding", 1]]
 */
export function vocabularyOf(texts: Iterable<string>): Vocabulary {
  const counts = new Map<string, number>();
  // Locale-aware lower-casing costs microseconds a call, and a large archive has millions of words but only
  // tens of thousands of spellings: each spelling is normalised (and judged a word or not) once.
  const seen = new Map<string, string | undefined>();
  for (const text of texts) {
    for (const raw of text.split(/[\s\-–—/]+/)) {
      if (!seen.has(raw)) {
        const normalised = normaliseWord(raw);
        seen.set(raw, normalised.length < MIN_LENGTH || !/^\p{L}+$/u.test(normalised) ? undefined : normalised);
      }
      const word = seen.get(raw);
      if (word !== undefined) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return { words: [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}

/** The indexed text of every page in a written Pagefind index (`indexDir/fragment/*.pf_fragment`). */
export async function indexedTexts(indexDir: string): Promise<string[]> {
  const folder = path.join(indexDir, "fragment");
  const names = (await readdir(folder)).filter((name) => name.endsWith(".pf_fragment")).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = gunzipSync(await readFile(path.join(folder, name))).toString("utf8");
      const fragment = JSON.parse(
        text.startsWith(FRAGMENT_SIGNATURE) ? text.slice(FRAGMENT_SIGNATURE.length) : text,
      ) as { content: string };
      return fragment.content;
    }),
  );
}

/** Writes `indexDir/vocabulary.json` from the index's own text; returns how many words it holds. */
export async function writeVocabulary(indexDir: string): Promise<number> {
  const vocabulary = vocabularyOf(await indexedTexts(indexDir));
  await writeFile(path.join(indexDir, VOCABULARY_FILE), JSON.stringify(vocabulary));
  return vocabulary.words.length;
}
