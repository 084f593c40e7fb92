/**
 * Whose site this is, as readers meet it: the footer's links to the organisation, its copyright and licence
 * lines, and the accessibility statement's facts, all from the site data (`_data/site.yaml`), on the built
 * fixture sites: the publishing fixture gives every fact; the fixture site has no such file.
 */
import { load, type CheerioAPI } from "cheerio";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { textOf, textsOf } from "./render.ts";

const fixtures = inject("fixtures");
const page = async (fixture: "publishing" | "site", url: string): Promise<CheerioAPI> =>
  load(await readFile(path.join(fixtures[fixture].dir, url, "index.html"), "utf8"));
const links = ($: CheerioAPI, selector: string) =>
  $(selector)
    .toArray()
    .map((a) => [$(a).text(), $(a).attr("href")]);

describe("the site's owner, from the site data", () => {
  it("footer: the organisation's website, contact (an email address as mailto:) and privacy notice, its copyright and licence", async () => {
    for (const url of ["/", "/blog/", "/accessibility/"]) {
      const $ = await page("publishing", url);
      expect(links($, "footer .site-footer__owner a")).toEqual([
        ["EDA website", "https://eda.example.org/"],
        ["Contact EDA", "mailto:hello@eda.example.org"],
        ["Privacy notice", "https://eda.example.org/privacy/"],
      ]);
      expect(textOf($("footer .site-footer__copyright"))).toBe("© Example Directors’ Association");
      expect(links($, "footer p a")).toEqual([
        ["Articles may be reused under the Open Government Licence v3.0", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"],
      ]);
    }
  });

  it("footer: without site data, only the site's own links, and no owner, copyright or licence line", async () => {
    const $ = await page("site", "/");
    expect(textsOf($, "footer a")).toEqual(["Subscribe with a feed reader", "Authors", "Tags", "Accessibility statement"]);
    expect($("footer .site-footer__owner, footer .site-footer__copyright")).toHaveLength(0);
  });

  it("accessibility statement: how to report a problem and how soon a reply comes, the enforcement procedure, when it was prepared and reviewed", async () => {
    const $ = await page("publishing", "/accessibility/");
    const section = (heading: string) => $("main h2").filter((_, h2) => $(h2).text() === heading).nextUntil("h2");
    const report = section("Reporting accessibility problems with this website");
    expect(textsOf($, "main h2")).toEqual([
      "Known limits",
      "Reporting accessibility problems with this website",
      "Enforcement procedure",
      "Preparation of this statement",
    ]);
    expect(report.toArray().map((p) => textOf($(p)))).toEqual([
      "If you find a problem that is not listed on this page, or think this website does not meet the accessibility requirements, contact us: report an accessibility problem to EDA.",
      "We will reply within 5 working days.",
    ]);
    expect(report.find("a").attr("href")).toBe("https://eda.example.org/accessibility-problems/");
    const enforcement = section("Enforcement procedure");
    expect(textOf(enforcement.first())).toBe("The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations.");
    expect(enforcement.find("a").attr("href")).toBe("https://www.equalityadvisoryservice.com/");
    const preparation = section("Preparation of this statement");
    expect(textsOf($, "main h2:contains('Preparation') ~ p").slice(0, 2)).toEqual([
      "This statement was prepared on 2 March 2026.",
      "It was last reviewed on 18 May 2026.",
    ]);
    expect(preparation.find("time").toArray().map((time) => $(time).attr("datetime"))).toEqual(["2026-03-02", "2026-05-18"]);
  });

  it("accessibility statement: without site data, no reporting or enforcement section is made up", async () => {
    const $ = await page("site", "/accessibility/");
    expect(textsOf($, "main h2")).toEqual(["Known limits", "Preparation of this statement"]);
    expect($("main time")).toHaveLength(0);
  });
});
