/**
 * `npm run bench`: how the build scales, measured against the floor and the engine.
 *
 *   npm run bench                         sizes 1,000 and 4,000, three cold runs each
 *   npm run bench -- --sizes 10000 --runs 1
 *   npm run bench -- --sizes 1000 --no-dev --no-payload --no-related
 *   npm run bench -- --images-only        only the image pipeline's row (bench/images.ts)
 *
 * For each size it generates a seeded synthetic archive (bench/corpus.ts) into a temporary folder and
 * times, each job in a fresh Node process (bench/run.ts) so that every run is cold and its peak RSS
 * is its own:
 *   - ours:  the production build (`buildSite`: content check, every page, related articles, search index);
 *   - floor: gray-matter + markdown-it writing one HTML file per article, nothing else;
 *   - bare:  the same Markdown through Eleventy with a one-line layout (Eleventy's defaults otherwise);
 *   - index: Pagefind alone over the bare output;
 *   - cached: a cached production build with one article changed;
 *   - dev:   Eleventy watching (as `npm start`), one article edited, time until its page is rewritten.
 * Then the search payload of a first one-word query on the real archive (headless Chromium) and related
 * articles for 10,000 articles (bench/related.ts). Writes bench/results.md and prints it.
 *
 * Wall times on a shared machine vary with load; CPU times (user + system, Pagefind's binary included)
 * do not, so both are reported and the load average is recorded.
 */
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { generateCorpus, readSentences, writeCorpus } from "./corpus.ts";
import { benchImages, imagesReport, writeImagesSection } from "./images.ts";
import type { JobResult } from "./run.ts";

const RESULTS = "bench/results.md";
const RUNNER = "bench/run.ts";

interface Options {
  sizes: number[];
  runs: number;
  dev: boolean;
  payload: boolean;
  related: boolean;
  /** The image pipeline's row (bench/images.ts); "only" skips everything else. */
  images: boolean | "only";
  words: string[];
}

function parseArgs(args: string[]): Options {
  const options: Options = {
    sizes: [1000, 4000],
    runs: 3,
    dev: true,
    payload: true,
    related: true,
    images: true,
    words: ["funding", "adoption"],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === "--sizes") options.sizes = value().split(",").map(Number);
    else if (arg === "--runs") options.runs = Number(value());
    else if (arg === "--words") options.words = value().split(",");
    else if (arg === "--no-dev") options.dev = false;
    else if (arg === "--no-payload") options.payload = false;
    else if (arg === "--no-related") options.related = false;
    else if (arg === "--no-images") options.images = false;
    else if (arg === "--images-only") options.images = "only";
    else throw new Error(`unknown option ${arg}: see the comment at the top of bench/bench.ts`);
  }
  if (!options.sizes.every((n) => Number.isInteger(n) && n > 0) || !(options.runs >= 1))
    throw new Error("--sizes and --runs take positive integers");
  return options;
}

/** Runs one job in a fresh `node --import tsx` process and returns its JSON line. */
function runJob(...args: string[]): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", RUNNER, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out
        .trim()
        .split("\n")
        .findLast((l) => l.startsWith("{"));
      if (code !== 0 || !line) reject(new Error(`bench job ${args.join(" ")} failed (exit ${code}):\n${out}`));
      else resolve(JSON.parse(line) as JobResult);
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface Timing {
  wall: number;
  cpu: number;
  rss: number;
  pagefindRss?: number;
  pages?: number;
  walls: number[];
}

/** Medians of wall and CPU time (Pagefind's CPU added where it ran); the highest peak RSS of the runs. */
function summarise(results: JobResult[]): Timing {
  const pagefindRss = results.map((r) => r.pagefindPeakRssMegabytes).filter((v): v is number => v !== undefined);
  return {
    wall: median(results.map((r) => r.milliseconds)),
    cpu: median(results.map((r) => r.cpuMilliseconds + (r.pagefindCpuMilliseconds ?? 0))),
    rss: Math.max(...results.map((r) => r.peakRssMegabytes)),
    ...(pagefindRss.length && { pagefindRss: Math.max(...pagefindRss) }),
    pages: results[0]?.pages,
    walls: results.map((r) => r.milliseconds),
  };
}

