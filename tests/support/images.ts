/**
 * Images for the tests, made with sharp when a test needs them rather than committed: a 4,000 × 3,000
 * photograph-like JPEG (smooth shapes under fine grain, so that its encodings weigh what a photo's do, not
 * what a flat colour's do), a chart-like PNG, and each kind of bad file the content check must refuse.
 */
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Sharp } from "sharp";

/**
 * A photograph's mix of areas and detail: coarse noise blown up smooth, with grain on top. The same bytes
 * for the same `seed`.
 */
export async function photo(width = 4000, height = 3000, seed = 1): Promise<Buffer> {
  const coarse = await seededNoise(160, 120, 70, seed).resize(width, height, { kernel: "cubic" }).png().toBuffer();
  // Grain of two-pixel specks: as fine as a photo's, a quarter of the draws.
  const grain = await seededNoise(Math.ceil(width / 2), Math.ceil(height / 2), 18, seed)
    .resize(width, height, { kernel: "nearest" })
    .png()
    .toBuffer();
  return sharp(coarse)
    .composite([{ input: grain, blend: "overlay" }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A bar chart: flat colours, hard edges and a transparent background, as charts are exported. */
export async function chart(width = 1200, height = 800): Promise<Buffer> {
  const bars = [0.3, 0.55, 0.45, 0.8, 0.65]
    .map((share, index) => {
      const barWidth = width / 7;
      const barHeight = Math.round(share * (height - 80));
      return `<rect x="${Math.round(barWidth * (index + 1))}" y="${height - 40 - barHeight}" width="${Math.round(barWidth * 0.8)}" height="${barHeight}" fill="#1d70b8"/>`;
    })
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><line x1="40" y1="${height - 40}" x2="${width - 20}" y2="${height - 40}" stroke="#0b0c0c" stroke-width="4"/>${bars}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Raw RGB noise from a fixed seed (sharp's own noise is random: two runs would make two different images). */
function seededNoise(width: number, height: number, sigma: number, from: number): Sharp {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = (0x2545f491 ^ Math.imul(from, 0x9e3779b1)) >>> 0 || 1;
  for (let index = 0; index < pixels.length; index++) {
    // xorshift32, spread evenly over mid-grey ± 1.7 sigma (a uniform draw with the given spread).
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    pixels[index] = Math.max(0, Math.min(255, Math.round(128 + ((seed >>> 0) / 0xffffffff - 0.5) * sigma * 3.46)));
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** A JPEG whose header claims `width` × `height` (the frame header's fields patched): a decompression bomb's shape. */
export async function hugeJpeg(width: number, height: number): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#888" } })
    .jpeg()
    .toBuffer();
  for (let index = 0; index < jpeg.length - 9; index++) {
    // SOF0/SOF2: FF C0|C2, length (2), precision (1), height (2), width (2).
    if (jpeg[index] === 0xff && (jpeg[index + 1] === 0xc0 || jpeg[index + 1] === 0xc2)) {
      jpeg.writeUInt16BE(height, index + 5);
      jpeg.writeUInt16BE(width, index + 7);
      return jpeg;
    }
  }
  throw new Error("no frame header in sharp's JPEG");
}

/** Writes `files` (path → bytes or text) under `dir`. */
export async function writeFiles(dir: string, files: Record<string, Buffer | string>): Promise<void> {
  for (const [name, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), contents);
  }
}

/** tests/fixtures/images: an article with a photo, a chart, an SVG chart and a decorative divider. */
export const IMAGES_FIXTURE = "tests/fixtures/images/content";

/** The images fixture's content in `dir`, with its generated images (the photo is 4,000 × 3,000). */
export async function imagesFixture(dir: string): Promise<void> {
  await cp(IMAGES_FIXTURE, dir, { recursive: true });
  await writeFiles(path.join(dir, "images"), {
    "forum.jpg": await photo(),
    "spending.png": await chart(),
    "divider.png": await sharp({ create: { width: 600, height: 8, channels: 3, background: "#b1b4b6" } })
      .png()
      .toBuffer(),
  });
}
