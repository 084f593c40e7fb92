/** The glossary: read from its YAML with a message for a wrong entry, and matched both ways in a text. */
import { describe, expect, it } from "vitest";
import { glossaryTermsIn, parseGlossary, searchTerms } from "../../src/model/glossary.ts";

const FILE = "content/_data/glossary.yaml";
const glossary = parseGlossary(
  "# a comment\nUASC: unaccompanied asylum-seeking children\nSEND: special educational needs and disabilities\n",
  FILE,
);

describe("parseGlossary", () => {
  it("reads each acronym with its words", () => {
    expect(glossary).toEqual([
      { acronym: "UASC", expansion: "unaccompanied asylum-seeking children" },
      { acronym: "SEND", expansion: "special educational needs and disabilities" },
    ]);
  });

  it("names the file and line of an entry that is not an acronym, or has no words", () => {
    expect(() => parseGlossary("UASC: unaccompanied\nsend: the verb\n", FILE)).toThrow(
      /^content\/_data\/glossary\.yaml:2: "send" is not an acronym in capitals: write one entry a line/,
    );
    expect(() => parseGlossary("UASC:\n", FILE)).toThrow(/glossary\.yaml:1: "UASC" has no words after the colon/);
  });
});

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
