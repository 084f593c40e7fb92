/** The rules that give articles their subjects (src/model/subjects.ts): plain data, no Eleventy; and what they give the real archive. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Subject } from "../../src/content/subjects.ts";
import { readSettings } from "../../src/core/settings.ts";
import { loadSite, siteOptions, type Site } from "../../src/model/site.ts";
import { assignSubjects, explainSubjects, subjectEvidence, subjectText } from "../../src/model/subjects.ts";

const subject = (key: string, words: string[], phrases: string[] = [], threshold = 3): Subject => ({
  key,
  name: key[0]!.toUpperCase() + key.slice(1),
  description: `About ${key}.`,
  words,
  phrases,
  threshold,
});
const adoption = subject("adoption", ["adopt*", "RAA"], ["special guardianship", "regional adoption agenc*"]);
const send = subject("send", ["SEND", "EHCP"], ["special educational need*", "high needs"]);
const uasc = subject("uasc", ["UASC", "unaccompanied"]);
const keys = (title: string, text: string, subjects: Subject[] = [adoption, send, uasc]) =>
  assignSubjects({ title, text }, subjects).map((found) => found.key);

describe("assignSubjects", () => {
  it("gives a subject whose words appear often enough, and not one mentioned in passing", () => {
    const text =
      "We placed six siblings for adoption. Adopters came forward; adopted children thrive. Please send a note.";
    expect(keys("A family for life", text)).toEqual(["adoption"]);
    expect(
      keys("A family for life", "One of our children was adopted last year; the rest of this is about budgets."),
    ).toEqual([]);
  });

  it("gives a subject named once in the title", () => {
    expect(keys("Adoption: sibling groups", "Brothers and sisters stay together.")).toEqual(["adoption"]);
  });

  it("keeps to a subject's own threshold", () => {
    const strict = { ...adoption, threshold: 5 };
    const text = "adoption adoption adoption adoption";
    expect(keys("Families", text, [strict])).toEqual([]);
    expect(keys("Families", `${text} adoption`, [strict])).toEqual(["adoption"]);
  });

  it("reads an acronym only in capitals, or its plural: the verb 'send' is not SEND", () => {
    expect(keys("Post", "Send it, send them, we send letters.")).toEqual([]);
    expect(keys("Post", "SEND reforms; SEND funding; SEND tribunals.")).toEqual(["send"]);
    expect(keys("Post", "Most UASCs arrive alone; UASC need homes; unaccompanied children.")).toEqual(["uasc"]);
  });

  it("matches a phrase across case, hyphens and apostrophes, and counts it once rather than also as its words", () => {
    const evidence = subjectEvidence(
      { title: "Update", text: "The Regional Adoption Agency and our regional-adoption agencies." },
      [adoption],
    );
    expect(evidence).toEqual([
      {
        subject: adoption,
        matches: [{ term: "regional adoption agenc*", count: 2 }],
        inTitle: 0,
        total: 2,
        assigned: false,
      },
    ]);
  });

  it("matches a word with `*` at any ending, and a word without it whole", () => {
    const evidence = subjectEvidence({ title: "", text: "adopt adopters adoption adapt" }, [adoption]);
    expect(evidence[0]?.matches).toEqual([{ term: "adopt*", count: 3 }]);
    expect(keys("", "guardians guardianship special", [subject("x", ["guardian"])])).toEqual([]);
  });
});

describe("subjectText", () => {
  it("reads an editor's summary with the body, and the body alone when the summary is its first paragraph", () => {
    expect(subjectText("Title", "Adoption and more.", "Body.")).toEqual({
      title: "Title",
      text: "Adoption and more.\nBody.",
    });
    expect(subjectText("Title", undefined, "Body.")).toEqual({ title: "Title", text: "Body." });
  });
});

describe("explainSubjects", () => {
  it("says which subjects the rules gave, with the words found and how often, then those too seldom to count", () => {
    const text = "Adoption, adopters and special guardianship. SEND once.";
    const lines = explainSubjects(subjectEvidence({ title: "Families", text }, [adoption, send]));
    expect(lines).toEqual([
      "Subjects assigned by the site, by the rules in content/_data/subjects.yaml:",
      '  Adoption [adoption]: 3 times (3 needed): "adopt*" ×2, "special guardianship" ×1',
      "Mentioned too seldom to count (a passing mention):",
      '  Send [send]: 1 time (3 needed, or once in the title): "SEND" ×1',
    ]);
  });

  it("puts an editor's own choice first, and says what the rules would have given", () => {
    const lines = explainSubjects(subjectEvidence({ title: "UASC", text: "" }, [uasc]), [send]);
    expect(lines).toEqual([
      "Subjects chosen by the editor (`subjects:`): Send.",
      "The site's rules would give it these instead:",
      '  Uasc [uasc]: 1 time, all in the title (once in the title is enough): "UASC" ×1',
    ]);
  });
});

describe("the real archive's subjects (content/_data/subjects.yaml)", () => {
  let site: Site;
  beforeAll(async () => {
    site = await loadSite(siteOptions("content", { ...readSettings({}), buildDate: new Date("2026-11-30T12:00:00Z") }));
  });

  it("gives every article at least one subject, and every subject at least one article", () => {
    expect(site.articles.filter((article) => article.subjects.length === 0).map((article) => article.file)).toEqual([]);
    expect(site.subjects.filter((subject) => subject.count === 0).map((subject) => subject.key)).toEqual([]);
  });

  it("gives the subjects a careful reader would, judged from the text", () => {
    const subjectsOf = (title: string) =>
      site.articles.find((article) => article.title === title)!.subjects.map((subject) => subject.key);
    expect(subjectsOf("A family for life")).toContain("adoption");
    expect(subjectsOf("Young Offenders as Victims")).toContain("youth-justice");
    expect(subjectsOf("Do we know what Brexit means for children?")).toEqual(["government"]);
    expect(subjectsOf("Should we be worried about algorithms?")).toEqual(["technology"]);
    // "adopted" once in passing, in an article about something else.
    expect(subjectsOf("Making our voices heard")).not.toContain("adoption");
  });
});
