/**
 * Calendar days as editors write them: `YYYY-MM-DD` (or `YYYY-MM` for migrated articles), each a day in
 * Europe/London, never a UTC instant. Reading dates is part of checking content; how pages word them is
 * the model's (`src/model/dates.ts`).
 */
import { DateTime } from "luxon";

export const ZONE = "Europe/London";
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const MONTH_PATTERN = /^\d{4}-\d{2}$/;

/** Parses `YYYY-MM-DD` as a real calendar day in London; returns undefined for anything else. */
export function parseDay(text: string): DateTime | undefined {
  return DAY_PATTERN.test(text) ? calendarDate(text) : undefined;
}

/** Parses `YYYY-MM` as a real month; returns undefined for anything else. */
export function parseMonth(text: string): DateTime | undefined {
  return MONTH_PATTERN.test(text) ? calendarDate(`${text}-01`) : undefined;
}

/** A day or a month, whichever the text is. */
export function parseDayOrMonth(text: string): DateTime | undefined {
  return parseDay(text) ?? parseMonth(text);
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

/** The day in London at an instant (the build date), as `YYYY-MM-DD`. */
export function londonDay(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).toISODate() as string;
}
