/** The export's tags line: "SLI 84 GREATER LONDON 10" is the tags "SLI" and "Greater London". */

const NO_TAGS = "There are no tags assigned to this article!";
const MINOR_WORDS = new Set(["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"]);
/** The old site printed tags in capitals; a short single word is taken to be an acronym such as SLI. */
const ACRONYM_MAX_LETTERS = 5;

export function parseTagsLine(line: string | undefined): string[] {
  if (!line?.trim() || line.trim() === NO_TAGS) return [];
  const tags: string[] = [];
  let words: string[] = [];
  // Each tag is followed by the number of articles the old site had under it.
  for (const token of line.trim().split(/\s+/u)) {
    if (/^\d+$/u.test(token) && words.length) {
      tags.push(displayTag(words.join(" ")));
      words = [];
    } else {
      words.push(token);
    }
  }
  if (words.length) throw new Error(`tags line "${line}": "${words.join(" ")}" is not followed by an article count`);
  return tags;
}

export function displayTag(tag: string): string {
  const words = tag.split(/\s+/u);
  if (words.length === 1 && tag.length <= ACRONYM_MAX_LETTERS) return tag;
  return words
    .map((word, index) => {
      const lower = word.toLowerCase();
      return index > 0 && MINOR_WORDS.has(lower) ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(" ");
}
