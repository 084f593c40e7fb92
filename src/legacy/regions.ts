/** Maps region names, as the metadata and regional-update titles write them, to the site's region keys. */

/** Region key → display name, as in content/_data/regions.yaml. */
export type RegionNames = Readonly<Record<string, string>>;

export function regionKeyOf(name: string, regions: RegionNames): string | undefined {
  const wanted = name.trim().toLowerCase();
  return Object.entries(regions).find(([key, display]) => display.toLowerCase() === wanted || key === wanted)?.[0];
}

/**
 * The region a title names, in full ("Greater London Region Update") or by its initials ("GL Region
 * February 2016 Update"), as the regional updates' titles do.
 */
export function regionInTitle(title: string, regions: RegionNames): string | undefined {
  const words = title.split(/[\s-]+/u);
  return Object.entries(regions).find(([, display]) => {
    const initials = display.split(/\s+/u).filter((word) => /^\p{Lu}/u.test(word)).map((word) => word[0]).join("");
    return title.toLowerCase().includes(display.toLowerCase()) || (initials.length > 1 && words.includes(initials));
  })?.[0];
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "Greater London Region Update - September 2017" → "2017-09". */
export function monthInTitle(title: string): string | undefined {
  for (const [, word = "", year] of title.matchAll(/\b([A-Za-z]+)\s+(\d{4})\b/gu)) {
    const month = MONTHS.indexOf(word.toLowerCase());
    if (month >= 0) return `${year}-${String(month + 1).padStart(2, "0")}`;
  }
  return undefined;
}
