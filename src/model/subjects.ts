/**
 * Which subjects an article is about, by the rules in `content/_data/subjects.yaml` (read and checked by
 * `src/content/subjects.ts`): a subject's words and phrases must appear in the article at least its
 * `threshold` times (title, editor's summary and body together), or once in its title, so that a passing
 * mention is not enough. An article that lists its own `subjects` keeps those instead. `npm run check --
 * --explain <file>` prints what this found.
 */
import type { Subject } from "../content/subjects.ts";
import { countText } from "../core/words.ts";

/** What an article gives the rules: its title, and the rest of its words (an editor's summary, the body). */
export interface SubjectText {
  title: string;
  text: string;
}

/**
 * What the rules read of an article: what the editor wrote (the title without the note on a shortened one,
 * their summary if they gave one, the body's text). A summary made from the first paragraph is not read twice.
 */
export function subjectText(title: string, summary: string | undefined, bodyText: string): SubjectText {
  return { title, text: summary ? `${summary}\n${bodyText}` : bodyText };
}

/** How one subject's words and phrases occur in an article, and whether that is enough. */
export interface SubjectEvidence {
  subject: Subject;
  /** Each word or phrase that occurs, as the rules write it, with how often; most frequent first. */
  matches: { term: string; count: number }[];
  inTitle: number;
  total: number;
  assigned: boolean;
}

/** A word of an article, and the same word in lower case, compared against the rules' words. */
interface Token {
  word: string;
  lower: string;
}

/** One word of a rule: `adopt*` matches any ending, `UASC` only in capitals (or its plural `UASCs`). */
type Pattern = (token: Token) => boolean;

interface Term {
  term: string;
  patterns: Pattern[];
}

const ACRONYM = /^[A-Z][A-Za-z]*[A-Z]$/;

/**
 * The words of a text, as rules and articles are both read: apostrophes dropped ("children’s" is
 * "childrens"), anything else that is not a letter or digit a break ("asylum-seeking" is two words).
 */
function tokens(text: string): Token[] {
  return (
    text
      .replace(/['’]/g, "")
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      // toLowerCase, not toLocaleLowerCase("en-GB"): the same for English, and many times faster per word.
      .map((word) => ({ word, lower: word.toLowerCase() }))
  );
}

function pattern(word: string, anyEnding: boolean): Pattern {
  const lower = word.toLocaleLowerCase("en-GB");
  if (anyEnding) return (token) => token.lower.startsWith(lower);
  if (ACRONYM.test(word)) return (token) => token.word === word || token.word === `${word}s`;
  return (token) => token.lower === lower;
}

/** A rule's words as patterns: `*` at the end of a word is any ending; a hyphenated word is two, as in articles. */
function patternsOf(term: string): Pattern[] {
  return term.split(/\s+/).flatMap((word) => {
    const anyEnding = word.endsWith("*");
    const parts = tokens(anyEnding ? word.slice(0, -1) : word);
    return parts.map((part, index) => pattern(part.word, anyEnding && index === parts.length - 1));
  });
}

const compiled = new WeakMap<Subject, Term[]>();

/** A subject's words and phrases as patterns, the longest first so that a phrase is counted once, not also as its words. */
function termsOf(subject: Subject): Term[] {
  let terms = compiled.get(subject);
  if (!terms) {
    terms = [...subject.phrases, ...subject.words]
      .map((term) => ({ term, patterns: patternsOf(term) }))
      .filter((term) => term.patterns.length > 0)
      .sort((a, b) => b.patterns.length - a.patterns.length);
    compiled.set(subject, terms);
  }
  return terms;
}

/** How often each of the subject's terms occurs in the words, each word counted for one term at most. */
function count(words: readonly Token[], terms: readonly Term[], into: Map<string, number>): number {
  let total = 0;
  for (let index = 0; index < words.length;) {
    const found = terms.find(({ patterns }) =>
      patterns.every((matches, offset) => index + offset < words.length && matches(words[index + offset]!)),
    );
    if (found) {
      into.set(found.term, (into.get(found.term) ?? 0) + 1);
      total += 1;
      index += found.patterns.length;
    } else index += 1;
  }
  return total;
}

/**
 * The evidence for each subject whose words occur in the article at all, in the subjects' order.
 *
 * @example subjectEvidence({ title: "A family for life", text: "…adoption…" }, subjects)
 *   // [{ subject: adoption, matches: [{ term: "adopt*", count: 14 }, …], inTitle: 0, total: 19, assigned: true }]
 */
export function subjectEvidence(article: SubjectText, subjects: readonly Subject[]): SubjectEvidence[] {
  if (subjects.length === 0) return [];
  const title = tokens(article.title);
  const text = tokens(article.text);
  return subjects.flatMap((subject) => {
    const terms = termsOf(subject);
    const counts = new Map<string, number>();
    const inTitle = count(title, terms, counts);
    const total = inTitle + count(text, terms, counts);
    if (total === 0) return [];
    const matches = [...counts]
      .map(([term, n]) => ({ term, count: n }))
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
    return [{ subject, matches, inTitle, total, assigned: inTitle > 0 || total >= subject.threshold }];
  });
}

/** The subjects the rules give an article. */
export function assignSubjects(article: SubjectText, subjects: readonly Subject[]): Subject[] {
  return subjectEvidence(article, subjects)
    .filter((evidence) => evidence.assigned)
    .map((evidence) => evidence.subject);
}

/**
 * Why an article has the subjects it has, in lines for `npm run check -- --explain`: each subject the rules
 * give it with the words found and how often, then those found too seldom. `chosen` is the article's own
 * `subjects:` list, which the site keeps instead of the rules' answer.
 */
export function explainSubjects(evidence: readonly SubjectEvidence[], chosen?: readonly Subject[]): string[] {
  const line = (item: SubjectEvidence) => {
    const times = countText(item.total, "time");
    const rule = item.inTitle
      ? `${times}, ${item.inTitle === item.total ? "all" : item.inTitle} in the title (once in the title is enough)`
      : `${times} (${item.subject.threshold} needed${item.assigned ? "" : ", or once in the title"})`;
    const found = item.matches.map(({ term, count }) => `"${term}" ×${count}`).join(", ");
    return `  ${item.subject.name} [${item.subject.key}]: ${rule}: ${found}`;
  };
  const assigned = evidence.filter((item) => item.assigned);
  const seldom = evidence.filter((item) => !item.assigned);
  return [
    ...(chosen
      ? [
          `Subjects chosen by the editor (\`subjects:\`): ${chosen.map((subject) => subject.name).join(", ") || "none"}.`,
          "The site's rules would give it these instead:",
        ]
      : ["Subjects assigned by the site, by the rules in content/_data/subjects.yaml:"]),
    ...(assigned.length ? assigned.map(line) : ["  none"]),
    ...(seldom.length ? ["Mentioned too seldom to count (a passing mention):", ...seldom.map(line)] : []),
  ];
}
