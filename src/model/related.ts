/**
 * "Related articles": for each published article, the others most similar in content, as many of
 * them as are close enough (from none up to the limit).
 *
 * Each article becomes a vector over terms: stemmed words and the pairs of words written together
 * ("high needs", "regional adoption", "adoption agency", "youth justice"), which say a subject more
 * exactly than their words apart. A term weighs how often the article uses it (a title word counts as
 * TITLE_WEIGHT body words) times its damped inverse document frequency (IDF_POWER). Vectors are
 * L2-normalised, so the dot product of two is their cosine similarity.
 *
 * Comparing every pair is quadratic, so candidates are found through an inverted index of each
 * article's strongest terms, ranked roughly by those terms alone, and only a short list is then scored
 * with the full cosine plus small boosts for shared tags, region and author. Boosts only reorder
 * articles already found by content: two articles that share a tag but no strong term are never
 * suggested for each other. The list then stops where the scores fall away (MIN_SCORE, MIN_SHARE_OF_BEST).
 *
 * Measured against an editor's judgement of 33 real articles (tests/model/related-judged.yaml, whose
 * test keeps the floor): of the four articles shown before phrases, raw counts, damped IDF and the
 * cut-off, 52% were ones the editor would list (68 of 132), and 54% of the editor's first four were
 * found (recall@4); now 79% of those shown are (72 of 91, one to four per article) and recall@4 is 56%.
 *
 * Articles are processed in id order, which makes every intermediate (term numbering, float
 * summation order, tie-breaks) independent of the order the caller supplied them in.
 */
import { TermDictionary } from "./text/tokenize.ts";

export interface RelatedInput {
  id: string;
  title: string;
  text: string;
  tags: readonly string[];
  region?: string;
  author?: string;
  draft?: boolean;
  /**
   * The object the title and text come from, if it is never changed (an article kept by the content cache):
   * its terms are counted once and remembered for later builds, which is most of the work.
   */
  source?: object;
}

export interface RelatedOptions {
  limit?: number;
}

const DEFAULT_LIMIT = 4;

/** A title is short and written to say what the article is about, so each title word counts as this many body words. */
const TITLE_WEIGHT = 3;

/**
 * A term's weight grows with its count in the article as is, not with its logarithm: an article's
 * subject is what it keeps coming back to ("adoption" 21 times in "A family for life"), and with
 * 1 + log(count) a rare word used once in passing ("horizon", "traction") outweighed it. The inverse
 * document frequency, log(articles / articles using the term), is taken to this power for the same
 * reason. The words nearly every article of this archive uses still weigh little: "children" (all
 * 103) nothing, "services" and "people" (90) an eighth of what "adoption" (14) weighs per use. But a
 * word two of the 103 articles happen to share now counts 2.6 times as much as a subject word a third
 * of them write about, not 3.5 times. On the judged set (see the header), with four shown, raw counts
 * and phrases raised precision from 52% to 66%, the damping to about 68%.
 */
const IDF_POWER = 0.75;

/**
 * A pair of terms that directly follow each other counts as a phrase only where the article uses each
 * of its words at least this often: a subject's phrase repeats its words ("high needs", "youth
 * justice"), while most pairs are one-off wording: counting them all made no list better and took
 * 1.7 times as long on the benchmark's synthetic corpus.
 */
const MIN_PHRASE_WORD_COUNT = 2;

/**
 * Terms kept per article for scoring, heaviest first: the rest of a long article's vocabulary is
 * wording, and a short vector keeps scoring fast however many phrases an archive has. The norm is
 * the whole vector's, so a score is still a share of the article.
 */
const MAX_TERMS = 128;

/**
 * Where a list stops: an article is shown only if it scores at least MIN_SCORE and at least this
 * share of the best candidate's score. The share drops the tail of a list led by clear matches ("A
 * Turning Point for Youth Justice?" lists the two other articles on youth custody and stops); the floor
 * drops a whole list when nothing is close (the archive's one article on Brexit).
 */
const MIN_SHARE_OF_BEST = 0.6;
const MIN_SCORE = 0.07;

/** How many of an article's heaviest terms are used to look for candidates. */
const TOP_TERMS = 24;

/**
 * Most articles any one term can nominate. Without a cap a word shared by thousands of articles
 * makes candidate generation quadratic; the articles kept are those where the term weighs most.
 */
