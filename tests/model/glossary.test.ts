/** The glossary as search uses it: matched both ways in a text. */
import { describe, expect, it } from "vitest";
import { glossaryTermsIn, searchTerms } from "../../src/model/glossary.ts";

const glossary = [
  { acronym: "UASC", expansion: "unaccompanied asylum-seeking children" },
  { acronym: "SEND", expansion: "special educational needs and disabilities" },
];

describe("glossaryTermsIn", () => {
  it("finds an entry by its acronym, singular or plural, or by its words however hyphenated", () => {
    expect(glossaryTermsIn("Most UASCs arrive in Kent.", glossary).map((entry) => entry.acronym)).toEqual(["UASC"]);
    expect(glossaryTermsIn("Unaccompanied asylum seeking children arrive.", glossary)).toHaveLength(1);
  });

  it("does not take the verb for the acronym, or a part of the words for all of them", () => {
    expect(glossaryTermsIn("Please send your views on special needs.", glossary)).toEqual([]);
  });

  it("gives the search index each term used both ways", () => {
    expect(searchTerms("Support for SEND pupils", glossary)).toBe("SEND special educational needs and disabilities.");
    expect(searchTerms("Nothing here", glossary)).toBe("");
  });
});
