import { describe, expect, it } from "vitest";
import { parseBody, type Block } from "../../src/legacy/blocks.ts";

const body = (text: string) => parseBody(text.split("\n"));
const kinds = (blocks: Block[]) => blocks.map((block) => block.kind);

describe("section headings", () => {
  it("takes a short line of its own that does not end like a sentence", () => {
    expect(body("Skills and capacities\n\nDCSs are system leaders.")).toEqual([
      { kind: "heading", text: "Skills and capacities" },
      { kind: "paragraph", lines: ["DCSs are system leaders."] },
    ]);
  });

  it("takes a very short question, but not a longer one or a sentence", () => {
    expect(kinds(body("So what are ACEs?\n\nText."))).toEqual(["heading", "paragraph"]);
    expect(kinds(body("Is this what an inclusive society really looks like today?\n\nText."))).toEqual(["paragraph", "paragraph"]);
    expect(kinds(body("It’s a team I want to play for.\n\nText."))).toEqual(["paragraph", "paragraph"]);
    expect(kinds(body("Merry Christmas,\n\nText."))).toEqual(["paragraph", "paragraph"]);
    expect(kinds(body("And austerity is still here…\n\nText."))).toEqual(["paragraph", "paragraph"]);
  });

  it("needs a section after it: not last, and not a subtitle straight above another heading", () => {
    expect(kinds(body("Text.\n\nThe end"))).toEqual(["paragraph", "paragraph"]);
    expect(kinds(body("Update for the February meeting\n\nSuccession planning\n\nText."))).toEqual(["paragraph", "heading", "paragraph"]);
  });
});

describe("lists", () => {
  it("reads indented bullets as a list", () => {
    expect(body("Questions:\n\n  • do we record the right data;\n  • who owns the data?")).toEqual([
      { kind: "paragraph", lines: ["Questions:"] },
      { kind: "list", style: "bullet", items: [{ marker: "", lines: ["do we record the right data;"] }, { marker: "", lines: ["who owns the data?"] }] },
    ]);
  });

  it("reads numbered items that count up", () => {
    expect(body("  1. one\n  2. two\n  3. three")).toEqual([
      { kind: "list", style: "numbered", items: [{ marker: "1.", lines: ["one"] }, { marker: "2.", lines: ["two"] }, { marker: "3.", lines: ["three"] }] },
    ]);
    expect(kinds(body("1. A lone numbered sentence."))).toEqual(["paragraph"]);
    expect(kinds(body("3. then\n\n5. more"))).toEqual(["paragraph", "paragraph"]);
  });

  it("reads lettered items from a. even when blank lines separate them, keeping the letters", () => {
    expect(body("a. was part time\n\nb. could take account\n\nc. was affordable")).toEqual([
      { kind: "list", style: "lettered", items: [{ marker: "a.", lines: ["was part time"] }, { marker: "b.", lines: ["could take account"] }, { marker: "c.", lines: ["was affordable"] }] },
    ]);
    expect(kinds(body("a. lone sentence"))).toEqual(["paragraph"]);
    expect(kinds(body("b. then\n\nc. more"))).toEqual(["paragraph", "paragraph"]);
  });

  it("reads two or more dash lines as a bullet list", () => {
    expect(body("- Firstly, this\n\n- Secondly, that")).toEqual([
      { kind: "list", style: "bullet", items: [{ marker: "", lines: ["Firstly, this"] }, { marker: "", lines: ["Secondly, that"] }] },
    ]);
    expect(kinds(body("- a lone dash line"))).toEqual(["paragraph"]);
  });
});

describe("quotations", () => {
  it("reads a quotation with its attribution after a dash on the same line", () => {
    const text = "“Every day the opportunity for leadership stands before you” - Heifetz & Linsky";
    expect(body(text)).toEqual([{ kind: "quote", paragraphs: [[text]] }]);
    expect(kinds(body("“One hundred years from now” – Forest E Witcraft."))).toEqual(["quote"]);
  });

  it("takes a dash line after a quotation as its attribution, not a list", () => {
    expect(body("“It is not the critic who counts.”\n\n- Theodore Roosevelt\n\nThanks.")).toEqual([
      { kind: "quote", paragraphs: [["“It is not the critic who counts.”"], ["- Theodore Roosevelt"]] },
      { kind: "paragraph", lines: ["Thanks."] },
    ]);
  });

  it("runs a quotation on over short verse lines until it closes, with a parenthesised attribution", () => {
    const poem = "“Yesterday, upon the stair,\n\nI met a man who wasn’t there.\n\nI wish he’d go away…”\n\n(A short excerpt from “Antigonish” by William Hughes Mearns.)\n\nAs a child I was intrigued.";
    expect(body(poem)).toEqual([
      {
        kind: "quote",
        paragraphs: [["“Yesterday, upon the stair,"], ["I met a man who wasn’t there."], ["I wish he’d go away…”"], ["(A short excerpt from “Antigonish” by William Hughes Mearns.)"]],
      },
      { kind: "paragraph", lines: ["As a child I was intrigued."] },
    ]);
  });

  it("reads a whole quoted paragraph, even over two lines, and an unclosed one that follows a quotation", () => {
    const quotes = "‘When I was at home, things were different…\nI’ve got someone to rely on now’\n\n‘…they make me feel safe and part of a family";
    expect(kinds(body(quotes))).toEqual(["quote", "quote"]);
    expect(kinds(body("‘…they make me feel safe and part of a family"))).toEqual(["paragraph"]);
  });

  it("leaves prose that merely starts or ends with a quotation as a paragraph", () => {
    expect(kinds(body("‘We lay the foundations so they can soar’, said Anna, at her leaving do."))).toEqual(["paragraph"]);
    expect(kinds(body("“The man that wasn’t there” is here now, and larger than life."))).toEqual(["paragraph"]);
    expect(kinds(body("In the words of Dr. Seuss: “In a world where you can be anything, be kind.”"))).toEqual(["paragraph"]);
    expect(kinds(body("“A” he said, and then “B”"))).toEqual(["paragraph"]);
  });
});
