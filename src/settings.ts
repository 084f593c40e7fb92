/**
 * Where the site lives and what "today" is, read once from the environment (see README, "Configuration").
 */
import { parseDay, ZONE } from "./dates.ts";

export interface Settings {
  /** The site's absolute origin and path, without a trailing slash, for canonical links and feeds. */
  siteUrl: string;
  /** Where the site sits under its host, e.g. `/archive/`; `/` at the root. */
  pathPrefix: string;
  /** "Today": decides which scheduled articles are published. */
  buildDate: Date;
  /** Drafts and scheduled articles shown (the dev server). */
  includeUnpublished: boolean;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env, now = new Date()): Settings {
  return {
    siteUrl: (env.SITE_URL ?? "http://localhost:8080").replace(/\/+$/, ""),
    pathPrefix: normalisePrefix(env.PATH_PREFIX ?? "/"),
    buildDate: env.BUILD_DATE ? buildDateFrom(env.BUILD_DATE) : now,
    includeUnpublished: env.SHOW_DRAFTS === "1" || ["serve", "watch"].includes(env.ELEVENTY_RUN_MODE ?? ""),
  };
}

export function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

function buildDateFrom(text: string): Date {
  const day = parseDay(text);
  if (!day) throw new Error(`BUILD_DATE "${text}" is not a date: write it as YYYY-MM-DD (a day in ${ZONE})`);
  return day.endOf("day").toJSDate();
}

