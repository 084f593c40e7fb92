/** The front-matter rules of src/content/validate.ts, one by one, on strings: no files, no Eleventy. */
import { describe, expect, it } from "vitest";
import { parseMarkdownFile, parseYamlFile } from "../../src/content/source.ts";
import { placeOf } from "../../src/content/place.ts";
import { duplicateUrls, validateArticle, validateData, type SiteData, type ValidArticle } from "../../src/content/validate.ts";

const DATA: SiteData = {
  authors: { "jane-doe": { name: "Jane Doe" }, "sam-smith": { name: "Sam Smith" } },
  regions: { "greater-london": { name: "Greater London" }, "north-west": { name: "North West" } },
};

function validate(frontMatter: string, relativePath = "blog/2026/post.md", body = "Text.\n") {
  const file = `content/${relativePath}`;
  return validateArticle(parseMarkdownFile(file, `---\n${frontMatter}\n---\n${body}`), relativePath, DATA);
}

function messages(frontMatter: string, relativePath?: string) {
  return validate(frontMatter, relativePath).problems.map(({ line, column, message }) => `${line}:${column} ${message}`);
}

describe("validateArticle", () => {
  it("accepts a complete blog post and derives its URL from the path", () => {
    const { article, problems } = validate("title: Post\ndate: 2026-03-12\nauthor: jane-doe\ntags: [Funding]");
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ kind: "blog", folder: "2026", slug: "post", url: "/blog/2026/post/", bodyLine: 7 });
    expect(article!.frontMatter.date).toBe("2026-03-12");
  });

  it("requires a title", () => {
    expect(messages("date: 2026-03-12\nauthor: jane-doe")).toEqual(["2:1 `title` is missing: add it, e.g. `title: Why early help matters`"]);
  });

  it("says an empty title is empty", () => {
    expect(messages('title: "  "\ndate: 2026-03-12\nauthor: jane-doe')[0]).toContain("`title` is empty");
  });

  it("requires a date on new articles, with an example", () => {
    expect(messages("title: T\nauthor: jane-doe")[0]).toContain("`date` is missing: add the publication day, e.g. `date: ");
  });

  it("refuses a day that does not exist, at the date's line", () => {
    expect(messages("title: T\ndate: 2026-02-30\nauthor: jane-doe")).toEqual([
      '3:1 `date` "2026-02-30" is not a real date: write it as YYYY-MM-DD, e.g. `date: 2026-11-23`',
    ]);
  });

  it("allows only migrated articles to give just a month", () => {
    expect(messages("title: T\ndate: 2026-02\nauthor: jane-doe")[0]).toContain("only migrated articles may give just a month");
    expect(messages("title: T\ndate: 2019-07\nlegacy: { order: 3 }", "blog/2019/post.md")).toEqual([]);
  });

  it("suggests the closest author and region", () => {
    expect(messages("title: T\ndate: 2026-01-01\nauthor: jane-do")).toEqual(['4:1 unknown author "jane-do": did you mean "jane-doe"?']);
    expect(messages("title: T\ndate: 2026-01-01\nregion: Greater London", "regional-updates/2026/post.md")).toEqual([
      '4:1 unknown region "Greater London": did you mean "greater-london"?',
    ]);
  });

  it("keeps an editor's own subjects when they are keys of the subjects file, and suggests the closest key for one that is not", () => {
    const subject = (key: string, name: string) => ({ key, name, description: "About it.", words: [name], phrases: [], threshold: 3 });
    const data = { ...DATA, subjects: [subject("youth-justice", "Youth justice"), subject("adoption", "Adoption")] };
    const check = (subjects: string) => {
      const source = parseMarkdownFile("content/blog/2026/post.md", `---\ntitle: T\ndate: 2026-01-01\nauthor: jane-doe\nsubjects: ${subjects}\n---\nText.\n`);
      return validateArticle(source, "blog/2026/post.md", data);
    };
    expect(check("[adoption, youth-justice]").article?.frontMatter.subjects).toEqual(["adoption", "youth-justice"]);
    expect(check("[Youth Justice, adoptoin]").problems.map(({ line, message }) => `${line} ${message}`)).toEqual([
      '5 unknown subject "Youth Justice": did you mean "youth-justice"?',
      '5 unknown subject "adoptoin": did you mean "adoption"?',
    ]);
    expect(messages("title: T\ndate: 2026-01-01\nauthor: jane-doe\nsubjects: [adoption]")).toEqual([
      '5:1 unknown subject "adoption": this site has no content/_data/subjects.yaml: remove `subjects`',
    ]);
  });

  it("says where to add an author that is nothing like a known one", () => {
    expect(messages("title: T\ndate: 2026-01-01\nauthor: quentin-blake")[0]).toContain("add it to content/_data/authors.yaml");
  });

  it("requires an author on blog posts and a region on regional updates", () => {
    expect(messages("title: T\ndate: 2026-01-01")[0]).toContain("`author` is missing");
    expect(messages("title: T\ndate: 2026-01-01", "regional-updates/2026/post.md")[0]).toContain(
      "`region` is missing: regional updates need one of greater-london, north-west",
    );
  });

  it("names a misspelt field at its own line, with the field meant, and not also as missing", () => {
    expect(messages("date: 2026-01-01\nauthor: jane-doe\ntitel: T")).toEqual([
      "4:1 `titel` is not a known field: did you mean `title`? (see EDITING.md#the-fields-at-the-top-front-matter)",
    ]);
    expect(messages("title: T\ndate: 2026-01-01\nauthor: jane-doe\ntag: [x]")).toEqual([
      "5:1 `tag` is not a known field: did you mean `tags`? (see EDITING.md#the-fields-at-the-top-front-matter)",
    ]);
  });

  it("says the address comes from the file name for `permalink` and `slug`, and lists the fields for the rest", () => {
    expect(messages("title: T\ndate: 2026-01-01\nauthor: jane-doe\npermalink: /x/\nslug: x\n__proto__: y")).toEqual([
      "5:1 `permalink` is not a known field: an article's address comes from its folder and file name, so rename the file instead (see EDITING.md#where-articles-live)",
      "6:1 `slug` is not a known field: an article's address comes from its folder and file name, so rename the file instead (see EDITING.md#where-articles-live)",
      "7:1 `__proto__` is not a known field: the fields are `title`, `date`, `author`, `region`, `tags`, `summary`, `subjects` and `draft` (see EDITING.md#the-fields-at-the-top-front-matter)",
    ]);
  });

  it("checks each field on its own: one wrong field never hides another, nor the year folder", () => {
    expect(messages("title: 42\ndate: 2025-01-01\nauthor: jane-do\ntags: Funding, SEND")).toEqual([
      '2:1 `title` should be text, e.g. `title: "42"` (see EDITING.md#the-fields-at-the-top-front-matter)',
      "5:1 `tags` should be a list, e.g. `tags: [Funding, SEND]` (see EDITING.md#the-fields-at-the-top-front-matter)",
      '4:1 unknown author "jane-do": did you mean "jane-doe"?',
      '3:1 the file is in the folder "2026" but its date says "2025": move it to blog/2025/post.md',
    ]);
  });

  it("shows a date written another way as YYYY-MM-DD", () => {
    expect(messages("title: T\ndate: 23/11/2026\nauthor: jane-doe")).toEqual([
      '3:1 `date` "23/11/2026" is not a real date: write it as YYYY-MM-DD: `date: 2026-11-23`',
    ]);
  });

  it("says what type a field should be, with an example from what was written", () => {
    expect(messages("title: T\ndate: 2026-01-01\nauthor: jane-doe\ntags: Funding")).toEqual([
      "5:1 `tags` should be a list, e.g. `tags: [Funding]` (see EDITING.md#the-fields-at-the-top-front-matter)",
    ]);
    expect(messages("title: T\ndate: 2026-01-01\nauthor: jane-doe\ndraft: yes")).toEqual([
      "5:1 `draft` should be true or false, e.g. `draft: true` (see EDITING.md#the-fields-at-the-top-front-matter)",
    ]);
  });

  describe("fields that cannot be read, in plain words with the line corrected, the rest still checked", () => {
    it("a colon in an unquoted title", () => {
      expect(messages("title: Funding: the gap\ndate: 2026-01-01\nauthor: jane-do")).toEqual([
        '2:8 the title contains a colon, which would start a new field: put the title in double quotes: `title: "Funding: the gap"` (see EDITING.md#writing-the-fields-correctly)',
        '4:1 unknown author "jane-do": did you mean "jane-doe"?',
      ]);
    });

    it("a quote mark never closed", () => {
      expect(messages('title: "Quotes never close\ndate: 2025-01-01\nauthor: jane-doe')).toEqual([
        '2:8 the quote mark before "Quotes never close" is never closed: end the title with the same quote mark on this line: `title: "Quotes never close"` (see EDITING.md#writing-the-fields-correctly)',
        '3:1 the file is in the folder "2026" but its date says "2025": move it to blog/2025/post.md',
      ]);
    });

    it("text after a closing quote, a list never closed, a missing space, a field written twice, a tab", () => {
      expect(messages('title: "Funding" explained\ndate: 2026-01-01\nauthor: jane-doe\ntags: [SEND, Funding')).toEqual([
        "2:8 the title has characters that need quotes around it: put the title in double quotes: `title: '\"Funding\" explained'` (see EDITING.md#writing-the-fields-correctly)",
        "5:7 the list is not closed: end it with `]` on the same line: `tags: [SEND, Funding]` (see EDITING.md#writing-the-fields-correctly)",
      ]);
      expect(messages("title:Funding\ndate: 2026-01-01\nauthor: jane-doe")).toEqual([
        "2:1 put a space after the colon: `title: Funding` (see EDITING.md#writing-the-fields-correctly)",
      ]);
      expect(messages("title: T\ndate: 2026-01-01\ndate: 2026-01-02\nauthor: jane-doe")).toEqual([
        "4:1 `date` is written twice: keep one of them (see EDITING.md#writing-the-fields-correctly)",
      ]);
      expect(messages("title: T\ndate: 2026-01-01\nauthor: jane-doe\ntags:\n\t- SEND")).toEqual([
        "6:1 this line is indented with a tab: use spaces instead (see EDITING.md#writing-the-fields-correctly)",
      ]);
    });
  });

  it("reports a file without front-matter", () => {
    const { problems } = validateArticle(parseMarkdownFile("content/blog/2026/x.md", "Just text\n"), "blog/2026/x.md", DATA);
    expect(problems.map((problem) => problem.message)).toEqual([
      "the fields at the top are missing: start the file with a line `---`, then the fields (`title: …`, `date: …`), then another line `---` (see EDITING.md#the-fields-at-the-top-front-matter)",
    ]);
  });

  it("accepts a byte-order mark before the first `---`", () => {
    const text = "\uFEFF---\ntitle: T\ndate: 2026-01-01\nauthor: jane-doe\n---\nText.\n";
    const { article, problems } = validateArticle(parseMarkdownFile("content/blog/2026/x.md", text), "blog/2026/x.md", DATA);
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ frontMatter: { title: "T" }, body: "Text.\n", bodyLine: 6 });
  });

  it("wants the file in the folder of its date's year", () => {
    expect(messages("title: T\ndate: 2025-12-31\nauthor: jane-doe")).toEqual([
      '3:1 the file is in the folder "2026" but its date says "2025": move it to blog/2025/post.md',
    ]);
  });

  it("refuses dateBetween when the date is known", () => {
    expect(messages("title: T\ndate: 2019-07-01\nlegacy:\n  dateBetween: [2019-06, 2019-08]", "blog/2019/post.md")[0]).toContain(
      "`legacy.dateBetween` is only for undated articles",
    );
  });
});

