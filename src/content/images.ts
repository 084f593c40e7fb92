/**
 * Editors' images (`content/images/`), read and checked with the articles: each file's type, size and
 * dimensions from its header, before anything decodes it, so that a corrupt file, a file whose name lies
 * about its type, a decompression bomb or an SVG that could run script or fetch from elsewhere is a problem
 * at its `path:line:col` rather than a crash, a hung build or a published risk. What passes is the catalogue
 * pages are rendered from (`src/model/images.ts`): each image's site path, size and content hash.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { SaxesParser } from "saxes";
import sharp, { type Metadata } from "sharp";
import { IMAGES_URL } from "../core/urls.ts";
import { see } from "./messages.ts";
import type { Problem } from "./problems.ts";

/** The folder under the content folder that editors put images in, published at `IMAGES_URL`. */
export const IMAGES_FOLDER = "images";

/**
 * The alt text that says an image is purely decorative (`![decorative](/images/divider.png)`): it is then
 * published with an empty alt, which screen readers skip. Written out, so that an empty alt is never an
 * accident (EDITING.md, "Images").
 */
export const DECORATIVE_ALT = "decorative";

/** More pixels than this is refused before decoding: a small file can claim a huge image (a decompression bomb). */
export const MAX_PIXELS = 50_000_000;

export type RasterFormat = "jpeg" | "png" | "webp" | "gif" | "avif";

/** What each file name ending promises, as sharp names the format it finds in the header. */
const EXTENSIONS: Record<string, RasterFormat | "svg"> = {
  ".jpg": "jpeg",
  ".jpeg": "jpeg",
  ".png": "png",
  ".webp": "webp",
  ".gif": "gif",
  ".avif": "avif",
  ".svg": "svg",
};

const FORMAT_NAMES: Record<RasterFormat | "svg", string> = {
  jpeg: "JPEG",
  png: "PNG",
  webp: "WebP",
  gif: "GIF",
  avif: "AVIF",
  svg: "SVG",
};

/** An image that passed the checks, as pages and the image pipeline need it. */
export interface ImageFile {
  /** The path editors link, `/images/chart.png`. */
  url: string;
  /** The file, absolute. */
  file: string;
  format: RasterFormat | "svg";
  /** As shown, after any EXIF rotation (a phone's portrait photo is stored landscape). */
  width: number;
  height: number;
  /** Whether it has an alpha channel (transparent parts), which JPEG cannot keep. */
  alpha: boolean;
  /** SHA-256 of the file's bytes: an unchanged image keeps its processed files (`src/publishing/images.ts`). */
  hash: string;
}

export interface CheckedImages {
  /** The images that passed, by `url`. */
  images: Map<string, ImageFile>;
  /** The site path of every file there, passed or not: a link to a refused one is not a link to a missing one. */
  present: Set<string>;
  problems: Problem[];
}

/**
 * Checks every file under `contentDir/images/` among the content folder's regular `files` (links are
 * refused by `contentFiles` and never reach here). `show` turns a path into the form problems name it.
 *
 * @example await checkImages("content", files, show) // { images: Map { "/images/chart.png" => {...} }, problems: [] }
 */
export async function checkImages(
  contentDir: string,
  files: readonly string[],
  show: (file: string) => string,
): Promise<CheckedImages> {
  const root = path.join(path.resolve(contentDir), IMAGES_FOLDER) + path.sep;
  // `.gitkeep` and the like keep the folder in git; they are not published.
  const found = files.filter((file) => file.startsWith(root) && !path.basename(file).startsWith("."));
  const checked = await Promise.all(found.map((file) => checkImage(file, root, show(file))));
  const present = new Set(found.map((file) => siteUrl(file, root)));
  const images = new Map<string, ImageFile>();
  const problems: Problem[] = [];
  for (const result of checked) {
    if ("problems" in result) problems.push(...result.problems);
    else images.set(result.url, result);
  }
  return { images, present, problems };
}

