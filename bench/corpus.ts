/**
 * A synthetic archive for benchmarks: N articles that look like the real ones to every stage of the build
 * (front-matter that passes the content check, ~600 words of real prose, `##` headings, lists), generated
 * from a fixed seed so that two runs build exactly the same files.
 *
 * The prose is sentences sampled from the real archive's bodies, so Markdown rendering, the search index
 * and related articles see real English (word lengths, vocabulary, stop words) rather than random tokens.
 * Pure apart from `readSentences` and `writeCorpus`, which touch the disk.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { slugify } from "../src/core/slugs.ts";

export interface CorpusOptions {
  articles: number;
  /** Real sentences to sample from (see `readSentences`). */
  sentences: readonly string[];
  seed?: number;
  /** Words per article, roughly (sampled whole sentences until reached). */
  words?: number;
}

export interface Corpus {
  /** Path relative to the content folder → file text, e.g. `blog/2019/some-title-12.md`. */
  files: Map<string, string>;
  /** Published articles (not drafts). */
  published: number;
}

export const DEFAULT_SEED = 20261123;
const AUTHOR_COUNT = 40;
/** The nine ADCS regions, as in content/_data/regions.yaml. */
export const REGIONS: Readonly<Record<string, string>> = {
  eastern: "Eastern",
  "east-midlands": "East Midlands",
  "greater-london": "Greater London",
  "north-east": "North East",
  "north-west": "North West",
  "south-east": "South East",
  "south-west": "South West",
  "west-midlands": "West Midlands",
  "yorkshire-and-the-humber": "Yorkshire and the Humber",
};
/** Sixty tags of the kind the archive uses; each spelled one way (the content check rejects two spellings). */
export const TAGS = [
  "Funding",
  "SEND",
  "Youth justice",
  "Workforce",
  "Ofsted",
  "Inspection",
  "Early help",
  "Adoption",
  "Fostering",
  "Care leavers",
  "Children in care",
  "UASC",
  "Safeguarding",
  "Contextual safeguarding",
  "Exploitation",
  "County lines",
  "Mental health",
  "Schools",
  "Exclusions",
  "Attainment",
  "Early years",
  "Childcare",
  "Poverty",
  "Housing",
  "Domestic abuse",
  "Family hubs",
  "Troubled families",
  "Social work",
  "Agency staff",
  "Recruitment",
  "Leadership",
  "Regional improvement",
  "Sector-led improvement",
  "Academies",
  "Local government",
  "Health",
  "Integrated care",
  "Public health",
  "Disability",
  "Residential care",
  "Secure estate",
  "Placements",
  "Sufficiency",
  "Court proceedings",
  "Kinship care",
  "Private fostering",
  "Education recovery",
  "COVID-19",
  "Brexit",
  "Spending review",
  "Green paper",
  "Legislation",
  "Data",
  "Research",
  "Innovation",
  "Participation",
  "Voice of the child",
  "Equalities",
  "Partnerships",
  "Annual conference",
] as const;

const FIRST_NAMES = [
  "Alison",
  "Andrew",
  "Bernadette",
  "Charlotte",
  "David",
  "Eleanor",
  "Fiona",
  "Gareth",
  "Helen",
  "Imran",
  "Jenny",
  "Kevin",
  "Lucy",
  "Matthew",
  "Nadia",
  "Owen",
  "Priya",
  "Rachel",
  "Simon",
  "Tara",
];
const LAST_NAMES = [
  "Ahmed",
  "Barnes",
  "Clarke",
  "Dickinson",
  "Evans",
  "Fletcher",
  "Gallagher",
  "Hughes",
  "Iqbal",
  "Jones",
  "Khan",
  "Lewis",
  "Morgan",
  "Nolan",
  "Okafor",
  "Patel",
  "Quinn",
  "Roberts",
  "Shaw",
  "Turner",
];
const COUNCILS = [
  "Barnsley",
  "Bolton",
  "Cornwall",
  "Derby",
  "Essex",
  "Hampshire",
  "Kent",
  "Leeds",
  "Lincolnshire",
  "Merton",
  "Norfolk",
  "Nottingham City",
  "Sheffield",
  "Surrey",
  "Wigan",
];

/** mulberry32: tiny, fast and reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Plain prose sentences from Markdown bodies: paragraphs only (no headings, lists, tables, quotes), and
 * no sentence with link, emphasis, HTML or template syntax, so sampled text can never make a dead link,
 * an unbalanced emphasis or a Liquid/Nunjucks tag.
 */
