/**
 * The glossary (`content/_data/glossary.yaml`, read and checked by `src/content/glossary.ts`) as search uses
 * it: both ways (src/model/site.ts gives each article the terms it uses, which the
 * index holds beside its text), and the search page reads an all-capitals query as the acronym, not the
 * word ("SEND", not "send").
 */
import type { GlossaryEntry } from "../content/glossary.ts";

/** Words compared without case, punctuation or hyphens: "Asylum-seeking" and "asylum seeking" meet. */
function words(text: string): string {
  return ` ${text
    .toLocaleLowerCase("en-GB")
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
  return glossary.filter(
    ({ acronym, expansion }) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${acronym}s?(?![\\p{L}\\p{N}])`, "u").test(text) ||
      spelt.includes(words(expansion)),
  );
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