function siteUrl(file: string, root: string): string {
  return IMAGES_URL + path.relative(root, file).split(path.sep).join("/");
}

async function checkImage(file: string, root: string, shown: string): Promise<ImageFile | { problems: Problem[] }> {
  const expected = EXTENSIONS[path.extname(file).toLowerCase()];
  if (!expected) {
    const message = `this is not an image the site publishes: save it as JPEG (photos), PNG or SVG (charts), or WebP, GIF or AVIF, with the matching ending, or move it out of content/${IMAGES_FOLDER}/${see("images")}`;
    return { problems: [{ file: shown, line: 1, column: 1, message }] };
  }
  const bytes = await readFile(file);
  const hash = createHash("sha256").update(bytes).digest("hex");
  const key = `${expected} ${hash}`;
  if (!verdicts.has(key)) verdicts.set(key, judge(bytes, expected));
  const verdict = await verdicts.get(key)!;
  if ("problems" in verdict) return { problems: verdict.problems.map((problem) => ({ file: shown, ...problem })) };
  return { url: siteUrl(file, root), file, format: expected, ...verdict, hash };
}

/** What the checks found in an image's bytes: its problems (without the file's name), or its size. */
type Verdict = { problems: Omit<Problem, "file">[] } | { width: number; height: number; alpha: boolean };

/**
 * Verdicts by file type and content hash, for the live preview, which checks the folder again after every
 * change: an image already judged is not decoded again. Keyed by content, so never stale.
 */
const verdicts = new Map<string, Promise<Verdict>>();

async function judge(bytes: Buffer, expected: RasterFormat | "svg"): Promise<Verdict> {
  const at = (message: string): Verdict => ({ problems: [{ line: 1, column: 1, message }] });
  if (expected === "svg") {
    const unsafe = svgProblems(bytes.toString("utf8"));
    if (unsafe.length) return { problems: unsafe };
  }
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  const found = header && formatOf(header);
  if (!header || !found) {
    return at(
      `this file is not a readable ${FORMAT_NAMES[expected]} image (it may be damaged, or not an image at all): export it again from the program that made it${see("images")}`,
    );
  }
  if (found !== expected) {
    const ending = found === "jpeg" ? ".jpg" : `.${found}`;
    return at(
      `this file is a ${FORMAT_NAMES[found]} image, not the ${FORMAT_NAMES[expected]} its name says: rename it to end in ${ending} (and change the links to it), or export it again as ${FORMAT_NAMES[expected]}`,
    );
  }
  const { width, height } = header.autoOrient;
  if (width * height > MAX_PIXELS) {
    const megapixels = Math.round((width * height) / 1_000_000);
    return at(
      `this image is ${width}×${height} pixels (${megapixels} megapixels), more than the ${MAX_PIXELS / 1_000_000} megapixels the site accepts: make it smaller (no page shows more than about 1,300 pixels across), e.g. 2,000 pixels wide${see("images")}`,
    );
  }
  if ((header.pages ?? 1) > 1) {
    return at(
      `this image is animated (${header.pages} frames); the site publishes still images only: save one frame as PNG or JPEG${see("images")}`,
    );
  }
  if (expected !== "svg") {
    // The header can be whole while the picture data is cut short or damaged: decode it, small (JPEG
    // decodes at an eighth of its size here), with libvips' warnings as errors.
    const damaged = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "warning" })
      .resize({ width: 16 })
      .raw()
      .toBuffer()
      .then(() => false)
      .catch(() => true);
    if (damaged) {
      return at(
        `this ${FORMAT_NAMES[expected]} image is damaged (its picture data cannot be read to the end): export it again from the program that made it${see("images")}`,
      );
    }
  }
  return { width, height, alpha: header.hasAlpha };
}

function formatOf(header: Metadata): RasterFormat | "svg" | undefined {
  if (header.format === "heif") return header.compression === "av1" ? "avif" : undefined;
  const format = header.format as string;
  return format in FORMAT_NAMES ? (format as RasterFormat | "svg") : undefined;
}