describe("placeOf", () => {
  it("reads kind, year folder and slug from the path", () => {
    expect(placeOf("regional-updates/2026/london-update.md")).toEqual({ kind: "regional-update", folder: "2026", slug: "london-update" });
    expect(placeOf("blog/undated/old.md")).toMatchObject({ folder: "undated" });
  });

  it("explains a wrong folder or file name", () => {
    expect(placeOf("news/2026/x.md")).toContain("articles live in blog/ or regional-updates/");
    expect(placeOf("blog/march/x.md")).toContain('the folder "march" should be the article\'s year');
    expect(placeOf("blog/2026/My Post.md")).toContain('e.g. "my-post.md"');
  });
});

describe("duplicateUrls", () => {
  const article = (file: string, url: string) => ({ file, url }) as ValidArticle;
  it("reports each article that shares a URL, naming the other file", () => {
    const problems = duplicateUrls([article("a.md", "/blog/2026/x/"), article("b.md", "/blog/2026/x/"), article("c.md", "/blog/2026/y/")]);
    expect(problems).toEqual([
      { file: "a.md", line: 1, column: 1, message: "the URL /blog/2026/x/ is also used by b.md: rename one of the files" },
      { file: "b.md", line: 1, column: 1, message: "the URL /blog/2026/x/ is also used by a.md: rename one of the files" },
    ]);
  });
});


describe("validateData", () => {
  it("checks author keys and fields, at their lines", () => {
    const authors = parseYamlFile("authors.yaml", "jane-doe:\n  name: Jane\nBad Key:\n  name: X\nsam:\n  nme: Sam\n");
    const { data, problems } = validateData(authors, parseYamlFile("regions.yaml", "north-west:\n  name: North West\n"));
    expect(Object.keys(data.authors)).toEqual(["jane-doe"]);
    const lines = problems.map((problem) => `${problem.line} ${problem.message}`);
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        '3 the author key "Bad Key" appears in URLs: use lower-case words joined by hyphens, e.g. "bad-key"',
        '6 author "sam": `nme` is not a known field: did you mean `name`? (see EDITING.md#authors-and-regions)',
        '5 author "sam": `name` is missing',
      ]),
    );
  });
});