export function sentencesOf(body: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of body.split(/\n\s*\n/)) {
    const text = paragraph.replace(/\s*\n\s*/g, " ").trim();
    if (!text || /^(#|[-*+>|]|\d+[.)]\s)/.test(text)) continue;
    for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z“‘"])/)) {
      const words = sentence.split(/\s+/).length;
      if (words < 5 || words > 60) continue;
      if (/[[\]<>*_`{}|\\#/]|https?:|^\d/.test(sentence)) continue;
      sentences.push(sentence);
    }
  }
  return sentences;
}

/** Every usable sentence from the Markdown articles under `contentDir`, in a stable order. */
export async function readSentences(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const sentences: string[] = [];
  for (const file of files) sentences.push(...sentencesOf(matter(await readFile(file, "utf8")).content));
  return sentences;
}

/** The forty authors' keys and `authors.yaml`. */
export function authorsYaml(): { keys: string[]; yaml: string } {
  const keys: string[] = [];
  const lines = ["# Synthetic authors for benchmarks (bench/corpus.ts)."];
  for (let i = 0; i < AUTHOR_COUNT; i++) {
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]}`;
    const key = `${slugify(name)}-${i}`;
    keys.push(key);
    lines.push(`${key}:`, `  name: ${name}`, `  role: DCS ${COUNCILS[i % COUNCILS.length]}`);
  }
  return { keys, yaml: `${lines.join("\n")}\n` };
}

export function regionsYaml(): string {
  return Object.entries(REGIONS)
    .map(([key, name]) => `${key}:\n  name: ${name}\n`)
    .join("");
}

/**
 * The archive's article files. Same options, same files: every choice comes from one seeded generator,
 * consumed in a fixed order.
 */
export function generateCorpus({ articles, sentences, seed = DEFAULT_SEED, words = 600 }: CorpusOptions): Corpus {
  if (sentences.length < 20)
    throw new Error(`generateCorpus needs real sentences to sample from; got ${sentences.length}`);
  const random = seededRandom(seed);
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;
  // Tags and authors follow a rough Zipf curve: a few very common, a long tail.
  const zipf = <T>(items: readonly T[]): T =>
    items[Math.min(items.length - 1, Math.floor(items.length * random() ** 2.2))]!;
  const { keys: authors } = authorsYaml();
  const regions = Object.keys(REGIONS);
  const start = Date.UTC(2010, 0, 1);
  const end = Date.UTC(2026, 9, 31);

  const files = new Map<string, string>();
  let published = 0;
  for (let index = 0; index < articles; index++) {
    const kind = random() < 0.8 ? "blog" : "regional-updates";
    const day = new Date(start + below((end - start) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
    const titleWords = pick(sentences)
      .replace(/[.!?,;:“”‘’"()]+/g, "")
      .split(/\s+/)
      .slice(0, 3 + below(6));
    const title = titleWords.join(" ").replace(/^./, (c) => c.toUpperCase());
    const slug = `${slugify(titleWords.slice(0, 6).join(" ")) || "article"}-${index}`;
    const tags = [...new Set(Array.from({ length: 1 + below(4) }, () => zipf(TAGS)))];
    const draft = random() < 0.01;
    if (!draft) published++;

    const front = [
      "---",
      `title: ${JSON.stringify(title)}`,
      `date: ${day}`,
      `author: ${zipf(authors)}`,
      `region: ${pick(regions)}`,
      `tags: [${tags.map((tag) => JSON.stringify(tag)).join(", ")}]`,
      ...(draft ? ["draft: true"] : []),
      "---",
      "",
    ];
    const body: string[] = [];
    let count = 0;
    let sinceHeading = 0;
    while (count < words) {
      const roll = random();
      if (sinceHeading >= 3 && roll < 0.25) {
        const heading = pick(sentences)
          .replace(/[.!?,;:]+$/, "")
          .split(/\s+/)
          .slice(0, 2 + below(5))
          .join(" ");
        body.push(`## ${heading}`);
        sinceHeading = 0;
      } else if (roll < 0.35) {
        const items = Array.from({ length: 2 + below(4) }, () => `- ${pick(sentences)}`);
        body.push(items.join("\n"));
        count += items.join(" ").split(/\s+/).length;
        sinceHeading++;
      } else {
        const paragraph = Array.from({ length: 2 + below(4) }, () => pick(sentences)).join(" ");
        body.push(paragraph);
        count += paragraph.split(/\s+/).length;
        sinceHeading++;
      }
    }
    files.set(`${kind}/${day.slice(0, 4)}/${slug}.md`, `${front.join("\n")}${body.join("\n\n")}\n`);
  }
  return { files, published };
}

/** Writes the corpus and its data files into `contentDir` (which should be new and empty). */
export async function writeCorpus(contentDir: string, corpus: Corpus): Promise<void> {
  await mkdir(path.join(contentDir, "_data"), { recursive: true });
  await writeFile(path.join(contentDir, "_data", "authors.yaml"), authorsYaml().yaml);
  await writeFile(path.join(contentDir, "_data", "regions.yaml"), regionsYaml());
  const folders = new Set([...corpus.files.keys()].map((file) => path.dirname(file)));
  for (const folder of folders) await mkdir(path.join(contentDir, folder), { recursive: true });
  for (const [file, text] of corpus.files) await writeFile(path.join(contentDir, file), text);
}
