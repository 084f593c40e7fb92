import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkLinks, parseSrcset } from "./links.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes a throwaway site: keys are paths relative to the site folder. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "links-"));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const page = (body: string): string =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

describe("checkLinks", () => {
  it("passes a good site: pages, assets, srcset, anchors, external links", () => {
    const dir = site({
      "index.html": page(`
        <link rel="stylesheet" href="/css/site.css">
        <a href="/blog/">Blog</a> <a href="blog/">relative</a> <a href="/blog/#intro">intro</a>
        <a href="#top">top</a> <a href="#here">here</a> <h2 id="here">Here</h2>
        <img src="/img/a.png" srcset="/img/a.png 1x, /img/a%402x.png 2x" alt="">
        <a href="https://example.com/missing">external</a> <a href="mailto:x@example.com">mail</a>
        <a href="tel:+15551234">tel</a> <a href="//cdn.example.com/x.js">protocol-relative external</a>
        <a href="">self</a> <a href="/feed.xml?x=1">feed</a>`),
      "blog/index.html": page(`<h1 id="intro">Blog</h1><a href="../">home</a><a href="2024/post/">post</a>`),
      "blog/2024/post/index.html": page(
        `<a href="../../#intro">back</a><a name="legacy"></a><a href="#legacy">legacy anchor</a>`,
      ),
      "css/site.css": "body{}",
      "img/a.png": "png",
      "img/a@2x.png": "png",
      "feed.xml": "<feed/>",
    });
    expect(checkLinks(dir)).toEqual([]);
  });

  it("reports a broken link naming the page and the URL", () => {
    const dir = site({
      "index.html": page(`<a href="/blog/">ok</a>`),
      "blog/index.html": page(`<a href="/nope/">broken</a><img src="missing.png" alt="">`),
    });
    expect(checkLinks(dir)).toEqual([
      { page: "blog/index.html", url: "/nope/", reason: "target not found: nope/index.html" },
      { page: "blog/index.html", url: "missing.png", reason: "target not found: blog/missing.png" },
    ]);
  });

  it("reports a missing anchor on the same page and on another page", () => {
    const dir = site({
      "index.html": page(`<a href="#gone">a</a><a href="/other/#absent">b</a><a href="/other/#there">c</a>`),
      "other/index.html": page(`<p id="there">x</p>`),
    });
    expect(checkLinks(dir)).toEqual([
      { page: "index.html", url: "#gone", reason: 'no element with id "gone" on this page' },
      { page: "index.html", url: "/other/#absent", reason: 'no element with id "absent" in other/index.html' },
    ]);
  });

  it("checks srcset candidates individually", () => {
    const dir = site({ "index.html": page(`<img src="/a.png" srcset="/a.png 1x, /b.png 2x" alt="">`), "a.png": "" });
    expect(checkLinks(dir).map((p) => p.url)).toEqual(["/b.png"]);
  });

  it("flags folder URLs without a trailing slash", () => {
    const dir = site({ "index.html": page(`<a href="/blog">b</a>`), "blog/index.html": page("") });
    expect(checkLinks(dir)[0]?.reason).toMatch(/trailing slash/);
  });

  it("flags relative URLs on the 404 page, which is served at arbitrary paths", () => {
    const dir = site({ "404.html": page(`<a href="index.html">home</a><a href="/">ok</a>`), "index.html": page("") });
    expect(checkLinks(dir)).toEqual([expect.objectContaining({ page: "404.html", url: "index.html" })]);
  });

  describe("with a path prefix", () => {
    const files = {
      "index.html": page(`<a href="/archive-prefix/blog/">ok</a><a href="blog/#x">relative ok</a>`),
      "blog/index.html": page(
        `<h1 id="x">x</h1><a href="/blog/">missing prefix</a><a href="/archive-prefix/">home</a><a href="../../">above prefix</a>`,
      ),
    };

    it("resolves prefixed URLs and reports URLs outside the prefix", () => {
      const dir = site(files);
      for (const prefix of ["/archive-prefix/", "archive-prefix", "/archive-prefix"]) {
        expect(checkLinks(dir, { pathPrefix: prefix })).toEqual([
          { page: "blog/index.html", url: "/blog/", reason: "outside the site's path prefix /archive-prefix/" },
          { page: "blog/index.html", url: "../../", reason: "outside the site's path prefix /archive-prefix/" },
        ]);
      }
    });

    it("treats absolute links to the site's own origin as internal", () => {
      const dir = site({
        "index.html": page(
          `<link rel="canonical" href="https://adcs.example.org/archive-prefix/gone/"><a href="https://adcs.example.org/archive-prefix/">ok</a>`,
        ),
      });
      expect(checkLinks(dir, { pathPrefix: "/archive-prefix/" })).toEqual([]);
      expect(checkLinks(dir, { pathPrefix: "/archive-prefix/", siteOrigin: "https://adcs.example.org" })).toEqual([
        {
          page: "index.html",
          url: "https://adcs.example.org/archive-prefix/gone/",
          reason: "target not found: gone/index.html",
        },
      ]);
    });
  });
});

describe("parseSrcset", () => {
  it("splits candidates and drops descriptors", () => {
    expect(parseSrcset("a.png 1x, b.png 2x")).toEqual(["a.png", "b.png"]);
    expect(parseSrcset("a.png 480w,b.png 800w")).toEqual(["a.png", "b.png"]);
    expect(parseSrcset("img,comma.png 1x")).toEqual(["img,comma.png"]);
  });
});
