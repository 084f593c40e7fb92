/**
 * Where the site lives and what "today" is, read from the environment (see README, "Configuration").
 * Read when a build or server starts, never when a module is imported, so a bad value is reported as a
 * message by the entry point that was run.
 */
import { parseDay, ZONE } from "./calendar.ts";
import { UserError } from "./errors.ts";
import { normalisePrefix } from "./urls.ts";

export interface Settings {
  /** The site's origin (`https://host`), for canonical links and feeds; the path under it is `pathPrefix`. */
  siteUrl: string;
  /** Where the site sits under its host, e.g. `/archive/`; `/` at the root. */
  pathPrefix: string;
  /** "Today": decides which scheduled articles are published. */
  buildDate: Date;
  /** Drafts and scheduled articles shown (the dev server). */
  includeUnpublished: boolean;
  /**
   * Entries in each subscription feed and in each of its archive pages (RFC 5005), so that no feed grows
   * with the archive. Changing it re-pages every feed's archive: keep it once the site is live.
   */
  feedEntries: number;
}

const DEFAULT_FEED_ENTRIES = 20;

export function readSettings(env: NodeJS.ProcessEnv = process.env, now = new Date()): Settings {
  return {
    siteUrl: originOf(env.SITE_URL ?? "http://localhost:8080"),
    pathPrefix: normalisePrefix(env.PATH_PREFIX ?? "/"),
    buildDate: env.BUILD_DATE ? buildDateFrom(env.BUILD_DATE) : now,
    includeUnpublished: env.SHOW_DRAFTS === "1" || ["serve", "watch"].includes(env.ELEVENTY_RUN_MODE ?? ""),
    feedEntries: env.FEED_ENTRIES ? feedEntriesFrom(env.FEED_ENTRIES) : DEFAULT_FEED_ENTRIES,
  };
}

function feedEntriesFrom(text: string): number {
  if (!/^[1-9]\d*$/.test(text.trim()))
    throw new UserError({
      where: "FEED_ENTRIES",
      problem: `"${text}" is not a number of entries`,
      fix: `write a whole number above 0, such as ${DEFAULT_FEED_ENTRIES}`,
    });
  return Number(text);
}

/** SITE_URL is the origin alone; the path under it is PATH_PREFIX, so the two can never disagree. */
function originOf(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.pathname.replace(/\/+$/, "") !== "") {
    throw new UserError({
      where: "SITE_URL",
      problem: `"${url}" is not the site's origin`,
      fix: "write it as https://www.example.org, with any path under it in PATH_PREFIX",
    });
  }
  return parsed.origin;
}

function buildDateFrom(text: string): Date {
  const day = parseDay(text);
  if (!day)
    throw new UserError({
      where: "BUILD_DATE",
      problem: `"${text}" is not a date`,
      fix: `write it as YYYY-MM-DD (a day in ${ZONE})`,
    });
  return day.endOf("day").toJSDate();
}