interface SizeResult {
  articles: number;
  ours: Timing;
  floor: Timing;
  bare: Timing;
  index: Timing;
  /** A cached build with one article changed (its own time, not the priming build's). */
  cached: Timing & { reused?: number; rendered?: number };
  dev?: JobResult;
}

/** Bare Eleventy's input: the articles' folders, a one-line layout, and a directory data file choosing it. */
async function prepareBareInput(contentDir: string, inputDir: string): Promise<void> {
  await mkdir(path.join(inputDir, "_includes"), { recursive: true });
  for (const folder of ["blog", "regional-updates"])
    await cp(path.join(contentDir, folder), path.join(inputDir, folder), { recursive: true });
  await writeFile(
    path.join(inputDir, "_includes", "bare.njk"),
    '<!doctype html><html lang="en"><title>{{ title }}</title><body>{{ content | safe }}</body></html>\n',
  );
  // A directory data file applies to its folder and every folder under it: https://www.11ty.dev/docs/data-template-dir/
  await writeFile(path.join(inputDir, `${path.basename(inputDir)}.11tydata.json`), '{ "layout": "bare.njk" }\n');
}

async function benchSize(
  articles: number,
  sentences: string[],
  options: Options,
  log: (line: string) => void,
): Promise<SizeResult> {
  const work = await mkdtemp(path.join(os.tmpdir(), `adcs-bench-${articles}-`));
  try {
    const content = path.join(work, "content");
    const input = path.join(work, "input");
    await writeCorpus(content, generateCorpus({ articles, sentences }));
    await prepareBareInput(content, input);
    const runs: Record<"ours" | "floor" | "bare" | "index", JobResult[]> = { ours: [], floor: [], bare: [], index: [] };
    for (let run = 1; run <= options.runs; run++) {
      // Interleaved, so a change in the machine's load touches every job alike.
      for (const job of ["ours", "floor", "bare"] as const) {
        const out = path.join(work, `${job}-out`);
        const result = await runJob(job, content, out, input);
        runs[job].push(result);
        log(
          `  ${articles} articles, run ${run}: ${job} ${seconds(result.milliseconds)} s wall, ${seconds(result.cpuMilliseconds + (result.pagefindCpuMilliseconds ?? 0))} s CPU`,
        );
        if (job === "bare") {
          const indexed = await runJob("index", content, out);
          runs.index.push(indexed);
          log(
            `  ${articles} articles, run ${run}: index ${seconds(indexed.milliseconds)} s wall, ${seconds(indexed.cpuMilliseconds + (indexed.pagefindCpuMilliseconds ?? 0))} s CPU`,
          );
        }
        await rm(out, { recursive: true, force: true });
      }
    }
    const cachedRuns: JobResult[] = [];
    for (let run = 1; run <= options.runs; run++) {
      const result = await runJob("cached", content, path.join(work, "cached-out"));
      cachedRuns.push({ ...result, cpuMilliseconds: result.cachedCpuMilliseconds ?? result.cpuMilliseconds });
      log(`  ${articles} articles, run ${run}: cached build, one article changed ${seconds(result.milliseconds)} s`);
      await rm(path.join(work, "cached-out"), { recursive: true, force: true });
    }
    let dev: JobResult | undefined;
    if (options.dev && articles <= 10000) {
      dev = await runJob("dev", content, path.join(work, "dev-out"));
      log(`  ${articles} articles: dev loop ${dev.edits?.map((e) => `${Math.round(e.untilWritten)} ms`).join(", ")}`);
    }
    return {
      articles,
      ours: summarise(runs.ours),
      floor: summarise(runs.floor),
      bare: summarise(runs.bare),
      index: summarise(runs.index),
      cached: { ...summarise(cachedRuns), reused: cachedRuns[0]?.reused, rendered: cachedRuns[0]?.pages },
      ...(dev && { dev }),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const mb = (n: number | undefined) => (n === undefined ? "–" : `${Math.round(n)} MB`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function report(
  options: Options,
  sizes: SizeResult[],
  payloads: JobResult[],
  related: JobResult | undefined,
  load: [number, number],
): string {
  const lines: string[] = [];
  const cpus = os.cpus();
  lines.push(
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GB memory, Node ${process.version}, ${os.platform()} ${os.release()}.`,
    `Run: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${options.runs} cold run(s) per size, each job in a fresh process; load average ${load[0].toFixed(1)} at the start, ${load[1].toFixed(1)} at the end.`,
    "",
    "Times are medians; wall is the job's own time once its modules are loaded, CPU is user + system of Node and of Pagefind's binary. Peak memory is the highest RSS of the runs: Node's, and Pagefind's binary apart (it is a separate process).",
    "",
    "| articles | ours (full build) | bare Eleventy | Pagefind index alone | floor (gray-matter + markdown-it) | ours / (bare + index) | ours / floor | ours: peak RSS, Node + Pagefind | bare: peak RSS, Node; index alone: Pagefind |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const s of sizes) {
    const both = (t: Timing) => `${seconds(t.wall)} s (CPU ${seconds(t.cpu)} s)`;
    lines.push(
      `| ${s.articles.toLocaleString("en-GB")} | ${both(s.ours)} | ${both(s.bare)} | ${both(s.index)} | ${both(s.floor)} | ` +
        `${ratio(s.ours.wall, s.bare.wall + s.index.wall)} (CPU ${ratio(s.ours.cpu, s.bare.cpu + s.index.cpu)}) | ` +
        `${ratio(s.ours.wall, s.floor.wall)} (CPU ${ratio(s.ours.cpu, s.floor.cpu)}) | ${mb(s.ours.rss)} + ${mb(s.ours.pagefindRss)} | ${mb(s.bare.rss)}; ${mb(s.index.pagefindRss)} |`,
    );
  }
  lines.push(
    "",
    `Pages written by our build: ${sizes.map((s) => `${s.ours.pages} at ${s.articles}`).join(", ")} (articles, listings, feeds and the rest).`,
  );

  lines.push(
    "",
    "**Cached production build** (`buildSite` with `.cache/build` from a first build of the same archive, then one article's body changed): the timed build renders the pages whose data changed, takes the rest from the cache and indexes every article again (Pagefind cannot update an index).",
    "",
    "| articles | cold build (ours, above) | cached, one article changed | cached / cold | pages rendered / taken from the cache |",
    "| ---: | ---: | ---: | ---: | ---: |",
  );
  for (const s of sizes) {
    lines.push(
      `| ${s.articles.toLocaleString("en-GB")} | ${seconds(s.ours.wall)} s | ${seconds(s.cached.wall)} s | ${ratio(s.cached.wall, s.ours.wall)} | ${s.cached.rendered ?? "–"} / ${s.cached.reused ?? "–"} |`,
    );
  }

  const devs = sizes.filter((s) => s.dev);
  if (devs.length) {
    lines.push(
      "",
      "**Dev loop** (Eleventy watching with the preview's configuration, as `npm start` runs it: drafts shown, only changed pages rendered, the preview's search index made again after each rebuild): one article edited three times, then one added. Times from writing the file to the article's page on disk holding it; they include chokidar's 150 ms `awaitWriteFinish` wait; no browser reload is counted. Search: from writing the first edit to the preview's index holding it.",
      "",
      "| articles | first build (watch start) | edit → page rewritten (median) | each edit (until written / Eleventy rebuild) | new article → page written | edit → in the preview's search |",
      "| ---: | ---: | ---: | --- | ---: | ---: |",
    );
    for (const s of devs) {
      const dev = s.dev!;
      const edits = dev.edits!.slice(0, 3);
      const added = dev.edits![3];
      const searchable = dev.edits![0]?.untilSearchable;
      lines.push(
        `| ${s.articles.toLocaleString("en-GB")} | ${seconds(dev.initialBuildMilliseconds ?? 0)} s | ${Math.round(dev.milliseconds)} ms | ${edits.map((e) => `${Math.round(e.untilWritten)} / ${Math.round(e.rebuild)} ms`).join("; ")} | ${added ? `${Math.round(added.untilWritten)} ms` : "–"} | ${searchable ? `${seconds(searchable)} s` : "–"} |`,
      );
    }
  }

  if (payloads.length) {
    lines.push(
      "",
      "**Search payload** on the real archive, first query typed into a fresh search page (headless Chromium opening `/search/?q=word`, every response under `/pagefind/`: pagefind.js (and its worker, were the page to use one), the wasm, the entry, metadata, index chunks, filters and the fragments of the first page of results; the site's own search.js/css are not counted):",
      "",
      "| query | results shown | bytes fetched | with the JavaScript gzipped | largest files |",
      "| --- | ---: | ---: | ---: | --- |",
    );
    for (const { payload } of payloads) {
      const p = payload!;
      const largest = p.files
        .slice(0, 4)
        .map((f) => `${path.basename(f.path)} ${(f.bytes / 1024).toFixed(1)} KB`)
        .join(", ");
      lines.push(
        `| ${p.query} | ${p.results} | ${(p.bytes / 1024).toFixed(1)} KB (${p.files.length} files) | ${((p.bytes - p.jsGzipSavings) / 1024).toFixed(1)} KB | ${largest} |`,
      );
    }
  }
  if (related) {
    lines.push(
      "",
      `**Related articles** for ${related.pages?.toLocaleString("en-GB")} synthetic articles (bench/related.ts, corpus generation excluded): ${seconds(related.milliseconds)} s, peak RSS ${mb(related.peakRssMegabytes)}.`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Replaces the generated part of bench/results.md (between the markers), keeping the findings written by hand. */
async function writeResults(table: string): Promise<void> {
  const start = "<!-- bench:start (written by npm run bench) -->";
  const end = "<!-- bench:end -->";
  const existing = await readFile(RESULTS, "utf8").catch(() => `# Build benchmark\n\n${start}\n${end}\n`);
  const [before, rest] = existing.includes(start)
    ? (existing.split(start) as [string, string])
    : [`${existing}\n`, end];
  const after = rest.includes(end) ? rest.slice(rest.indexOf(end) + end.length) : "\n";
  await mkdir(path.dirname(RESULTS), { recursive: true });
  await writeFile(RESULTS, `${before}${start}\n${table}${end}${after}`);
}

const options = parseArgs(process.argv.slice(2));
const load: [number, number] = [os.loadavg()[0]!, 0];
const log = (line: string) => console.error(line);
const imagesRow = async () => {
  const row = imagesReport(await benchImages(40, 10, log), os.loadavg()[0]!);
  await writeImagesSection(RESULTS, row);
  console.log(row);
};
if (options.images === "only") {
  await imagesRow();
  process.exit(0);
}
const sentences = await readSentences("content");
log(
  `${sentences.length} sentences from the real archive; sizes ${options.sizes.join(", ")}, ${options.runs} run(s) each.`,
);

const sizes: SizeResult[] = [];
for (const articles of options.sizes) {
  sizes.push(await benchSize(articles, sentences, options, log));
  // Written after each size too, so a long run that is stopped still leaves what it measured.
  await writeResults(report(options, sizes, [], undefined, [load[0], os.loadavg()[0]!]));
}

const payloads: JobResult[] = [];
if (options.payload) {
  const site = await mkdtemp(path.join(os.tmpdir(), "adcs-bench-real-"));
  try {
    await runJob("ours", "content", path.join(site, "_site"));
    for (const word of options.words) payloads.push(await runJob("payload", path.join(site, "_site"), word));
  } finally {
    await rm(site, { recursive: true, force: true });
  }
}
const related = options.related ? await runJob("related", "10000", "-") : undefined;
if (options.images) await imagesRow();
load[1] = os.loadavg()[0]!;

const table = report(options, sizes, payloads, related, load);
await writeResults(table);
// The raw figures, for re-reading or re-rendering (bench/tmp/ is not committed).
await mkdir("bench/tmp", { recursive: true });
await writeFile("bench/tmp/last-run.json", `${JSON.stringify({ options, sizes, payloads, related, load }, null, 2)}\n`);
console.log(table);
