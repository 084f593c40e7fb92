/**
 * An acronym of the glossary (`content/_data/glossary.yaml`) explained where a reader first meets it in an
 * article's text: `<abbr title="unaccompanied asylum-seeking children">UASC</abbr>`, once per acronym and
 * article, and only where it helps: not where the paragraph already spells it out ("unaccompanied
 * asylum-seeking children (UASC)", which counts as its first use), and never inside a heading, a link or
 * code, where an `abbr` would change what the element says or does. Later uses stay plain text.
 *
 * A markdown-it core rule over the parsed tokens, so nothing is matched inside markup; the glossary comes with
 * each render in markdown-it's `env` (`renderMarkdown(md, body, { glossary })`), so the parser stays one per build.
 */
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import type { GlossaryEntry } from "../content/glossary.ts";

/** What a render passes in markdown-it's `env` for acronyms to be explained. */
export interface AbbrEnv {
  glossary?: readonly GlossaryEntry[];
}

/** Adds the rule to a parser; a render without a glossary in its `env` is left as it was. */
export function abbreviateFirstUses(md: MarkdownIt): void {
  // A figure's caption is parsed again by every core rule (see src/model/markdown.ts): a token is split once,
  // and what one render has explained is kept by its env, which the caption's parse shares.
  const split = new WeakSet<Token>();
  const explainedIn = new WeakMap<object, Set<string>>();
  md.core.ruler.push("abbr_first_use", (state) => {
    const env = state.env as AbbrEnv;
    if (!env.glossary?.length) return;
    if (!explainedIn.has(env)) explainedIn.set(env, new Set());
    markFirstUses(state, env.glossary, split, explainedIn.get(env)!);
  });
}

function markFirstUses(
  state: StateCore,
  glossary: readonly GlossaryEntry[],
  split: WeakSet<Token>,
  explained: Set<string>,
): void {
  const byAcronym = new Map(glossary.map((entry) => [entry.acronym, entry]));
  // The longest first, so that "SEND" is not read as "SEN" followed by a letter.
  const names = [...byAcronym.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${names.join("|")})s?(?![\\p{L}\\p{N}])`, "gu");
  let heading = false;
  for (const block of state.tokens) {
    if (block.type === "heading_open") heading = true;
    else if (block.type === "heading_close") heading = false;
    if (block.type !== "inline" || heading || !block.children) continue;
    const paragraph = comparable(block.content);
    const children: Token[] = [];
    let inLink = 0;
    for (const token of block.children) {
      if (token.type === "link_open") inLink += 1;
      else if (token.type === "link_close") inLink -= 1;
      if (token.type !== "text" || inLink > 0 || split.has(token)) {
        children.push(token);
        continue;
      }
      children.push(...explain(token, pattern, byAcronym, explained, paragraph, state));
    }
    block.children = children;
    for (const token of children) split.add(token);
  }
}

/** The text token, split around the first use of each acronym not yet explained in the article. */
function explain(
  token: Token,
  pattern: RegExp,
  byAcronym: ReadonlyMap<string, GlossaryEntry>,
  explained: Set<string>,
  paragraph: string,
  state: StateCore,
): Token[] {
  const parts: Token[] = [];
  let from = 0;
  for (const match of token.content.matchAll(pattern)) {
    const entry = byAcronym.get(match[1]!)!;
    if (explained.has(entry.acronym)) continue;
    explained.add(entry.acronym);
    // Spelt out in the same paragraph ("… children (UASC)"): already explained, the abbr would say it twice.
    if (paragraph.includes(comparable(entry.expansion))) continue;
    parts.push(text(state, token.content.slice(from, match.index)));
    const open = new state.Token("abbr_open", "abbr", 1);
    open.attrSet("title", entry.expansion);
    parts.push(open, text(state, match[0]), new state.Token("abbr_close", "abbr", -1));
    from = match.index + match[0].length;
  }
  if (from === 0) return [token];
  parts.push(text(state, token.content.slice(from)));
  return parts.filter((part) => part.type !== "text" || part.content);
}

function text(state: StateCore, content: string): Token {
  const token = new state.Token("text", "", 0);
  token.content = content;
  return token;
}

/**
 * Words compared without case, punctuation, hyphens or a plural "s": "Directors of Children’s Services"
 * spells out "director of children's services".
 */
function comparable(words: string): string {
  const plain = words
    .toLocaleLowerCase("en-GB")
    .replace(/[’']/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .map((word) => (word.length > 3 ? word.replace(/s$/, "") : word));
  return ` ${plain.join(" ")} `;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
