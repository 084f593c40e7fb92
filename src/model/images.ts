/**
 * How an editor's image is published: which files are made from it (formats and widths, each named by the
 * source's content hash and the encoder settings, so an unchanged image keeps its names and its processed
 * files), and the `<picture>` that lets the browser fetch the smallest one that fills the article column.
 * Pure: the files themselves are made by `src/publishing/images.ts`.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { ImageFile } from "../content/images.ts";
import { IMAGES_URL } from "../core/urls.ts";

/**
 * The widest an image is shown, in CSS pixels: the article column, `.prose { max-width: 34em }` at the
 * 19 px body text of wider screens (assets/site.css).
 */
export const COLUMN_WIDTH = 646;

/** The widths made (never wider than the source): a phone's column, the column, and both on 2× screens. */
export const WIDTHS = [320, 480, COLUMN_WIDTH, 960, COLUMN_WIDTH * 2] as const;

/**
 * How wide the image is shown, for the browser to choose from `srcset` before the stylesheet arrives: the
 * column on wider screens (its side margins are 1.875rem from 40.0625em up), else the screen less its 1rem
 * margins (assets/site.css).
 */
export const SIZES = `(min-width: 40.0625em) min(${COLUMN_WIDTH}px, calc(100vw - 3.75rem)), calc(100vw - 2rem)`;

export type OutputFormat = "webp" | "jpeg" | "png";

/** One format made from an image, with the encoder's settings (sharp's option names). */
export interface Encoding {
  format: OutputFormat;
  options: Readonly<Record<string, number | boolean>>;
}

/**
 * Photographs: WebP, which every current browser takes, and JPEG for older ones. (AVIF would save a third
 * more, but took 4 to 10 times WebP's time to encode here: an article's photo would add seconds to the first
 * build on a 2-core machine; bench/results.md.) Charts and drawings, which lossy formats blur: lossless
 * WebP, and PNG.
 */
export const ENCODINGS: Readonly<Record<"photo" | "graphic", readonly Encoding[]>> = {
  photo: [
    { format: "webp", options: { quality: 75, effort: 4 } },
    { format: "jpeg", options: { quality: 75, mozjpeg: true } },
  ],
  graphic: [
    { format: "webp", options: { lossless: true, effort: 4 } },
    { format: "png", options: { compressionLevel: 9, effort: 7 } },
  ],
};

const MIME: Record<OutputFormat, string> = { webp: "image/webp", jpeg: "image/jpeg", png: "image/png" };
const EXTENSION: Record<OutputFormat, string> = { webp: "webp", jpeg: "jpg", png: "png" };

/** One file made from an image. */
export interface ImageVariant {
  /** The site path it is published at, `/images/chart-1a2b3c4d5e-646.webp`. */
  url: string;
  /** Its name in the cache of processed images: the same for the same source bytes, width and settings. */
  cacheName: string;
  width: number;
  height: number;
  encoding: Encoding;
}

export interface ResponsiveImage {
  source: ImageFile;
  /** The files to make; none for an SVG, which is published as it is (it is the same at every size) at `img.url`. */
  variants: ImageVariant[];
  /** Each format's files, modern formats first, the fallback (what `<img>` takes) last. */
  formats: { type: string; variants: ImageVariant[] }[];
  /** What `<img src>` shows where `srcset` is not understood, with the size the page reserves for it. */
  img: { url: string; width: number; height: number };
  /** The fallback's largest file (about 1,300 px across), for the social card; none for an SVG. */
  card?: ImageVariant;
}

/**
 * The files an image is published as.
 *
 * @example responsiveImage({ url: "/images/p.jpg", format: "jpeg", width: 4000, height: 3000, ... }).img
 * // { url: "/images/p-<id>-646.jpg", width: 646, height: 485 }
 */
export function responsiveImage(source: ImageFile): ResponsiveImage {
  const photo = source.format === "jpeg" || ((source.format === "webp" || source.format === "avif") && !source.alpha);
  const encodings = source.format === "svg" ? [] : ENCODINGS[photo ? "photo" : "graphic"];
  // Every published name holds the content's hash, so hosts may cache /images/ for good. The settings are
  // part of it too: a change to them makes new files rather than reusing stale ones.
  const id = createHash("sha256").update(source.hash).update(JSON.stringify(encodings)).digest("hex").slice(0, 10);
  const { dir, name } = path.posix.parse(source.url.slice(IMAGES_URL.length));
  const base = `${IMAGES_URL}${dir ? `${dir}/` : ""}${name}-${id}`;
  if (source.format === "svg") {
    return {
      source,
      variants: [],
      formats: [],
      img: { url: `${base}.svg`, width: source.width, height: source.height },
    };
  }
  const widths: number[] = WIDTHS.filter((width) => width < source.width);
  if (source.width <= WIDTHS.at(-1)!) widths.push(source.width);
  const formats = encodings.map((encoding) => ({
    type: MIME[encoding.format],
    variants: widths.map((width) => ({
      url: `${base}-${width}.${EXTENSION[encoding.format]}`,
      cacheName: `${id}-${width}.${EXTENSION[encoding.format]}`,
      width,
      height: Math.max(1, Math.round((source.height * width) / source.width)),
      encoding,
    })),
  }));
  const fallback = formats.at(-1)!.variants;
  const shown = fallback.filter((variant) => variant.width <= COLUMN_WIDTH).at(-1) ?? fallback[0]!;
  return {
    source,
    variants: formats.flatMap((format) => format.variants),
    formats,
    img: { url: shown.url, width: shown.width, height: shown.height },
    card: fallback.at(-1)!,
  };
}

export interface PictureOptions {
  alt: string;
  /** The first image of an article loads at once; the others when the reader nears them. */
  eager: boolean;
  /** Puts a site path under the path prefix. */
  prefix: (sitePath: string) => string;
  escape: (text: string) => string;
}

/** The markup of an image: a `<picture>` of its formats, or an `<img>` for an SVG. */
export function pictureHtml(image: ResponsiveImage, { alt, eager, prefix, escape }: PictureOptions): string {
  const srcset = (variants: readonly ImageVariant[]) =>
    variants.map((variant) => `${escape(prefix(variant.url))} ${variant.width}w`).join(", ");
  const loading = eager ? "" : ' loading="lazy"';
  const fallback = image.formats.at(-1);
  const responsive = fallback ? ` srcset="${srcset(fallback.variants)}" sizes="${SIZES}"` : "";
  const img = `<img src="${escape(prefix(image.img.url))}"${responsive} width="${image.img.width}" height="${image.img.height}" alt="${escape(alt)}"${loading} decoding="async">`;
  if (!fallback) return img;
  const sources = image.formats
    .slice(0, -1)
    .map((format) => `<source type="${format.type}" srcset="${srcset(format.variants)}" sizes="${SIZES}">`);
  return `<picture>${sources.join("")}${img}</picture>`;
}

/** What shared links show for an article: a processed copy of its first photo or chart. */
export interface SocialImage {
  /** The site path (unprefixed). */
  url: string;
  type: string;
  width: number;
  height: number;
  alt: string;
}

/** The social card of an article: its first image that has one (an SVG has none), or undefined. */
export function socialImage(used: readonly { image: ResponsiveImage; alt: string }[]): SocialImage | undefined {
  const first = used.find(({ image }) => image.card);
  if (!first) return undefined;
  const card = first.image.card!;
  return { url: card.url, type: MIME[card.encoding.format], width: card.width, height: card.height, alt: first.alt };
}
