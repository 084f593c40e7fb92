/** The subjects file: read with every content file, each wrong entry a problem at its line (src/content/subjects.ts). */
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/content/problems.ts";
import { parseYamlFile } from "../../src/content/source.ts";
import { DEFAULT_THRESHOLD, validateSubjects } from "../../src/content/subjects.ts";

const FILE = "content/_data/subjects.yaml";
const GUIDE = ' (see EDITING.md, "Subjects")';
const check = (text: string) => {
  const source = parseYamlFile(FILE, text);
  const { subjects, problems } = validateSubjects(source);
  return { subjects, problems: [...source.problems, ...problems].map(formatProblem) };
};

describe("validateSubjects", () => {
  it("reads each subject with its words, phrases and threshold, the default where none is given", () => {
    const text = [
      "# a comment",
      "adoption:",
      "  name: Adoption",
      "  description: Finding children families.",
      "  words: [adopt*, RAA]",
      "  phrases: [special guardianship]",
      "youth-justice:",
      "  name: Youth justice",
      "  description: Children in trouble with the law.",
      "  phrases: [youth justice]",
      "  threshold: 5",
    ].join("\n");
    expect(check(text)).toEqual({
      subjects: [
        { key: "adoption", name: "Adoption", description: "Finding children families.", words: ["adopt*", "RAA"], phrases: ["special guardianship"], threshold: DEFAULT_THRESHOLD },
        { key: "youth-justice", name: "Youth justice", description: "Children in trouble with the law.", words: [], phrases: ["youth justice"], threshold: 5 },
      ],
      problems: [],
    });
  });

  it("names the line of every wrong entry, with what to write instead, in one run", () => {
    const text = [
      "Youth Justice:", // 1: not a key for an address
      "  name: Youth justice",
      "adoption:", // 3
      "  nmae: Adoption", // 4: a misspelt field, so `name` is missing too
      "  description: Families.",
      "  words:",
      "    - adopt*",
      "    - special guardianship", // 8: a phrase among the words
      "  phrases: [adoption]", // 9: one word among the phrases
      "  threshold: none", // 10
      "funding:", // 11: no words or phrases
      "  name: Funding",
      "  description: Money.",
      "money:", // 14: the same name as another subject's
      "  name: funding",
      "  description: Money.",
      "  words: [£5m]", // 17: not a word
    ].join("\n");
    expect(check(text).problems).toEqual([
      `${FILE}:1:1: subject "Youth Justice": the key is its page's address: use lower-case words joined by hyphens, e.g. "youth-justice"${GUIDE}`,
      `${FILE}:4:3: subject "adoption": \`nmae\` is not a field of a subject: did you mean \`name\`?${GUIDE}`,
      `${FILE}:3:1: subject "adoption": \`name\` is missing: add it, e.g. \`name: Youth justice\`${GUIDE}`,
      // An entry of a list is reported at its field's line: the entry's own line when written `words: [a, b]`.
      `${FILE}:6:3: subject "adoption": "special guardianship" is several words: move it to \`phrases\`${GUIDE}`,
      `${FILE}:9:3: subject "adoption": "adoption" is one word: move it to \`words\`${GUIDE}`,
      `${FILE}:10:3: subject "adoption": \`threshold\` should be a whole number of 1 or more, e.g. \`threshold: 3\`${GUIDE}`,
      `${FILE}:11:1: subject "funding": it has no \`words\` or \`phrases\`: list the words that mark an article as being about it, e.g. \`words: [adoption, adopt*]\`${GUIDE}`,
      `${FILE}:17:3: subject "money": "£5m" is not a word: write letters and digits, with \`*\` at the end of a word for any ending, e.g. \`words: [adoption, adopt*]\`${GUIDE}`,
      `${FILE}:15:3: subject "money": the name "funding" is also the subject "funding"'s: give each subject its own name${GUIDE}`,
    ]);
  });

  it("refuses a file that is a list instead of subjects, rather than reading it as empty", () => {
    expect(check("- adoption\n")).toEqual({
      subjects: [],
      problems: [`${FILE}:1:1: this should be fields, each \`name: value\` on a line of its own, not a list or a single value`],
    });
  });
});
