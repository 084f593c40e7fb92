/**
 * What an article knows about its own date, and how to say it.
 * Dates are calendar days in Europe/London: "2019-07-12" is that day, never a UTC instant.
 */
import { DateTime } from "luxon";
import { DAY_PATTERN, MONTH_PATTERN } from "../content/schema.ts";

export const ZONE = "Europe/London";

export type ArticleDate =
  | { precision: "day"; iso: string }
  | { precision: "month"; iso: string }
  | { precision: "unknown"; between?: readonly [string, string] };

/** Parses `YYYY-MM-DD` as a real calendar day in London; returns undefined for anything else. */
export function parseDay(text: string): DateTime | undefined {
  return DAY_PATTERN.test(text) ? calendarDate(text) : undefined;
}

/** Parses `YYYY-MM` as a real month; returns undefined for anything else. */
export function parseMonth(text: string): DateTime | undefined {
  return MONTH_PATTERN.test(text) ? calendarDate(`${text}-01`) : undefined;
}

// luxon's zone-aware parsing costs a fraction of a millisecond a call, and a build parses the same few
// thousand dates many times over; DateTime is immutable, so one parse per string is safe to share.
const parsed = new Map<string, DateTime | undefined>();

function calendarDate(iso: string): DateTime | undefined {
  if (!parsed.has(iso)) {
    const date = DateTime.fromISO(iso, { zone: ZONE });
    parsed.set(iso, date.isValid ? date : undefined);
  }
  return parsed.get(iso);
}

/** A day or a month, whichever the text is. */
export function parseDayOrMonth(text: string): DateTime | undefined {
  return parseDay(text) ?? parseMonth(text);
}

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
  if (start.hasSame(end, "year")) return `between ${start.toFormat("LLLL", { locale: "en-GB" })} and ${formatMonth(to)}`;
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
      return date.between ? dateTime(date.between[0]).toISODate() ?? undefined : undefined;
  }
}

/** Today's date in London, as `YYYY-MM-DD`, for an instant (the build date). */
export function londonDay(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).toISODate() as string;
}

function dateTime(iso: string): DateTime {
  const parsed = parseDayOrMonth(iso);
  if (!parsed) throw new Error(`Not a date: "${iso}" (expected YYYY-MM-DD or YYYY-MM)`);
  return parsed;
}
