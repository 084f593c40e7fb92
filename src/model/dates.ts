/**
 * What an article knows about its own date, and how to say it, in one wording everywhere (DESIGN.md, "Dates
 * and authors"): a recorded date as it is ("12 July 2019", "July 2019"); one the old site did not record but
 * that was worked out with a plain qualifier ("July 2018 (estimated)", "Between June and July 2019
 * (estimated)") and how it was worked out one click away; nothing known, "Date not recorded" alone.
 * Dates are calendar days in Europe/London: "2019-07-12" is that day, never a UTC instant.
 */
import type { DateTime } from "luxon";
import type { Basis } from "../content/schema.ts";
import { parseDay, parseDayOrMonth, parseMonth } from "../core/calendar.ts";

/** How a date the old site did not record was worked out: from the article's text, or from its title. */
export type Estimate = "text" | "title";

export type ArticleDate =
  | { precision: "day"; iso: string; estimate?: Estimate }
  | { precision: "month"; iso: string; estimate?: Estimate }
  /** Not recorded; `between` are the dates of its neighbours in the old archive, older first. */
  | { precision: "unknown"; between?: readonly [string, string] };

/** A migrated article's `legacy.dateBasis`: anything but `confirmed` was worked out, not recorded. */
const ESTIMATES: Partial<Record<Basis, Estimate>> = { inferred: "text", derived: "text", title: "title" };

export function articleDate(date: string | undefined, between?: readonly [string, string], basis?: Basis): ArticleDate {
  if (date === undefined) return between ? { precision: "unknown", between } : { precision: "unknown" };
  const estimate = basis === undefined ? undefined : ESTIMATES[basis];
  for (const [precision, parse] of [
    ["day", parseDay],
    ["month", parseMonth],
  ] as const) {
    if (parse(date)) return { precision, iso: date, ...(estimate && { estimate }) };
  }
  throw new Error(`Not a date: "${date}" (expected YYYY-MM-DD or YYYY-MM)`);
}

/** "12 July 2019" */
export function formatDay(iso: string): string {
  return dateTime(iso).toFormat("d LLLL yyyy", { locale: "en-GB" });
}

/** "July 2019" */
export function formatMonth(iso: string): string {
  return dateTime(iso).toFormat("LLLL yyyy", { locale: "en-GB" });
}

/** "Between June and July 2019", "Between December 2018 and January 2019", or "June 2019" for one month. */
export function formatBetween([from, to]: readonly [string, string]): string {
  const start = dateTime(from);
  const end = dateTime(to);
  if (start.hasSame(end, "month")) return formatMonth(from);
  if (start.hasSame(end, "year"))
    return `Between ${start.toFormat("LLLL", { locale: "en-GB" })} and ${formatMonth(to)}`;
  return `Between ${formatMonth(from)} and ${formatMonth(to)}`;
}

/** An article's date as pages show it. */
export interface DateWords {
  /** "12 July 2019", "July 2018", "Between June and July 2019" or "Date not recorded". */
  text: string;
  /** For `<time datetime>`: a day or a month; absent when no one day or month is known. */
  datetime?: string;
  /** "estimated", when the old site did not record the date and it was worked out. */
  qualifier?: string;
  /** How an estimate was worked out, for a reader who asks. */
  note?: string;
}

export const ESTIMATED = "estimated";
export const NOT_RECORDED = "Date not recorded";
const UNRECORDED = "The old site did not record this article’s date";

export function dateWords(date: ArticleDate): DateWords {
  switch (date.precision) {
    case "day":
    case "month": {
      const text = date.precision === "day" ? formatDay(date.iso) : formatMonth(date.iso);
      if (!date.estimate) return { text, datetime: date.iso };
      const from = date.estimate === "title" ? "taken from the article’s title" : "worked out from the article’s text";
      return { text, datetime: date.iso, qualifier: ESTIMATED, note: `${UNRECORDED}; it was ${from}.` };
    }
    case "unknown": {
      if (!date.between) return { text: NOT_RECORDED };
      const [older, newer] = date.between.map((bound) => (bound.length === 7 ? formatMonth(bound) : formatDay(bound)));
      const note = `${UNRECORDED}; it comes between articles the old archive dates ${older} and ${newer}.`;
      return { text: formatBetween(date.between), qualifier: ESTIMATED, note };
    }
  }
}

/** The words a reader sees for an article's date, in one line: "July 2018 (estimated)". */
export function describeDate(date: ArticleDate): string {
  const { text, qualifier } = dateWords(date);
  return qualifier ? `${text} (${qualifier})` : text;
}

/** The year an article belongs to, when it is known (from its date, or from bounds within one year). */
export function knownYear(date: ArticleDate): number | undefined {
  if (date.precision !== "unknown") return dateTime(date.iso).year;
  if (!date.between) return undefined;
  const [from, to] = date.between.map(dateTime) as [DateTime, DateTime];
  return from.year === to.year ? from.year : undefined;
}

/**
 * The earliest instant an article can have been published, as a sortable `YYYY-MM-DD`:
 * a day is itself, a month its first day, bounds their lower end.
 */
export function earliestDay(date: ArticleDate): string | undefined {
  switch (date.precision) {
    case "day":
      return date.iso;
    case "month":
      return `${date.iso}-01`;
    case "unknown":
      return date.between ? (dateTime(date.between[0]).toISODate() ?? undefined) : undefined;
  }
}

/**
 * The latest day an article can have been published, as `YYYY-MM-DD`: a day is itself, a month its last
 * day, bounds the end of their upper bound; undefined when nothing bounds it.
 */
export function latestDay(date: ArticleDate): string | undefined {
  const last = (iso: string) => (iso.length === 7 ? (dateTime(iso).endOf("month").toISODate() ?? undefined) : iso);
  switch (date.precision) {
    case "day":
      return date.iso;
    case "month":
      return last(date.iso);
    case "unknown":
      return date.between ? last(date.between[1]) : undefined;
  }
}

function dateTime(iso: string): DateTime {
  const parsed = parseDayOrMonth(iso);
  if (!parsed) throw new Error(`Not a date: "${iso}" (expected YYYY-MM-DD or YYYY-MM)`);
  return parsed;
}
