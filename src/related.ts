/**
 * "Related articles": for each published article, the others most similar in content.
 *
 * Each article becomes a TF-IDF vector over stemmed terms (title terms count extra), L2-normalised,
 * so the dot product of two vectors is their cosine similarity. Comparing every pair is quadratic,
 * so candidates are found through an inverted index of each article's strongest terms, ranked
 * roughly by those terms alone, and only a short list is then scored with the full cosine plus
 * small boosts for shared tags, region and author.
 *
 * Articles are processed in id order, which makes every intermediate (term numbering, float
 * summation order, tie-breaks) independent of the order the caller supplied them in.
 */
import { tokenize } from "./text/tokenize.ts";

export interface RelatedInput {
  id: string;
  title: string;
  text: string;
  tags: readonly string[];
  region?: string;
  author?: string;
  draft?: boolean;
}

export interface RelatedOptions {
  limit?: number;
}

const DEFAULT_LIMIT = 4;

/** A title is short and written to say what the article is about, so each title word counts as this many body words. */
const TITLE_WEIGHT = 3;

/** How many of an article's heaviest terms are used to look for candidates. */
const TOP_TERMS = 24;

/**
 * Most articles any one term can nominate. Without a cap a word shared by thousands of articles
 * makes candidate generation quadratic; the articles kept are those where the term weighs most.
 */
const MAX_POSTINGS = 256;

/** Candidates per requested result that are rescored with the full cosine. */
const SHORTLIST_FACTOR = 5;

/*
 * Boosts are added to the cosine (0..1; related articles typically score 0.1-0.4). They are small
 * so that they reorder near-equals rather than override content: all of them together are worth
 * less than a clear difference in subject.
 */
/** Per shared tag, counting at most MAX_BOOSTED_TAGS tags. */
const TAG_BOOST = 0.04;
const MAX_BOOSTED_TAGS = 3;
const REGION_BOOST = 0.03;
const AUTHOR_BOOST = 0.02;

/** Bare numbers (years, amounts) would tie together articles that merely share a date. */
const NUMBER = /^\p{N}+$/u;

interface Article {
  id: string;
  tags: ReadonlySet<string>;
  region: string | undefined;
  author: string | undefined;
  /** Term ids ascending, only terms some other article also has (the rest can never match). */
  terms: Int32Array;
  /** Weights matching `terms`, already divided by the norm of the whole vector. */
  weights: Float64Array;
  /** Indexes into `terms` of the heaviest terms. */
  top: Int32Array;
}

/** Returns, for each non-draft input id, up to `limit` ids of other non-draft inputs, most related first. */
export function relatedArticles(inputs: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, string[]> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`relatedArticles: limit must be a non-negative integer, got ${limit}`);
  }
  const published = publishedInIdOrder(inputs);
  const articles = vectorise(published);
  const postings = buildPostings(articles);
  const shortlistSize = limit * SHORTLIST_FACTOR;
  const accumulator = new Float64Array(articles.length);

  const related = new Map<string, string[]>();
  articles.forEach((article, index) => {
    const shortlist = roughShortlist(index, articles, postings, accumulator, shortlistSize);
    const scored = shortlist.map((other) => ({
      index: other,
      score: cosine(article, articles[other]!) + boost(article, articles[other]!),
    }));
    // Lower index means lower id, so this is "score desc, then id asc".
    scored.sort((a, b) => b.score - a.score || a.index - b.index);
    related.set(
      article.id,
      scored.slice(0, limit).map((entry) => articles[entry.index]!.id),
    );
  });
  return related;
}

function publishedInIdOrder(inputs: readonly RelatedInput[]): RelatedInput[] {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.id)) throw new Error(`relatedArticles: duplicate article id "${input.id}"`);
    seen.add(input.id);
  }
  // Code-unit order, not localeCompare, so the result does not depend on the machine's locale.
  return inputs.filter((input) => !input.draft).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function vectorise(inputs: readonly RelatedInput[]): Article[] {
  const { counts, documentFrequency } = countTerms(inputs);
  const total = inputs.length;
  return inputs.map((input, index) => {
    const { terms, frequencies } = counts[index]!;
    let squaredNorm = 0;
    const raw = new Float64Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      const weight = (1 + Math.log(frequencies[i]!)) * Math.log(total / documentFrequency[term]!);
      raw[i] = weight;
      squaredNorm += weight * weight;
    }
    const norm = Math.sqrt(squaredNorm);

    const order: number[] = [];
    for (let i = 0; i < terms.length; i++) {
      if (documentFrequency[terms[i]!]! > 1 && raw[i]! > 0) order.push(i);
    }
    order.sort((a, b) => terms[a]! - terms[b]!);
    const kept = Int32Array.from(order, (i) => terms[i]!);
    const weights = Float64Array.from(order, (i) => raw[i]! / norm);

    const byWeight = Array.from(kept.keys()).sort((a, b) => weights[b]! - weights[a]! || kept[a]! - kept[b]!);
    return {
      id: input.id,
      tags: new Set(input.tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== "")),
      region: input.region || undefined,
      author: input.author || undefined,
      terms: kept,
      weights,
      top: Int32Array.from(byWeight.slice(0, TOP_TERMS)),
    };
  });
}

