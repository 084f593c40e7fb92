/** The glossary file: read with every content file, a wrong entry a problem at its line (src/content/glossary.ts). */
import { describe, expect, it } from "vitest";
import { validateGlossary } from "../../src/content/glossary.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { parseYamlFile } from "../../src/content/source.ts";

const FILE = "content/_data/glossary.yaml";
const check = (text: string) => {
  const source = parseYamlFile(FILE, text);
  const { glossary, problems } = validateGlossary(source);
  return { glossary, problems: [...source.problems, ...problems].map(formatProblem) };
};

describe("validateGlossary", () => {
  it("reads each acronym with its words", () => {
    expect(check("# a comment\nUASC: unaccompanied asylum-seeking children\nSEND: special educational needs and disabilities\n")).toEqual({
      glossary: [
        { acronym: "UASC", expansion: "unaccompanied asylum-seeking children" },
        { acronym: "SEND", expansion: "special educational needs and disabilities" },
      ],
      problems: [],
    });
  });

  it("names the line of every entry that is not an acronym, or has no words, in one run", () => {
    const fix = "write one entry a line, the acronym in capitals, a colon, then its words (`UASC: unaccompanied asylum-seeking children`)";
    expect(check("send: the verb\nUASC: unaccompanied\nLAC:\n").problems).toEqual([
      `${FILE}:1:1: "send" is not an acronym in capitals: ${fix}`,
      `${FILE}:3:1: "LAC" has no words after the colon: ${fix}`,
    ]);
  });

  it("refuses a file that is a list instead of entries, rather than reading it as empty", () => {
    expect(check("- UASC\n")).toEqual({
      glossary: [],
      problems: [`${FILE}:1:1: this should be fields, each \`name: value\` on a line of its own, not a list or a single value`],
    });
  });
});