/** A problem in an SVG's text, at its line and column. */
type SvgProblem = Omit<Problem, "file">;

/** References an SVG may hold: to its own parts (`#gradient`), or to a picture embedded in it. */
const SAFE_REFERENCE = /^\s*(#|data:image\/(png|jpeg|gif|webp);)/i;

/**
 * Why an SVG could run script or fetch something when opened on its own (browsers run an SVG's script
 * when it is opened as a page, though not inside `<img>`): script, event handlers, `foreignObject` (HTML
 * inside the picture), references to other files or sites, and entity declarations (which can expand
 * without bound). Refused rather than cleaned: a chart needs none of them, and a refused file is one the
 * editor can see and fix, where a cleaned one might silently lose its meaning.
 */
export function svgProblems(text: string): SvgProblem[] {
  const problems: SvgProblem[] = [];
  const parser = new SaxesParser({ xmlns: false, position: true });
  const here = () => ({ line: parser.line, column: parser.column + 1 });
  const fix = `export the chart again without it (most programs have a plain or "optimised" SVG option), or save it as PNG${see("images")}`;
  const refuse = (what: string, at = here()) => problems.push({ ...at, message: `this SVG ${what}, which the site does not publish: ${fix}` });
  let tagStart = here();
  let inStyle = false;
  parser.on("doctype", (doctype) => {
    if (/<!ENTITY/i.test(doctype)) refuse("declares entities (`<!ENTITY`)");
  });
  parser.on("opentagstart", (tag) => {
    // Read at the character after the name (a space or `>`): the tag starts at its `<`.
    tagStart = { line: parser.line, column: parser.column - tag.name.length - 1 };
  });
  parser.on("opentag", (tag) => {
    const name = localName(tag.name).toLowerCase();
    if (name === "script") refuse("holds a script (`<script>`)", tagStart);
    if (name === "foreignobject") refuse("holds HTML inside it (`<foreignObject>`)", tagStart);
    if (name === "style") inStyle = true;
    for (const [attribute, value] of Object.entries(tag.attributes)) {
      const local = localName(attribute).toLowerCase();
      if (local.startsWith("on")) refuse(`has an event handler (\`${attribute}\`), a script that runs when the picture is used`, tagStart);
      else if (local === "href" && !SAFE_REFERENCE.test(value))
        refuse(`refers to another file or website (\`${attribute}="${value}"\`)`, tagStart);
      else if (local === "style" && externalCss(value)) refuse(`loads something from elsewhere in a style (\`${value.trim()}\`)`, tagStart);
      else if ((name === "set" || name.startsWith("animate")) && local === "attributename" && /href/i.test(value))
        refuse(`changes a link while it plays (\`${attribute}="${value}"\`)`, tagStart);
    }
  });
  parser.on("closetag", (tag) => {
    if (localName(tag.name).toLowerCase() === "style") inStyle = false;
  });
  const checkStyles = (css: string) => {
    if (inStyle && externalCss(css)) refuse("loads something from elsewhere in its styles (`url(…)` or `@import`)");
  };
  parser.on("text", checkStyles);
  parser.on("cdata", checkStyles);
  try {
    parser.write(text).close();
  } catch (error) {
    const reason = (error as Error).message.replace(/^[^:]*:\d+:\d+: /, "");
    problems.push({
      ...here(),
      message: `this SVG is not well-formed XML (${reason}): export it again from the program that made it${see("images")}`,
    });
  }
  return problems;
}

function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

/** CSS that fetches: `url(...)` other than to a part of the same picture, or `@import`. */
function externalCss(css: string): boolean {
  return /@import/i.test(css) || [...css.matchAll(/url\(\s*['"]?([^'")]*)/gi)].some((match) => !SAFE_REFERENCE.test(match[1]!));
}
