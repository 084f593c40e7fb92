/**
 * The blog export is newest first, so an undated post lies between its nearest dated neighbours: that
 * bound is a fact, where a guessed day would not be.
 */

export interface Dated {
  order: number;
  date: string | undefined;
}

/** For each undated entry's order: [older neighbour's date, newer neighbour's date], when both exist. */
export function undatedBounds(entries: readonly Dated[]): Map<number, [string, string] | undefined> {
  const sorted = [...entries].sort((a, b) => a.order - b.order);
  const bounds = new Map<number, [string, string] | undefined>();
  sorted.forEach((entry, index) => {
    if (entry.date) return;
    const newer = sorted.slice(0, index).reverse().find((other) => other.date)?.date;
    const older = sorted.slice(index + 1).find((other) => other.date)?.date;
    bounds.set(entry.order, older && newer ? [older, newer] : undefined);
  });
  return bounds;
}
