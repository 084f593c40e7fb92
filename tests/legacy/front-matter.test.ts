import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { frontMatterSchema } from "../../src/content/schema.ts";
import { undatedBounds } from "../../src/legacy/date-bounds.ts";
import { yearFolder } from "../../src/content/place.ts";
import { buildFrontMatter, frontMatterYaml, type ArticleFacts } from "../../src/legacy/front-matter.ts";
import { parseMetadata, type MetadataRow } from "../../src/legacy/metadata.ts";
import { cleanRole } from "../../src/legacy/role.ts";
import { derivedOldUrl, slugOf } from "../../src/legacy/slug.ts";

const REGIONS = { "east-midlands": "East Midlands", "greater-london": "Greater London", "south-east": "South East" };
const HEADER = "export_file\tarchive_order\ttitle\tdate\tdate_basis\tauthor\tauthor_basis\tauthor_role\tregion\tregion_basis\told_url\tsource_url\tnote";
const row = (cells: string) => parseMetadata(`${HEADER}\n${cells}\n`)[0]!;
const facts = (title: string, metadata: MetadataRow | undefined, extra: Partial<ArticleFacts> = {}): ArticleFacts => ({
  kind: "blog",
  title,
  tags: [],
  row: metadata,
  dateBetween: undefined,
  ...extra,
});

describe("metadata.tsv", () => {
  it("reads a row, leaving empty cells undefined", () => {
    expect(row("004.txt\t1\tGrow your own\t2019-07-12\tconfirmed\tHelen Blackman\tconfirmed\tNottingham City Council (text: 'x')\tEast Midlands\tinferred\t\thttps://cyp\tA note.")).toEqual({
      exportFile: "004.txt",
      archiveOrder: 1,
      title: "Grow your own",
      date: "2019-07-12",
      dateBasis: "confirmed",
      author: "Helen Blackman",
      authorBasis: "confirmed",
      authorRole: "Nottingham City Council (text: 'x')",
      region: "East Midlands",
      regionBasis: "inferred",
      oldUrl: undefined,
      sourceUrl: "https://cyp",
      note: "A note.",
    });
  });

  it("refuses a basis or date it does not know", () => {
    expect(() => row("f\t1\tT\t2019-07\tguessed\t\t\t\t\t\t\t\t")).toThrow(/guessed/);
    expect(() => row("f\t1\tT\tJuly 2019\t\t\t\t\t\t\t\t\t")).toThrow(/July 2019/);
  });
});

describe("front-matter from metadata", () => {
  it("maps a fully known blog post", () => {
    const metadata = row("004.txt\t1\tGrow your own\t2019-07-12\tconfirmed\tHelen Blackman\tconfirmed\tNottingham City Council\tEast Midlands\tinferred\t\t\tThe note, verbatim.");
    const { frontMatter, warnings } = buildFrontMatter(facts("Grow your own", metadata), REGIONS);
    expect(frontMatter).toEqual({
      title: "Grow your own",
      date: "2019-07-12",
      author: "helen-blackman",
      region: "east-midlands",
      legacy: {
        order: 1,
        oldUrl: "https://adcs.org.uk/blog/article/grow-your-own",
        oldUrlBasis: "derived",
        dateBasis: "confirmed",
        authorBasis: "confirmed",
        regionBasis: "inferred",
        note: "The note, verbatim.",
      },
    });
    expect(warnings).toEqual([]);
    expect(frontMatterSchema.parse(frontMatter)).toEqual(frontMatter);
  });

  it("gives an undated post its bounds, the role of an unnamed author, and warns", () => {
    const metadata = row("004.txt\t4\tFar less than they deserve\t\t\t\t\ta South East DCS (from text: 'In the South East...')\tSouth East\tinferred\thttps://adcs.org.uk/blog/article/far-less-than-they-deserve\t\t");
    const { frontMatter, warnings } = buildFrontMatter(facts("Far less than they deserve", metadata, { dateBetween: ["2019-05", "2019-06-21"] }), REGIONS);
    expect(frontMatter.date).toBeUndefined();
    expect(frontMatter.author).toBeUndefined();
    expect(frontMatter.legacy).toMatchObject({ oldUrlBasis: "confirmed", dateBetween: ["2019-05", "2019-06-21"], authorRole: "a South East DCS" });
    expect(frontMatter.legacy).not.toHaveProperty("dateBasis");
    expect(yearFolder(frontMatter)).toBe("2019");
    expect(warnings).toEqual(["date unknown (between 2019-05 and 2019-06-21)", "author unknown (role: a South East DCS)"]);
  });

  it("derives no old URL from a title cut short, and keeps its dots", () => {
    const metadata = row("004.txt\t11\tLeadership and a duty of optimism...\t\t\t\t\t\t\t\t\t\t");
    const { frontMatter, warnings } = buildFrontMatter(facts("Leadership and a duty of optimism...", metadata), REGIONS);
    expect(frontMatter.title).toBe("Leadership and a duty of optimism...");
    expect(frontMatter.legacy).not.toHaveProperty("oldUrl");
    expect(warnings).toContain("old URL unknown (title cut short, so none derived)");
    expect(warnings).toContain("date unknown, with no dated neighbour on one side: no dateBetween");
    expect(yearFolder(frontMatter)).toBe("undated");
  });

  it("takes a regional update's month and region from its title, and its old URL only from metadata", () => {
    const metadata = row("003.txt\t\tGL Region February 2016 Update\t2016-02\ttitle\t\t\tGreater London region regional update\tGreater London\ttitle\t\t\t");
    const { frontMatter, warnings } = buildFrontMatter(facts("GL Region February 2016 Update", metadata, { kind: "regional-update", tags: ["SLI"] }), REGIONS);
    expect(frontMatter).toMatchObject({ date: "2016-02", region: "greater-london", tags: ["SLI"], legacy: { dateBasis: "title", regionBasis: "title" } });
    expect(frontMatter.legacy).not.toHaveProperty("oldUrl");
    expect(frontMatter.legacy).not.toHaveProperty("order");
    expect(warnings).toContain("archive order unknown (none in metadata.tsv): legacy.order omitted");
  });
});