const MAX_POSTINGS = 256;

/**
 * Candidates per requested result that are rescored with the full cosine. The rough score ranks
 * candidates noisily: against an exhaustive search, 5 per result found about half of the true
 * top 4 on the synthetic benchmark corpus and 10 about 70%; on the archive's own articles, 25 was
 * already as good as rescoring every candidate.
 */
const SHORTLIST_FACTOR = 10;

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

interface Article {
  id: string;
  tags: ReadonlySet<string>;
  region: string | undefined;
  author: string | undefined;
  /** Term ids, only of terms some other article also has (the rest can never match). */
  terms: Int32Array;
  /** Weights matching `terms`, already divided by the norm of the whole vector. */
  weights: Float64Array;
  /** Positions in `terms` of the heaviest terms. */
  top: Int32Array;
}

/**
 * Returns, for each non-draft input id, the ids of up to `limit` other non-draft inputs close enough
 * to it, most related first; an empty list when none is.
 */
export function relatedArticles(inputs: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, string[]> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`relatedArticles: limit must be a non-negative integer, got ${limit}`);
  }
  const { articles, vocabularySize } = vectorise(publishedInIdOrder(inputs));
  const postings = buildPostings(articles);
  const shortlistSize = limit * SHORTLIST_FACTOR;
  const accumulator = new Float64Array(articles.length);
  // The current article's vector spread out by term id, so a dot product is one pass over the other's terms.
  const dense = new Float64Array(vocabularySize);

  const related = new Map<string, string[]>();
  articles.forEach((article, index) => {
    for (let i = 0; i < article.terms.length; i++) dense[article.terms[i]!] = article.weights[i]!;
    const scored = roughShortlist(index, articles, postings, accumulator, shortlistSize).map((other) => ({
      index: other,
      score: dot(dense, articles[other]!) + boost(article, articles[other]!),
    }));
    for (const term of article.terms) dense[term] = 0;
    // Lower index means lower id, so this is "score desc, then id asc".
    scored.sort((a, b) => b.score - a.score || a.index - b.index);
    const floor = Math.max(MIN_SCORE, (scored[0]?.score ?? 0) * MIN_SHARE_OF_BEST);
    related.set(
      article.id,
      scored
        .slice(0, limit)
        .filter((entry) => entry.score >= floor)
        .map((entry) => articles[entry.index]!.id),
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

function vectorise(inputs: readonly RelatedInput[]): { articles: Article[]; vocabularySize: number } {
  const { counts, documentFrequency } = countTerms(inputs);
  const total = inputs.length;
  // Per term id, the damped inverse document frequency.
  const rarity = Float64Array.from(documentFrequency, (articles) => Math.log(total / articles) ** IDF_POWER);
  const articles = inputs.map((input, index): Article => {
    const { terms, frequencies } = counts[index]!;
    // Only terms some other article also has can ever match, but every term counts in the norm: an
    // article that shares one common word and nothing else is not close to anything.
    const matchable: number[] = [];
    const matchableWeights: number[] = [];
    let squaredNorm = 0;
    for (let i = 0; i < terms.length; i++) {
      const weight = frequencies[i]! * rarity[terms[i]!]!;
      squaredNorm += weight * weight;
      if (weight > 0 && documentFrequency[terms[i]!]! > 1) {
        matchable.push(terms[i]!);
        matchableWeights.push(weight);
      }
    }
    const kept = heaviestInOrder(matchableWeights, MAX_TERMS);
    const norm = Math.sqrt(squaredNorm);
    const weights = Float64Array.from(kept, (position) => matchableWeights[position]! / norm);
    return {
      id: input.id,
      tags: new Set(input.tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== "")),
      region: input.region || undefined,
      author: input.author || undefined,
      terms: Int32Array.from(kept, (position) => matchable[position]!),
      weights,
      top: heaviest(weights, TOP_TERMS),
    };
  });
  return { articles, vocabularySize: documentFrequency.length };
}

/**
 * Positions of the `count` largest weights in position order; of equal weights at the cut, the first.
 * A native numeric sort finds the cut: `heaviest` costs `count` steps per weight, too many here.
 */
function heaviestInOrder(weights: readonly number[], count: number): number[] {
  if (weights.length <= count) return weights.map((_, position) => position);
  const cut = Float64Array.from(weights).sort()[weights.length - count]!;
  let ties = count - weights.filter((weight) => weight > cut).length;
  const kept: number[] = [];
  weights.forEach((weight, position) => {
    if (weight > cut || (weight === cut && ties-- > 0)) kept.push(position);
  });
  return kept;
}

/** Positions of the `count` largest weights, heaviest first; equal weights keep their original order. */
function heaviest(weights: Float64Array, count: number): Int32Array {
  const best: number[] = [];
  for (let position = 0; position < weights.length; position++) {
    const weight = weights[position]!;
    if (best.length === count && weight <= weights[best[count - 1]!]!) continue;
    let at = best.length;
    while (at > 0 && weight > weights[best[at - 1]!]!) at--;
    best.splice(at, 0, position);
    if (best.length > count) best.pop();
  }
  return Int32Array.from(best);
}

interface TermCounts {
  terms: Int32Array;
  frequencies: Float64Array;
}

/** An article's terms by name (a stem, or a phrase's two stems with a space) and their frequencies. */
interface NamedTerms {
  names: string[];
  frequencies: Float64Array;
}

/** By `RelatedInput.source`, its terms as counted in an earlier build. */
const countedBefore = new WeakMap<object, NamedTerms>();

/**
 * Per-article term frequencies (title words weighted) and, per term id, how many articles use it. An
 * article whose terms were counted in an earlier build (`source`) takes them by name: numbered as reading it
 * again would number them, so the results are the same as counting afresh.
 */
function countTerms(inputs: readonly RelatedInput[]): { counts: TermCounts[]; documentFrequency: Int32Array } {
  const dictionary = new TermDictionary();
  let documentFrequency = new Int32Array(1024);
  // Frequencies of the current article by term id, cleared after each article via `touched`.
  let scratch = new Float64Array(1024);
  const touched: number[] = [];
  const room = (id: number): void => {
    if (id < scratch.length) return;
    const size = Math.max(id + 1, scratch.length * 2);
    documentFrequency = grow(documentFrequency, new Int32Array(size));
    scratch = grow(scratch, new Float64Array(size));
  };
  const count = (id: number, amount: number): void => {
    room(id);
    if (scratch[id] === 0) touched.push(id);
    scratch[id]! += amount;
  };
  // The current article's terms in order, each pair that may be a phrase (`follows`) with its weight.
  const pairs: number[] = [];
  let amount = 0;
  let previous = -1;
  const visit = (id: number, follows: boolean): void => {
    count(id, amount);
    if (follows) pairs.push(previous, id, amount);
    previous = id;
  };

  const counts = inputs.map((input) => {
    const remembered = input.source && countedBefore.get(input.source);
    if (remembered) {
      const terms = Int32Array.from(remembered.names, (name) => dictionary.termId(name));
      for (const id of terms) {
        room(id);
        documentFrequency[id]!++;
      }
      return { terms, frequencies: remembered.frequencies };
    }
    amount = TITLE_WEIGHT;
    dictionary.forEachTermId(input.title, visit);
    amount = 1;
    dictionary.forEachTermId(input.text, visit);
    for (let i = 0; i < pairs.length; i += 3) {
      const first = pairs[i]!;
      const second = pairs[i + 1]!;
      if (scratch[first]! >= MIN_PHRASE_WORD_COUNT && scratch[second]! >= MIN_PHRASE_WORD_COUNT) {
        count(dictionary.phraseId(first, second), pairs[i + 2]!);
      }
    }
    pairs.length = 0;
    const terms = Int32Array.from(touched);
    const frequencies = new Float64Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      const id = terms[i]!;
      frequencies[i] = scratch[id]!;
      scratch[id] = 0;
      documentFrequency[id]!++;
    }
    touched.length = 0;
    if (input.source)
      countedBefore.set(input.source, { names: Array.from(terms, (id) => dictionary.term(id)), frequencies });
    return { terms, frequencies };
  });
  return { counts, documentFrequency };
}

function grow<T extends Int32Array | Float64Array>(array: T, bigger: T): T {
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

function dot(dense: Float64Array, article: Article): number {
  let sum = 0;
  for (let i = 0; i < article.terms.length; i++) sum += dense[article.terms[i]!]! * article.weights[i]!;
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
