/**
 * What an article knows about its own date, and how to say it.
 * Dates are calendar days in Europe/London: "2019-07-12" is that day, never a UTC instant.
 */
import type { DateTime } from "luxon";
import { parseDay, parseDayOrMonth, parseMonth } from "../core/calendar.ts";

export type ArticleDate =
  | { precision: "day"; iso: string }
  | { precision: "month"; iso: string }
  | { precision: "unknown"; between?: readonly [string, string] };

export function articleDate(date: string | undefined, between?: readonly [string, string]): ArticleDate {
  if (date === undefined) return between ? { precision: "unknown", between } : { precision: "unknown" };
  if (parseDay(date)) return { precision: "day", iso: date };
  if (parseMonth(date)) return { precision: "month", iso: date };
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

/** "between June and July 2019", "between December 2018 and January 2019", or "June 2019" for one month. */
export function formatBetween([from, to]: readonly [string, string]): string {
  const start = dateTime(from);
  const end = dateTime(to);
  if (start.hasSame(end, "month")) return formatMonth(from);
  if (start.hasSame(end, "year"))
    return `between ${start.toFormat("LLLL", { locale: "en-GB" })} and ${formatMonth(to)}`;
  return `between ${formatMonth(from)} and ${formatMonth(to)}`;
}

/** The words a reader sees for an article's date. */
export function describeDate(date: ArticleDate): string {
  switch (date.precision) {
    case "day":
      return formatDay(date.iso);
    case "month":
      return formatMonth(date.iso);
    case "unknown":
      return date.between ? `Date not recorded (${formatBetween(date.between)})` : "Date not recorded";
  }
}

/** The value for `<time datetime>`, or undefined when there is no date to mark up. */
export function machineDate(date: ArticleDate): string | undefined {
  return date.precision === "unknown" ? undefined : date.iso;
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
