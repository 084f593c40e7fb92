import { describe, expect, it } from "vitest";
import { parseBody } from "../../src/legacy/blocks.ts";
import { blocksToMarkdown } from "../../src/legacy/markdown.ts";
import { renderedWords, siteMarkdown, wordsOf } from "./words.ts";

const toMarkdown = (text: string) => blocksToMarkdown(parseBody(text.split("\n")));
const html = (text: string) => siteMarkdown.render(toMarkdown(text));

describe("escaping", () => {
  it.each([
    ["1. A paragraph that starts like a numbered item"],
    ["# Not a heading"],
    ["> Not a quotation"],
    ["+ Not a bullet"],
    ["* I hope you saw what I did there!"],
    ["*The final report - click here to read."],
    ["5 A*-C grades and the Department of Health* on it"],
    ["snake_case and __init__ stay as typed"],
    ["a <b>tag</b> and <https://example.org> stay as typed"],
    ["[Note: no civil servants were harmed] and [we] have"],
    ["a | b | c"],
    ["~~not struck~~ and `not code`"],
    ["And yet ... I find it, School’s out for summer...."],
    ["Let's talk about \"local\" funding"],
    ["(c) 2019, (tm) and (R) -- and --- and +- and ,, and ????"],
    ["&amp; stays an ampersand word, as does & alone"],
    ["A back\\slash"],
    ["A line\n=== under it"],
    ["A line\n---"],
  ])("keeps %j exactly as written", (text) => {
    expect(renderedWords(toMarkdown(text))).toEqual(wordsOf(text));
  });

  it("renders escaped text as one plain paragraph", () => {
    expect(html("1. A paragraph that starts like a numbered item")).toBe("<p>1. A paragraph that starts like a numbered item</p>\n");
    expect(html("# Not a heading")).toBe("<p># Not a heading</p>\n");
    expect(html("* I hope you saw what I did there!")).toBe("<p>* I hope you saw what I did there!</p>\n");
  });

  it("keeps typographic quotes and dashes as they are", () => {
    const text = "‘ACE’ aware – a “helpful” approach — or not…";
    expect(toMarkdown(text)).toBe(`${text}\n`);
    expect(html(text)).toBe(`<p>${text}</p>\n`);
  });
});

describe("blocks", () => {
  it("writes headings, lists and quotations as Markdown", () => {
    const text = [
      "Skills and capacities",
      "",
      "Intro:",
      "",
      "  • one",
      "  • two",
      "",
      "  1. first",
      "  2. second",
      "",
      "a. was part time",
      "",
      "b. was affordable",
      "",
      "“It is not the critic who counts.”",
      "",
      "- Theodore Roosevelt",
    ].join("\n");
    expect(toMarkdown(text)).toBe(
      [
        "## Skills and capacities",
        "",
        "Intro:",
        "",
        "- one",
        "- two",
        "",
        "1. first",
        "2. second",
        "",
        "- a. was part time",
        "- b. was affordable",
        "",
        "> “It is not the critic who counts.”",
        ">",
        "> \\- Theodore Roosevelt",
        "",
      ].join("\n"),
    );
    expect(html(text)).toContain("<li>a. was part time</li>");
    expect(html(text)).toContain("<p>- Theodore Roosevelt</p>\n</blockquote>");
  });

  it("keeps a line break inside a paragraph and escapes each line", () => {
    expect(toMarkdown("the education entitlement and consequently on\n1. the outcomes")).toBe("the education entitlement and consequently on\n1\\. the outcomes\n");
  });
});
