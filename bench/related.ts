/**
 * Times `relatedArticles` on a synthetic corpus the size of a large archive.
 *
 *   npx tsx bench/related.ts [N]     (N defaults to 10000)
 *
 * The corpus is generated from a fixed seed, so runs on the same machine are comparable. It mimics
 * what makes the real problem expensive: a Zipf-distributed vocabulary (a few words in nearly every
 * article, a long tail of rare ones) plus topic words shared by clusters of articles.
 */
import { pathToFileURL } from "node:url";
import { relatedArticles, type RelatedInput } from "../src/model/related.ts";
import { seededRandom } from "./corpus.ts";

export interface BenchResult {
  articles: number;
  milliseconds: number;
  /** User + system CPU time; less disturbed than wall time when other work shares the machine. */
  cpuMilliseconds: number;
  /** Peak resident set size of the whole process so far, corpus generation included. */
  peakRssMegabytes: number;
}

const VOCABULARY_SIZE = 4000;
const TOPICS = 40;
const WORDS_PER_TOPIC = 25;
const TAGS_PER_TOPIC = 5;
const REGIONS = 9;
const AUTHORS = 60;
/** Share of body words drawn from the article's topic rather than the general vocabulary. */
const TOPIC_WORD_SHARE = 0.08;
const DRAFT_SHARE = 0.02;

export function syntheticCorpus(count: number, seed = 20240601): RelatedInput[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const onsets = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st", "tr", "pl"];
  const vowels = ["a", "e", "i", "o", "u", "ai", "ou"];
  const codas = ["", "", "n", "r", "s", "t", "l", "m"];
  const seen = new Set<string>();
  const word = (): string => {
    for (;;) {
      let candidate = "";
      const syllables = 2 + Math.floor(random() * 3);
      for (let i = 0; i < syllables; i++) candidate += pick(onsets) + pick(vowels) + pick(codas);
      if (!seen.has(candidate)) {
        seen.add(candidate);
        return candidate;
      }
    }
  };

  const vocabulary = Array.from({ length: VOCABULARY_SIZE }, word);
  const cumulative = new Float64Array(VOCABULARY_SIZE);
  let total = 0;
  for (let rank = 0; rank < VOCABULARY_SIZE; rank++) cumulative[rank] = total += 1 / (rank + 1) ** 1.07;
  const generalWord = (): string => {
    const target = random() * total;
    let low = 0;
    let high = VOCABULARY_SIZE - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return vocabulary[low]!;
  };

  const topics = Array.from({ length: TOPICS }, (_, topic) => ({
    words: Array.from({ length: WORDS_PER_TOPIC }, word),
    tags: Array.from({ length: TAGS_PER_TOPIC }, (_, tag) => `topic-${topic}-tag-${tag}`),
  }));

  return Array.from({ length: count }, (_, index): RelatedInput => {
    const topic = pick(topics);
    const titleWords = [pick(topic.words), pick(topic.words), generalWord(), pick(topic.words), generalWord()];
    const length = 550 + Math.floor(random() * 100);
    const body: string[] = [];
    for (let i = 0; i < length; i++) {
      const next = random() < TOPIC_WORD_SHARE ? pick(topic.words) : generalWord();
      body.push(random() < 0.08 ? `${next}.` : next);
    }
    const tags = new Set([pick(topic.tags), pick(topic.tags)]);
    return {
      id: `article-${String(index).padStart(6, "0")}`,
      title: titleWords.join(" "),
      text: body.join(" "),
      tags: [...tags],
      region: `region-${Math.floor(random() * REGIONS)}`,
      author: `author-${Math.floor(random() * AUTHORS)}`,
      draft: random() < DRAFT_SHARE,
    };
  });
}

export function benchRelated(count = 10_000): BenchResult {
  const corpus = syntheticCorpus(count);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  relatedArticles(corpus);
  const milliseconds = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    articles: count,
    milliseconds,
    cpuMilliseconds: (cpu.user + cpu.system) / 1000,
    peakRssMegabytes: process.resourceUsage().maxRSS / 1024,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = process.argv[2] === undefined ? 10_000 : Number(process.argv[2]);
  if (!Number.isInteger(count) || count < 1) {
    console.error("usage: npx tsx bench/related.ts [number of articles]");
    process.exit(1);
  }
  const result = benchRelated(count);
  console.log(
    `relatedArticles: ${result.articles} articles in ${Math.round(result.milliseconds)} ms ` +
      `(CPU ${Math.round(result.cpuMilliseconds)} ms), ` +
      `peak RSS ${Math.round(result.peakRssMegabytes)} MB`,
  );
}
