/**
 * `content/_data/site.yaml`, whose site this is: checked like the other data files (every mistake at its
 * line, in editors' words), optional, and with placeholders (`TODO: …`) that warn and are never published.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkContent } from "../../src/content/load.ts";
import { formatProblem } from "../../src/content/problems.ts";

const FIXTURE = "tests/fixtures/site/content";
let work: string | undefined;

/** checkContent on a copy of the fixture site with `site.yaml` written as given (or none). */
async function checkWithSiteData(yaml?: string) {
  work = await mkdtemp(path.join(tmpdir(), "adcs-site-data-"));
  const dir = path.join(work, "content");
  await cp(FIXTURE, dir, { recursive: true });
  if (yaml !== undefined) await writeFile(path.join(dir, "_data/site.yaml"), yaml);
  const { data, problems, warnings } = await checkContent(dir, work);
  return { site: data.site, problems: problems.map(formatProblem), warnings: warnings.map(formatProblem) };
}

afterEach(async () => {
  if (work) await rm(work, { recursive: true, force: true });
  work = undefined;
});

const VALID = `organisation:
  name: Example Directors’ Association (EDA)
  website: https://eda.example.org/
contact: hello@eda.example.org
copyright: © Example Directors’ Association
accessibility:
  enforcement:
    - The EHRC enforces the accessibility regulations.
  prepared: 2026-03-02
`;

describe("site data (content/_data/site.yaml)", () => {
  it("is optional: without it the site says nothing of its owner, and nothing is wrong", async () => {
    expect(await checkWithSiteData()).toEqual({ site: undefined, problems: [], warnings: [] });
  });

  it("reads the facts it gives", async () => {
    const { site, problems } = await checkWithSiteData(VALID);
    expect(problems).toEqual([]);
    expect(site).toEqual({
      organisation: { name: "Example Directors’ Association (EDA)", website: "https://eda.example.org/" },
      contact: "hello@eda.example.org",
      copyright: "© Example Directors’ Association",
      accessibility: { enforcement: ["The EHRC enforces the accessibility regulations."], prepared: "2026-03-02" },
    });
  });

  it("reports each mistake at its line: a web address without https, a contact that is neither, a day that does not exist, a misspelt field, a missing one", async () => {
    const yaml = `organisation:
  name: EDA
  website: eda.example.org
contact: write to us
copyrite: © EDA
accessibility:
  enforcement:
    - The EHRC enforces the accessibility regulations.
  prepared: 2026-02-30
`;
    const { site, problems } = await checkWithSiteData(yaml);
    expect(site).toBeUndefined();
    const guide = ' (see EDITING.md, "Whose site this is")';
    expect(problems.sort()).toEqual(
      [
        "content/_data/site.yaml:1:1: `copyright` is missing: add it" + guide,
        'content/_data/site.yaml:3:3: `organisation.website` "eda.example.org": expected a web address starting with https://, e.g. `https://adcs.org.uk/`',
        'content/_data/site.yaml:4:1: `contact` "write to us": expected an email address (e.g. `info@example.org`) or a web page starting with https://',
        "content/_data/site.yaml:5:1: the file has no field `copyrite`: its fields are `organisation`, `contact`, `privacy`, `copyright`, `licence`, `licenceUrl` and `accessibility`" + guide,
        'content/_data/site.yaml:9:3: `accessibility.prepared` "2026-02-30": expected a day as YYYY-MM-DD, e.g. `2026-11-30`',
      ].sort(),
    );
  });

  it("warns of each placeholder at its line, and leaves it out of the site's facts", async () => {
    const yaml = VALID.replace("contact: hello@eda.example.org", 'contact: "TODO: the address readers write to"').replace(
      "  prepared: 2026-03-02",
      '  prepared: "TODO: the day this statement was prepared"',
    );
    const { site, problems, warnings } = await checkWithSiteData(yaml);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      'content/_data/site.yaml:4:1: `contact` is a placeholder ("TODO: the address readers write to"): readers are shown nothing in its place until it is replaced with the real fact',
      'content/_data/site.yaml:9:3: `accessibility.prepared` is a placeholder ("TODO: the day this statement was prepared"): readers are shown nothing in its place until it is replaced with the real fact',
    ]);
    expect(site?.contact).toBeUndefined();
    expect(site?.accessibility.prepared).toBeUndefined();
  });

  it("refuses a placeholder where the fact is required: readers would see it on every page", async () => {
    const { problems } = await checkWithSiteData(VALID.replace("copyright: © Example Directors’ Association", 'copyright: "TODO: the copyright line"'));
    expect(problems).toEqual(["content/_data/site.yaml:5:1: `copyright` is required, so it cannot be a placeholder: write the real fact"]);
  });

  it("the real archive's file is valid, and each of its placeholders is a warning", async () => {
    const { data, problems, warnings } = await checkContent("content");
    expect(problems).toEqual([]);
    expect(data.site?.organisation.website).toBe("https://adcs.org.uk/");
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((warning) => warning.file === "content/_data/site.yaml" && warning.message.includes("is a placeholder"))).toBe(true);
  });
});