interface TermCounts {
  terms: Int32Array;
  frequencies: Float64Array;
}

/** Per-article term frequencies (title words weighted) and, per term id, how many articles use it. */
function countTerms(inputs: readonly RelatedInput[]): { counts: TermCounts[]; documentFrequency: Int32Array } {
  const termIds = new Map<string, number>();
  let capacity = 1024;
  let documentFrequency = new Int32Array(capacity);
  // Scratch frequencies indexed by term id, reset after each article via `touched`.
  let scratch = new Float64Array(capacity);
  const touched: number[] = [];

  const add = (term: string, amount: number): void => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = NUMBER.test(term) ? -1 : termIds.size;
      termIds.set(term, id);
      if (id >= capacity) {
        capacity *= 2;
        documentFrequency = grow(documentFrequency, capacity);
        scratch = grow(scratch, capacity);
      }
    }
    if (id < 0) return;
    if (scratch[id] === 0) touched.push(id);
    scratch[id]! += amount;
  };

  const counts = inputs.map((input) => {
    for (const term of tokenize(input.title)) add(term, TITLE_WEIGHT);
    for (const term of tokenize(input.text)) add(term, 1);
    const terms = Int32Array.from(touched);
    const frequencies = new Float64Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      const id = terms[i]!;
      frequencies[i] = scratch[id]!;
      scratch[id] = 0;
      documentFrequency[id]!++;
    }
    touched.length = 0;
    return { terms, frequencies };
  });
  return { counts, documentFrequency };
}

function grow<T extends Int32Array | Float64Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

/** The articles whose top terms include a term, with the term's weight in each; heaviest first. */
interface Posting {
  articles: Int32Array;
  weights: Float64Array;
}

function buildPostings(articles: readonly Article[]): Map<number, Posting> {
  const lists = new Map<number, { article: number; weight: number }[]>();
  articles.forEach((article, index) => {
    for (const position of article.top) {
      const term = article.terms[position]!;
      let list = lists.get(term);
      if (!list) lists.set(term, (list = []));
      list.push({ article: index, weight: article.weights[position]! });
    }
  });
  const postings = new Map<number, Posting>();
  for (const [term, list] of lists) {
    if (list.length > MAX_POSTINGS) {
      list.sort((a, b) => b.weight - a.weight || a.article - b.article);
      list.length = MAX_POSTINGS;
    }
    postings.set(term, {
      articles: Int32Array.from(list, (entry) => entry.article),
      weights: Float64Array.from(list, (entry) => entry.weight),
    });
  }
  return postings;
}

/**
 * The `size` candidates with the largest dot product over top terms only, best first.
 * `accumulator` is zeroed scratch space, one slot per article, and is left zeroed.
 */
function roughShortlist(
  index: number,
  articles: readonly Article[],
  postings: ReadonlyMap<number, Posting>,
  accumulator: Float64Array,
  size: number,
): number[] {
  if (size === 0) return [];
  const article = articles[index]!;
  const touched: number[] = [];
  for (const position of article.top) {
    const weight = article.weights[position]!;
    const { articles: others, weights: otherWeights } = postings.get(article.terms[position]!)!;
    for (let i = 0; i < others.length; i++) {
      const other = others[i]!;
      if (other === index) continue;
      if (accumulator[other] === 0) touched.push(other);
      accumulator[other]! += weight * otherWeights[i]!;
    }
  }

  // Insertion into a small sorted array: `size` is tiny next to the number of candidates.
  const best: number[] = [];
  for (const other of touched) {
    const score = accumulator[other]!;
    if (best.length === size && !ranksBefore(score, other, best[size - 1]!, accumulator)) continue;
    let at = best.length;
    while (at > 0 && ranksBefore(score, other, best[at - 1]!, accumulator)) at--;
    best.splice(at, 0, other);
    if (best.length > size) best.pop();
  }
  for (const other of touched) accumulator[other] = 0;
  return best;
}

function ranksBefore(score: number, index: number, than: number, scores: Float64Array): boolean {
  const other = scores[than]!;
  return score > other || (score === other && index < than);
}

/** Dot product of two normalised vectors, walking both ascending term lists together. */
function cosine(a: Article, b: Article): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const termA = a.terms[i]!;
    const termB = b.terms[j]!;
    if (termA === termB) sum += a.weights[i++]! * b.weights[j++]!;
    else if (termA < termB) i++;
    else j++;
  }
  return sum;
}

function boost(a: Article, b: Article): number {
  let shared = 0;
  for (const tag of a.tags) if (b.tags.has(tag)) shared++;
  return (
    Math.min(shared, MAX_BOOSTED_TAGS) * TAG_BOOST +
    (a.region !== undefined && a.region === b.region ? REGION_BOOST : 0) +
    (a.author !== undefined && a.author === b.author ? AUTHOR_BOOST : 0)
  );
}
