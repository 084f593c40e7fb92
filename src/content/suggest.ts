import { distance } from "fastest-levenshtein";

/**
 * The known key closest to what was typed, for "did you mean" hints. Matches keys and display names,
 * ignoring case and punctuation, so "Greater London" suggests `greater-london`.
 */
export function closest(typed: string, candidates: ReadonlyArray<{ key: string; name?: string }>): string | undefined {
  const wanted = normalise(typed);
  let best: { key: string; score: number } | undefined;
  for (const { key, name } of candidates) {
    const score = Math.min(...[key, name ?? key].map((label) => distance(wanted, normalise(label))));
    if (!best || score < best.score || (score === best.score && key < best.key)) best = { key, score };
  }
  if (!best) return undefined;
  const tolerance = Math.max(2, Math.ceil(wanted.length / 3));
  return best.score <= tolerance ? best.key : undefined;
}

/** The key of a data file (authors, regions) closest to an unknown one, by key or name. */
export function closestKey(typed: string, known: Readonly<Record<string, { name: string }>>): string | undefined {
  return closest(typed, Object.entries(known).map(([key, value]) => ({ key, name: value.name })));
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}
