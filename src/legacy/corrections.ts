/**
 * The reviewable list of corrections to the export (legacy/corrections.yaml): the few places where the
 * export lost something the old site had (a link, a space between words, the end of a title) or repeated
 * something (a title as the first heading). The import applies each one and records it in the article's
 * `legacy` front-matter with what the export said, so the fidelity test can undo them and prove that every
 * other word is still the export's. Nothing is invented: a lost link is said to be lost, not guessed.
 */
import { LineCounter, parseDocument, isSeq, type Node } from "yaml";
import { z } from "zod";
import type { LegacyInfo } from "../content/schema.ts";
import { UserError } from "../core/errors.ts";

export const CORRECTIONS_PATH = "legacy/corrections.yaml";

const article = z.string().regex(/^content\/.+\.md$/u, "should be the article's path, e.g. content/blog/2017/ncasc-2017-round-up.md");
const reason = z.string().trim().min(1, "say why the correction is right");

const entrySchema = z.union([
  z.object({ article, export: z.string().min(1), corrected: z.string(), reason }).strict(),
  z.object({ article, titleShortened: z.literal(true), reason }).strict(),
  z.object({ article, fullTitle: z.string().trim().min(1), reason }).strict(),
]);
type Entry = z.infer<typeof entrySchema>;

/** One entry of the list, with the line it starts on for messages. */
export type Correction = Entry & { line: number };

/** Reads the list; an entry that does not have one of the three shapes stops the import with its line. */
export function parseCorrections(text: string, file = CORRECTIONS_PATH): Correction[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    throw new UserError({ where: { file, line: error.linePos?.[0].line }, problem: error.message });
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) throw new UserError({ where: { file, line: 1 }, problem: "the corrections are not a list", fix: "start each one with `- article: content/…`" });
  return doc.contents.items.map((item) => {
    const line = lineCounter.linePos((item as Node).range?.[0] ?? 0).line;
    const parsed = entrySchema.safeParse((item as Node).toJSON());
    if (!parsed.success) {
      throw new UserError({
        where: { file, line },
        problem: `this correction is not one of the three kinds (${parsed.error.issues.map((issue) => `${issue.path.join(".") || "entry"}: ${issue.message}`).join("; ")})`,
        fix: "give `article` and `reason` with either `export` and `corrected`, `titleShortened: true`, or `fullTitle`",
      });
    }
    return { ...parsed.data, line };
  });
}

export interface CorrectedArticle {
  title: string;
  bodyLines: string[];
  /** What goes into the article's `legacy` front-matter to record the corrections. */
  legacy: Pick<LegacyInfo, "exportTitle" | "titleShortened" | "corrections">;
}

/**
 * Applies an article's corrections to its title and body. Each `export` text must occur exactly once in the
 * body (lines joined with newlines, so a correction may span lines): otherwise the list no longer fits the
 * export, and the import stops rather than leave the article half-mended.
 */
export function applyCorrections(title: string, bodyLines: readonly string[], corrections: readonly Correction[], file = CORRECTIONS_PATH): CorrectedArticle {
  let body = bodyLines.join("\n");
  const legacy: CorrectedArticle["legacy"] = {};
  let shownTitle = title;
  for (const correction of corrections) {
    const where = { file, line: correction.line };
    if ("export" in correction) {
      const found = body.split(correction.export).length - 1;
      if (found !== 1) {
        throw new UserError({
          where,
          problem: `the text to correct occurs ${found === 0 ? "nowhere" : `${found} times`} in the body of ${correction.article}`,
          fix: "quote the export's words exactly, with enough of them to occur once",
        });
      }
      body = body.replace(correction.export, () => correction.corrected);
      (legacy.corrections ??= []).push({ export: correction.export, corrected: correction.corrected, reason: correction.reason });
    } else if ("fullTitle" in correction) {
      legacy.exportTitle = title;
      shownTitle = correction.fullTitle;
    } else {
      legacy.titleShortened = true;
    }
  }
  if (legacy.exportTitle && legacy.titleShortened) {
    throw new UserError({ where: { file }, problem: `${corrections[0]!.article} has both a full title and a shortened one`, fix: "keep one of them" });
  }
  return { title: shownTitle, bodyLines: body.split("\n"), legacy };
}

/** Stops the import when an entry names an article the import does not write (a typo, or a renamed file). */
export function checkAllUsed(corrections: readonly Correction[], paths: ReadonlySet<string>, file = CORRECTIONS_PATH): void {
  const unknown = corrections.find((correction) => !paths.has(correction.article));
  if (unknown) {
    throw new UserError({ where: { file, line: unknown.line }, problem: `no imported article is at ${unknown.article}`, fix: "give the path the import writes, under content/" });
  }
}
