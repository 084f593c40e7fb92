import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatHtmlProblems, validateSite } from "./html.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "html-"));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const GOOD = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Good page</title>
    <link rel="stylesheet" href="/site.css">
  </head>
  <body>
    <a class="skip-link" href="#main">Skip to content</a>
    <main id="main" tabindex="-1">
      <h1>Title</h1>
      <h2 id="2019-summary">Heading slug starting with a digit</h2>
      <p><span>inline</span> <img src="/a.png" alt="A chart"></p>
    </main>
  </body>
</html>
`;

describe("validateSite", () => {
  it("passes a valid page", async () => {
    const dir = site({ "index.html": GOOD, "blog/index.html": GOOD });
    const problems = await validateSite(dir);
    expect(problems, formatHtmlProblems(problems)).toEqual([]);
  });

  it("fails an invalid page, naming the file, line and rule", async () => {
    const bad = GOOD.replace(
      "<span>inline</span>",
      '<span><div id="dup">block in inline</div></span><b id="dup">again</b>',
    );
    const dir = site({ "index.html": GOOD, "blog/post/index.html": bad });
    const problems = await validateSite(dir);
    expect(problems.every((p) => p.file === "blog/post/index.html")).toBe(true);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: "blog/post/index.html",
          line: 13,
          rule: "element-permitted-content",
          severity: "error",
        }),
        expect.objectContaining({ file: "blog/post/index.html", line: 13, rule: "no-dup-id", severity: "error" }),
      ]),
    );
    expect(formatHtmlProblems(problems)).toMatch(/^blog\/post\/index\.html:13:\d+ \[element-permitted-content\] /m);
  });

  it("applies the document rules (doctype, heading order)", async () => {
    const bad = GOOD.replace("<!DOCTYPE html>\n", "").replace("<h2 id", "<h4 id").replace("</h2>", "</h4>");
    const rules = (await validateSite(site({ "index.html": bad }))).map((p) => p.rule);
    expect(rules).toEqual(expect.arrayContaining(["missing-doctype", "heading-level"]));
  });
});
