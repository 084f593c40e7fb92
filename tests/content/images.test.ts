/**
 * Editors' images in `npm run check` (issue 19): the fixture's photo, chart, SVG and decorative image pass;
 * each bad input is one problem at its place, saying what to do, and stops the build before `_site/`.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { svgProblems } from "../../src/content/images.ts";
import { checkContent } from "../../src/content/load.ts";
import { ContentError, formatProblem } from "../../src/content/problems.ts";
import { siteSettings } from "../support/fixtures.ts";
import { hugeJpeg, imagesFixture } from "../support/images.ts";

let work: string;
let fixture: string;
let copies = 0;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "adcs-images-"));
  fixture = path.join(work, "fixture");
  await imagesFixture(fixture);
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** The problems of a copy of the fixture changed by `change`, as `path:line:col: message` from the copy's parent. */
async function problemsWith(change: (dir: string) => Promise<unknown>): Promise<string[]> {
  const root = path.join(work, `copy-${++copies}`);
  const dir = path.join(root, "content");
  await mkdir(root);
  await import("node:fs/promises").then(({ cp }) => cp(fixture, dir, { recursive: true }));
  await change(dir);
  return (await checkContent(dir, root)).problems.map(formatProblem);
}

/** A blog post showing `body`. */
function post(dir: string, body: string): Promise<void> {
  return writeFile(path.join(dir, "blog/2026/more.md"), `---\ntitle: More\ndate: 2026-03-02\nauthor: jane-doe\n---\n${body}`);
}

