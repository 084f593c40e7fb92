import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { authorsOf, mergeAuthorsYaml } from "../../src/legacy/authors.ts";
import { parseMetadata } from "../../src/legacy/metadata.ts";

const HEADER = "export_file\tarchive_order\ttitle\tdate\tdate_basis\tauthor\tauthor_basis\tauthor_role\tregion\tregion_basis\told_url\tsource_url\tnote";
const rows = parseMetadata(
  [
    HEADER,
    "f\t12\tA\t\t\tRachel Dickinson\tinferred\tADCS President 2019/20 (inferred)\t\t\t\t\t",
    "f\t13\tB\t\t\tRachel Dickinson\tinferred\tADCS President 2019/20; DCS Barnsley (inferred)\t\t\t\t\t",
    "f\t3\tC\t\t\tMike Bowden\tconfirmed\t\t\t\t\t\t",
  ].join("\n"),
);

describe("authors", () => {
  it("keys authors by the slug of their name and merges the known parts of their roles", () => {
    expect(Object.fromEntries(authorsOf(rows).authors)).toEqual({
      "rachel-dickinson": { name: "Rachel Dickinson", role: "ADCS President 2019/20; DCS Barnsley" },
      "mike-bowden": { name: "Mike Bowden" },
    });
  });

  it("adds missing authors sorted by key, leaving existing entries and comments as they were", () => {
    const existing = "# Our authors.\nzoe-editor:\n  name: Zoë Editor # hand-written\nrachel-dickinson: { name: R. Dickinson }\n";
    const { text, added } = mergeAuthorsYaml(existing, authorsOf(rows).authors);
    expect(added).toEqual(["mike-bowden"]);
    expect(text).toBe(
      "# Our authors.\n\nmike-bowden:\n  name: Mike Bowden\nrachel-dickinson: { name: R. Dickinson }\nzoe-editor:\n  name: Zoë Editor # hand-written\n",
    );
    expect(mergeAuthorsYaml(text, authorsOf(rows).authors).text).toBe(text);
  });

  it("starts a new file that reads back as the entries", () => {
    const { text } = mergeAuthorsYaml(undefined, authorsOf(rows).authors);
    expect(parse(text)).toEqual({
      "mike-bowden": { name: "Mike Bowden" },
      "rachel-dickinson": { name: "Rachel Dickinson", role: "ADCS President 2019/20; DCS Barnsley" },
    });
    expect(mergeAuthorsYaml(text, authorsOf(rows).authors).text).toBe(text);
  });
});
