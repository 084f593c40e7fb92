/**
 * The glossary (`content/_data/glossary.yaml`, read and checked by `src/content/glossary.ts`) as search uses
 * it: both ways (src/model/site.ts gives each article the terms it uses, which the
 * index holds beside its text), and the search page reads an all-capitals query as the acronym, not the
 * word ("SEND", not "send").
 */
import type { GlossaryEntry } from "../content/glossary.ts";

/** Words compared without case, punctuation or hyphens: "Asylum-seeking" and "asylum seeking" meet. */
function words(text: string): string {
  // toLowerCase, not toLocaleLowerCase("en-GB"): the same for English, and many times faster over a whole article.
  return ` ${text
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/**
 * The entries a text uses, either way: by the acronym (as a word in capitals, or its plural "UASCs") or by
 * its words spelt out.
 *
 * @example glossaryTermsIn("Most UASCs arrive…", glossary) // [{ acronym: "UASC", expansion: "unaccompanied asylum-seeking children" }]
 */
export function glossaryTermsIn(text: string, glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  const spelt = words(text);
  return glossary.filter((entry) => {
    const { acronym, spelt: expansion } = matcherOf(entry);
    return acronym.test(text) || spelt.includes(expansion);
  });
}

const matchers = new WeakMap<GlossaryEntry, { acronym: RegExp; spelt: string }>();

/** An entry's acronym as a pattern and its expansion as words, made once per entry rather than once per article. */
function matcherOf(entry: GlossaryEntry): { acronym: RegExp; spelt: string } {
  let matcher = matchers.get(entry);
  if (!matcher) {
    const acronym = new RegExp(`(?<![\\p{L}\\p{N}])${entry.acronym}s?(?![\\p{L}\\p{N}])`, "u");
    matcher = { acronym, spelt: words(entry.expansion) };
    matchers.set(entry, matcher);
  }
  return matcher;
}

/**
 * What the search index holds beside an article's text so that each term it uses is found both ways:
 * "UASC unaccompanied asylum-seeking children" for an article that writes either; "" if it uses none.
 */
export function searchTerms(text: string, glossary: readonly GlossaryEntry[]): string {
  return glossaryTermsIn(text, glossary)
    .map(({ acronym, expansion }) => `${acronym} ${expansion}.`)
    .join(" ");
}