describe("the fixture's images", () => {
  it("pass, each with its size as shown and its content hash", async () => {
    const { problems, images } = await checkContent(fixture, work);
    expect(problems).toEqual([]);
    const sizes = [...images.values()].map(({ url, format, width, height }) => ({ url, format, width, height }));
    expect(sizes).toEqual([
      { url: "/images/divider.png", format: "png", width: 600, height: 8 },
      { url: "/images/forum.jpg", format: "jpeg", width: 4000, height: 3000 },
      { url: "/images/placements.svg", format: "svg", width: 800, height: 400 },
      { url: "/images/spending.png", format: "png", width: 1200, height: 800 },
    ]);
    expect(images.get("/images/forum.jpg")!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("are read as shown: a portrait photo stored on its side (EXIF orientation 6) is taller than wide", async () => {
    const { images } = await checkContent(
      await copy(async (dir) => {
        const sideways = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#555" } })
          .jpeg()
          .withMetadata({ orientation: 6 })
          .toBuffer();
        await writeFile(path.join(dir, "images/portrait.jpg"), sideways);
      }),
      work,
    );
    expect(images.get("/images/portrait.jpg")).toMatchObject({ width: 200, height: 300 });
  });
});

/** A changed copy of the fixture, for a test that reads more than the problems. */
async function copy(change: (dir: string) => Promise<unknown>): Promise<string> {
  const dir = path.join(work, `copy-${++copies}`, "content");
  await import("node:fs/promises").then(({ cp }) => cp(fixture, dir, { recursive: true }));
  await change(dir);
  return dir;
}

describe("bad images", () => {
  it("a link to a missing image: at the link's target, with the closest name", async () => {
    const problems = await problemsWith((dir) => post(dir, "Words.\n\n![Bar chart: spending](/images/spendng.png)\n"));
    expect(problems).toEqual([
      "content/blog/2026/more.md:8:24: the image /images/spendng.png is not in content/images/: did you mean /images/spending.png? (see EDITING.md#images)",
    ]);
  });

  it("an image on another website, or outside content/images/, says where to put it", async () => {
    const problems = await problemsWith((dir) =>
      post(dir, "![A photo](https://example.org/forum.jpg)\n\n![A chart](/assets/spending.png)\n"),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^content\/blog\/2026\/more\.md:6:12: the image https:\/\/example\.org\/forum\.jpg is on another website, .*save a copy in content\/images\/ and link it as \/images\/forum\.jpg/),
      expect.stringMatching(/^content\/blog\/2026\/more\.md:8:12: the image \/assets\/spending\.png is not in content\/images\/, .*link it as \/images\/spending\.png/),
    ]);
  });

  it("a link (not an image) to an image file, which is never published as it is", async () => {
    const problems = await problemsWith((dir) => post(dir, "See [the full chart](/images/spending.png).\n"));
    expect(problems).toEqual([
      "content/blog/2026/more.md:6:22: the link /images/spending.png goes to an image file, which is not published as it is (pages show images resized to the reader's screen): show the image itself with ![what it shows](/images/spending.png) instead (see EDITING.md#images)",
    ]);
  });

  it("an image without alt text: the message shows how to describe it and how to say it is decorative", async () => {
    const problems = await problemsWith((dir) => post(dir, "![](/images/divider.png)\n"));
    expect(problems).toEqual([
      expect.stringMatching(/^content\/blog\/2026\/more\.md:6:1: this image has no alt text: .* if it is purely decorative, say so: !\[decorative\]\(\/images\/divider\.png\)/),
    ]);
  });

  it("a corrupt image: a JPEG cut short, and a file that is no image at all", async () => {
    const problems = await problemsWith(async (dir) => {
      const photo = await readFile(path.join(dir, "images/forum.jpg"));
      await writeFile(path.join(dir, "images/forum.jpg"), photo.subarray(0, photo.length / 2));
      await writeFile(path.join(dir, "images/spending.png"), "<html>Not found</html>\n");
    });
    expect(problems).toEqual([
      "content/images/forum.jpg:1:1: this JPEG image is damaged (its picture data cannot be read to the end): export it again from the program that made it (see EDITING.md#images)",
      // The article's links to them are not reported again as missing: each problem once, where it is.
      "content/images/spending.png:1:1: this file is not a readable PNG image (it may be damaged, or not an image at all): export it again from the program that made it (see EDITING.md#images)",
    ]);
  });

  it("an image not of the type its name says", async () => {
    const problems = await problemsWith(async (dir) => {
      await writeFile(path.join(dir, "images/spending.jpg"), await readFile(path.join(dir, "images/spending.png")));
      await post(dir, "![Bar chart: spending](/images/spending.jpg)\n");
    });
    expect(problems).toEqual([
      "content/images/spending.jpg:1:1: this file is a PNG image, not the JPEG its name says: rename it to end in .png (and change the links to it), or export it again as JPEG",
    ]);
  });

  it("an image of more than 50 megapixels, refused from its header before anything decodes it", async () => {
    const problems = await problemsWith(async (dir) => writeFile(path.join(dir, "images/bomb.jpg"), await hugeJpeg(10_000, 6_000)));
    expect(problems).toEqual([
      "content/images/bomb.jpg:1:1: this image is 10000×6000 pixels (60 megapixels), more than the 50 megapixels the site accepts: make it smaller (no page shows more than about 1,300 pixels across), e.g. 2,000 pixels wide (see EDITING.md#images)",
    ]);
  });

  it("an image symlinked from outside the repository", async () => {
    const problems = await problemsWith(async (dir) => {
      await writeFile(path.join(dir, "../outside.jpg"), await readFile(path.join(dir, "images/forum.jpg")));
      await symlink(path.resolve(dir, "../outside.jpg"), path.join(dir, "images/linked.jpg"));
    });
    expect(problems).toEqual([expect.stringMatching(/^content\/images\/linked\.jpg:1:1: this is a symbolic link to \/.*\/outside\.jpg; links are never read or published/)]);
  });

  it("an SVG with script, an event handler, external references or foreignObject: each at its line and column", async () => {
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">',
      "  <script>alert(1)</script>",
      '  <rect width="10" height="10" onclick="alert(2)"/>',
      '  <image href="https://tracker.example/pixel.png" width="1" height="1"/>',
      '  <use xlink:href="other.svg#shape"/>',
      '  <foreignObject width="10" height="10"><p xmlns="http://www.w3.org/1999/xhtml">Hi</p></foreignObject>',
      "</svg>",
    ].join("\n");
    const problems = await problemsWith((dir) => writeFile(path.join(dir, "images/unsafe.svg"), svg));
    expect(problems.map((problem) => problem.replace(/: export the chart again.*$/, ""))).toEqual([
      "content/images/unsafe.svg:2:3: this SVG holds a script (`<script>`), which the site does not publish",
      "content/images/unsafe.svg:3:3: this SVG has an event handler (`onclick`), a script that runs when the picture is used, which the site does not publish",
      'content/images/unsafe.svg:4:3: this SVG refers to another file or website (`href="https://tracker.example/pixel.png"`), which the site does not publish',
      'content/images/unsafe.svg:5:3: this SVG refers to another file or website (`xlink:href="other.svg#shape"`), which the site does not publish',
      "content/images/unsafe.svg:6:3: this SVG holds HTML inside it (`<foreignObject>`), which the site does not publish",
    ]);
    expect(problems[0]).toMatch(/export the chart again without it .*or save it as PNG \(see EDITING\.md#images\)$/);
  });

  it("stops the build before anything is written: _site/ stays as it was", async () => {
    const { buildSite } = await import("../../src/build.ts");
    const content = await copy((dir) => writeFile(path.join(dir, "images/forum.jpg"), "not a photo"));
    const output = path.join(work, "_site");
    await mkdir(output, { recursive: true });
    await writeFile(path.join(output, "index.html"), "the live site\n");
    await expect(buildSite({ outputDir: output, contentDir: content, settings: siteSettings() })).rejects.toBeInstanceOf(ContentError);
    expect(await readFile(path.join(output, "index.html"), "utf8")).toBe("the live site\n");
  });
});

describe("svgProblems", () => {
  it("lets a chart refer to its own parts and embed a picture", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
      <style>.bar { fill: url(#fade) }</style>
      <use xlink:href="#bar"/><image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
      <rect style="fill: url('#fade')" width="1" height="1"/></svg>`;
    expect(svgProblems(svg)).toEqual([]);
  });

  it("refuses styles that fetch, animations that change a link, entity declarations and broken XML", () => {
    const messages = (svg: string) => svgProblems(svg).map((problem) => problem.message.replace(/, which the site.*$/, ""));
    expect(messages('<svg><style>@import url("https://x.example/a.css");</style></svg>')).toEqual([
      "this SVG loads something from elsewhere in its styles (`url(…)` or `@import`)",
    ]);
    expect(messages('<svg><rect style="fill: url(https://x.example/p.svg#a)"/></svg>')).toEqual([
      "this SVG loads something from elsewhere in a style (`fill: url(https://x.example/p.svg#a)`)",
    ]);
    expect(messages('<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>')).toEqual([
      'this SVG changes a link while it plays (`attributeName="href"`)',
    ]);
    expect(messages('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg/>')).toEqual(["this SVG declares entities (`<!ENTITY`)"]);
    expect(svgProblems("<svg><rect></svg>")[0]!.message).toMatch(/^this SVG is not well-formed XML \(.+\): export it again/);
  });
});
