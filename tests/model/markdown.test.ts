import { describe, expect, it } from "vitest";
import { createMarkdown, renderMarkdown, trimAtWord } from "../../src/model/markdown.ts";

const md = createMarkdown({ siteOrigin: "https://archive.example.org" });

describe("markdown", () => {
  it("never lets raw HTML, event handlers or javascript: URLs through", () => {
    const html = md.render(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)\n\n<a href="javascript:alert(1)">x</a>',
    );
    expect(html).not.toMatch(/<script|<img|<a href="javascript|href="data:/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("gives headings ids for in-page links", () => {
    expect(md.render("## What we found")).toContain('<h2 id="what-we-found">');
  });

  it("uses typographic quotes and dashes", () => {
    expect(md.render(`"Children first" -- it's true`)).toContain("“Children first” – it’s true");
  });

  it("renders tables in a scrolling wrapper, aligned by classes rather than inline styles", () => {
    const html = md.render("| a | b |\n|:---|---:|\n| 1 | 2 |");
    // Keyboard users can scroll a wide table only if they can focus it: a labelled, focusable region.
    expect(html).toContain(
      '<div class="table-wrap" role="region" aria-label="Table (scroll sideways to see all of it)" tabindex="0">\n<table>',
    );
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).toContain('<td class="align-right">2</td>');
    expect(html).not.toContain("style=");
  });

  it("marks external links as such, in words, and leaves the site's own links alone", () => {
    const html = md.render(
      "[GOV.UK](https://www.gov.uk/) and [us](https://archive.example.org/blog/) and [here](/tags/)",
    );
    expect(html).toContain(
      '<a href="https://www.gov.uk/" rel="external" class="external">GOV.UK<span class="visually-hidden"> (external site)</span></a>',
    );
    expect(html).toContain('<a href="https://archive.example.org/blog/">us</a>');
    expect(html).toContain('<a href="/tags/">here</a>');
  });

  it("serves the site's own root-relative links and images under the path prefix", () => {
    const prefixed = createMarkdown({ pathPrefix: "/archive/" });
    const html = prefixed.render(
      "[a post](/blog/2019/x/) ![chart](/images/c.png) [other](https://example.com/) [here](#top)",
    );
    expect(html).toContain('href="/archive/blog/2019/x/"');
    expect(html).toContain('src="/archive/images/c.png"');
    expect(html).toContain('href="https://example.com/"');
    expect(html).toContain('href="#top"');
  });

  it("turns Markdown into plain words for summaries and search", () => {
    expect(renderMarkdown(md, "## Title\n\nSome *emphasis* and [a link](/x/).\n\n- one\n- two").text).toBe(
      "Title\n\nSome emphasis and a link.\n\none\n\ntwo",
    );
    const rendered = renderMarkdown(md, "## Heading\n\nFirst paragraph\nwraps here.\n\nSecond.");
    expect(rendered.firstParagraph).toBe("First paragraph wraps here.");
    expect(rendered.text).toBe("Heading\n\nFirst paragraph wraps here.\n\nSecond.");
    expect(rendered.html).toBe(md.render("## Heading\n\nFirst paragraph\nwraps here.\n\nSecond."));
  });

  it("trims a summary at a word boundary", () => {
    expect(trimAtWord("The quick brown fox jumps", 12)).toBe("The quick…");
    expect(trimAtWord("Short", 12)).toBe("Short");
  });
});

describe("a malformed absolute link", () => {
  it("renders as an external link instead of stopping the build (the content check reports it)", () => {
    expect(md.render("[x](http://)")).toContain('<a href="http://" rel="external" class="external">x');
  });
});
