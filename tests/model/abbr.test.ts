import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import type { GlossaryEntry } from "../../src/content/glossary.ts";
import { createMarkdown, renderMarkdown } from "../../src/model/markdown.ts";

const glossary: GlossaryEntry[] = [
  { acronym: "UASC", expansion: "unaccompanied asylum-seeking children" },
  { acronym: "SEN", expansion: "special educational needs" },
  { acronym: "SEND", expansion: "special educational needs and disabilities" },
  { acronym: "DCS", expansion: "director of children's services" },
];
const md = createMarkdown({ siteOrigin: "https://archive.example.org" });

/** Each `abbr` of the rendered body: its text and title. */
function abbrs(body: string, withGlossary: readonly GlossaryEntry[] = glossary): string[] {
  const $ = load(renderMarkdown(md, body, { glossary: withGlossary }).html);
  return $("abbr")
    .toArray()
    .map((element) => `${$(element).text()}=${$(element).attr("title")}`);
}

describe("acronyms explained on first use (abbr)", () => {
  it("wraps the first use of each acronym, and only the first", () => {
    const body = "Most UASC arrive in Kent.\n\nThe UASC scheme and SEND reforms.\n\nSEND again.";
    expect(abbrs(body)).toEqual([
      "UASC=unaccompanied asylum-seeking children",
      "SEND=special educational needs and disabilities",
    ]);
    const html = renderMarkdown(md, body, { glossary }).html;
    expect(html).toContain('Most <abbr title="unaccompanied asylum-seeking children">UASC</abbr> arrive in Kent.');
    expect(html).toContain("<p>SEND again.</p>");
  });

  it("reads a plural as the acronym, and not a word it is part of", () => {
    expect(abbrs("Two UASCs and a SENDER, then SEN support.")).toEqual([
      "UASCs=unaccompanied asylum-seeking children",
      "SEN=special educational needs",
    ]);
  });

  it("leaves an acronym the paragraph spells out, and counts that as its first use", () => {
    const body =
      "Unaccompanied asylum-seeking children (UASC) need homes.\n\nMore UASC arrived.\n\nDirectors of Children’s Services (DCSs) met.";
    expect(abbrs(body)).toEqual([]);
  });

  it("never inside a heading, a link or code, where the next use in the text is explained", () => {
    const body = "## UASC in London\n\nSee [the UASC report](/x/) and `UASC`.\n\n    UASC in code\n\nThe UASC rota.";
    const $ = load(renderMarkdown(md, body, { glossary }).html);
    expect($("h2 abbr, a abbr, code abbr")).toHaveLength(0);
    expect($("abbr").parent().text()).toBe("The UASC rota.");
  });

  it("escapes the words it puts in the title, and changes nothing without a glossary", () => {
    const risky = [{ acronym: "QA", expansion: `quality "assurance" <b>` }];
    expect(renderMarkdown(md, "A QA check.", { glossary: risky }).html).toContain(
      '<abbr title="quality &quot;assurance&quot; &lt;b&gt;">QA</abbr>',
    );
    expect(renderMarkdown(md, "Most UASC arrive.").html).toBe("<p>Most UASC arrive.</p>\n");
  });

  it("keeps the plain text as written, for search and reading time", () => {
    expect(renderMarkdown(md, "Most UASC arrive.", { glossary }).text).toBe("Most UASC arrive.");
  });
});
