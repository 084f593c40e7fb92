/**
 * Turns the metadata's author_role into text fit to show: the metadata mixes what is known of a role with
 * how it was found ("(from text: ...)", "(MJ page)") and guesses ("possibly X - not confirmed"). Pages must
 * show only the known part.
 */

/** Parentheses that say where a fact came from, not what it is; "(DCS)" or "(outgoing)" are kept. */
const REASONING_ASIDE = /^\((?:from|text|inferred|written|name|idx\d*|cypnow|mj|adcs)\b|\bpage\b/iu;
/** Parts of a role that are guesses or source citations rather than roles. */
const NOT_A_ROLE = /\bpossibly\b|\bnot confirmed\b|\bpage\b|\bcorpus\b/iu;

export function cleanRole(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const parts = withoutAsides(raw)
    .split(";")
    .map((part) => part.replace(/\s+/gu, " ").trim())
    .filter((part) => part && !NOT_A_ROLE.test(part));
  return parts.length ? parts.join("; ") : undefined;
}

/** The role parts of several rows, each once, in the order first seen. */
export function mergeRoles(roles: readonly (string | undefined)[]): string | undefined {
  const parts = [...new Set(roles.flatMap((role) => role?.split("; ") ?? []))];
  return parts.length ? parts.join("; ") : undefined;
}

/** Removes reasoning asides, which may nest: "(from text: 'the director (DCS) in East Sussex')". */
function withoutAsides(text: string): string {
  let result = "";
  let index = 0;
  while (index < text.length) {
    const close = text[index] === "(" ? closingParenthesis(text, index) : -1;
    if (close !== -1 && REASONING_ASIDE.test(text.slice(index, close + 1))) {
      result = result.replace(/\s+$/u, "");
      index = close + 1;
    } else {
      result += text[index];
      index++;
    }
  }
  return result;
}

function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === "(") depth++;
    if (text[index] === ")" && --depth === 0) return index;
  }
  return -1;
}