describe("undated bounds", () => {
  it("uses the nearest dated neighbours, older first, and none when a side has none", () => {
    const bounds = undatedBounds([
      { order: 0, date: undefined },
      { order: 1, date: "2019-07-12" },
      { order: 2, date: undefined },
      { order: 3, date: undefined },
      { order: 4, date: "2019-06" },
      { order: 5, date: undefined },
    ]);
    expect([...bounds]).toEqual([
      [0, undefined],
      [2, ["2019-06", "2019-07-12"]],
      [3, ["2019-06", "2019-07-12"]],
      [5, undefined],
    ]);
  });
});

describe("slugs, old URLs and roles", () => {
  it("drops punctuation and typographic quotes, keeping hyphens inside words", () => {
    expect(slugOf("Being ‘ACE’ aware – a helpful or harmful approach?")).toBe("being-ace-aware-a-helpful-or-harmful-approach");
    expect(slugOf("Co-operating to improve outcomes")).toBe("co-operating-to-improve-outcomes");
    expect(slugOf("Local authority children’s services does something good for...")).toBe("local-authority-childrens-services-does-something-good-for");
    expect(derivedOldUrl("Birmingham Children’s Trust: The Journey Starts Here!")).toBe("https://adcs.org.uk/blog/article/birmingham-childrens-trust-the-journey-starts-here");
    expect(derivedOldUrl("Just a thought…")).toBeUndefined();
  });

  it("cleans reasoning and guesses out of roles", () => {
    expect(cleanRole("a South East DCS (from text: 'In the South East we have conducted work')")).toBe("a South East DCS");
    expect(cleanRole("DCS East Sussex (from text: 'the director of children's services (DCS) in East Sussex'); ADCS President 2018/19")).toBe("DCS East Sussex; ADCS President 2018/19");
    expect(cleanRole("senior leader (DCS) at Oxfordshire County Council (from text: describes it)")).toBe("senior leader (DCS) at Oxfordshire County Council");
    expect(cleanRole("senior officer, Barnsley MBC (from text: x); possibly Rachel Dickinson (DCS Barnsley) - not confirmed")).toBe("senior officer, Barnsley MBC");
    expect(cleanRole("DCS Hampshire; Chair, ADCS SPI Policy Committee (idx53 text)")).toBe("DCS Hampshire; Chair, ADCS SPI Policy Committee");
    expect(cleanRole("possibly Jenny Coles (Hertfordshire) - she wrote an MJ column; NOT confirmed")).toBeUndefined();
  });
});

describe("front-matter YAML", () => {
  const frontMatter = {
    title: "Children’s Funding – It’s “Code Red!”",
    date: "2019-07-12",
    tags: ["SLI", "Greater London"],
    legacy: { order: 2, dateBetween: ["2019-06-21", "2019-07"] as [string, string], note: "Author: 'x' # not a comment" },
  };

  it("reads back as the same text with both YAML parsers the project uses", () => {
    const text = frontMatterYaml(frontMatter);
    expect(matter(`${text}\nbody`).data).toEqual(frontMatter);
    expect(parse(text.replace(/^---\n|---\n$/g, ""))).toEqual(frontMatter);
  });

  it("writes lists on one line and quotes day dates", () => {
    expect(frontMatterYaml(frontMatter)).toBe(
      [
        "---",
        "title: Children’s Funding – It’s “Code Red!”",
        'date: "2019-07-12"',
        "tags: [SLI, Greater London]",
        "legacy:",
        "  order: 2",
        '  dateBetween: ["2019-06-21", 2019-07]',
        "  note: \"Author: 'x' # not a comment\"",
        "---",
        "",
      ].join("\n"),
    );
  });
});
