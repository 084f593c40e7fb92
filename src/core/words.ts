/**
 * Counts in words, the one rule for plurals: "1 article", "1,103 articles", "2 problems". Every page,
 * message and command says a number with its noun through here.
 */
// One formatter for the build: creating an Intl formatter per call (as toLocaleString does) is slow.
const NUMBER = new Intl.NumberFormat("en-GB");

/**
 * A count's number and noun apart, for a list that shows the number and lets only screen readers hear the
 * noun ("(2)" read as "2 articles").
 * @example countParts(1103) // { numberText: "1,103", nounText: "articles" }
 */
export function countParts(count: number, noun = "article"): { numberText: string; nounText: string } {
  return { numberText: NUMBER.format(count), nounText: `${noun}${count === 1 ? "" : "s"}` };
}

/** "1 article", "1,103 articles". */
export function countText(count: number, noun = "article"): string {
  const { numberText, nounText } = countParts(count, noun);
  return `${numberText} ${nounText}`;
}
