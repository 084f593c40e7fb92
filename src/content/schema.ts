/**
 * The front-matter schema: the one source of truth for what an article may say about itself.
 * The build, `npm run check`, the scaffold command and the legacy importer all use it.
 */
import { z } from "zod";
import { parseDay } from "../core/calendar.ts";
import { oldUrlProblem } from "./old-addresses.ts";

/** How a fact about a migrated article is known (see legacy/export/README.md). */
export const BASES = ["confirmed", "inferred", "title", "derived"] as const;
export type Basis = (typeof BASES)[number];

const basis = z.enum(BASES);
const monthOrDay = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "expected YYYY-MM or YYYY-MM-DD");

/**
 * Only on articles migrated from the old site. Records what the archive knows and how it knows it,
 * so that pages can say "July 2019" or "Between June and July 2019 (estimated)" honestly.
 */
export const legacySchema = z
  .object({
    /** Position in the old archive's own order (0 is the newest), where the article had one. */
    order: z.number().int().nonnegative().optional(),
    /** The article's address on the old site: one concrete old page (the rules: src/content/old-addresses.ts). */
    oldUrl: z
      .string()
      .superRefine((url, context) => {
        const problem = oldUrlProblem(url);
        if (problem) context.addIssue({ code: "custom", message: problem });
      })
      .optional(),
    /** `confirmed` when a copy of the page was seen there; `derived` when built from the old site's slug rule. */
    oldUrlBasis: basis.optional(),
    dateBasis: basis.optional(),
    /** For an undated article: the dates of its dated neighbours in the archive order, older first. */
    dateBetween: z.tuple([monthOrDay, monthOrDay]).optional(),
    authorBasis: basis.optional(),
    /** What is known of the author's role when the author is not known by name. */
    authorRole: z.string().min(1).optional(),
    regionBasis: basis.optional(),
    /** The title as the export gave it, when it was cut short there and the archive gives the full one. */
    exportTitle: z.string().optional(),
    /** The title was cut short by the old site and the archive does not give the rest: shown as shortened. */
    titleShortened: z.literal(true).optional(),
    /**
     * Words of the body mended by the import (legacy/corrections.yaml), each with what the export said, so
     * that the fidelity test can undo them and prove every other word is the export's.
     */
    corrections: z.array(z.object({ export: z.string().min(1), corrected: z.string(), reason: z.string().min(1) }).strict()).optional(),
    /** Where the facts came from and how they were reasoned (the export metadata's note). */
    note: z.string().optional(),
  })
  .strict();

export type LegacyInfo = z.infer<typeof legacySchema>;

export const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1, "the title is empty"),
    date: z.string().optional(),
    author: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    tags: z.array(z.string().trim().min(1)).optional(),
    summary: z.string().trim().min(1).optional(),
    /** Subject keys from `_data/subjects.yaml`: the editor's choice, in place of those the site's rules give. */
    subjects: z.array(z.string().trim().min(1)).optional(),
    draft: z.boolean().optional(),
    legacy: legacySchema.optional(),
  })
  .strict();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const authorSchema = z
  .object({
    name: z.string().trim().min(1),
    role: z.string().trim().min(1).optional(),
    organisation: z.string().trim().min(1).optional(),
  })
  .strict();
export type AuthorData = z.infer<typeof authorSchema>;

export const regionSchema = z
  .object({
    name: z.string().trim().min(1),
    description: z.string().trim().min(1).optional(),
  })
  .strict();
export type RegionData = z.infer<typeof regionSchema>;

/**
 * A fact in `_data/site.yaml` that nobody has supplied yet is written `TODO: what is needed`: readers never
 * see it (what it stands for is left out of the pages), `npm run check` lists each one as a warning, and the
 * schema below sees the field as not written.
 */
export const PLACEHOLDER = /^TODO:/;

function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === "https:" && url.hostname.includes(".");
}

const text = z.string().trim().min(1);
const webAddress = text.refine(isWebAddress, "expected a web address starting with https://, e.g. `https://adcs.org.uk/`");
/** How readers reach the organisation: an email address or a web page. */
const contactAddress = text.refine(
  (value) => isWebAddress(value) || /^[^@\s:/]+@[^@\s]+\.[^@\s]+$/.test(value),
  "expected an email address (e.g. `info@example.org`) or a web page starting with https://",
);
const day = z.string().refine((value) => parseDay(value) !== undefined, "expected a day as YYYY-MM-DD, e.g. `2026-11-30`");

/**
 * `_data/site.yaml`: whose site this is, and the facts of its accessibility statement, shown in every page's
 * footer and on the statement. Optional fields may be left out, and are then left out of the pages.
 */
export const siteDataSchema = z
  .object({
    organisation: z.object({ name: text, website: webAddress }).strict(),
    contact: contactAddress.optional(),
    privacy: webAddress.optional(),
    copyright: text,
    /** The terms on which readers may reuse the articles, and the licence's own page. */
    licence: text.optional(),
    licenceUrl: webAddress.optional(),
    accessibility: z
      .object({
        /** Where readers report a problem with the site's accessibility (an email address or a web page). */
        report: contactAddress.optional(),
        /** How soon a report is answered, e.g. "within 5 working days". */
        responseTime: text.optional(),
        /** The enforcement procedure, paragraph by paragraph. */
        enforcement: z.array(text).min(1),
        /** Where a reader unhappy with the response can turn (the Equality Advisory and Support Service). */
        advisoryService: webAddress.optional(),
        prepared: day.optional(),
        reviewed: day.optional(),
      })
      .strict(),
  })
  .strict();
export type SiteFacts = z.infer<typeof siteDataSchema>;
