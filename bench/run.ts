/**
 * One timed job of `npm run bench`, run in a fresh child process so every measurement is cold (no warm JIT,
 * module cache or file cache of a previous job in the same process) and the process's peak RSS is this
 * job's alone. Prints one line of JSON on stdout.
 *
 *   npx tsx bench/run.ts <job> <contentDir> <outDir> [inputDir]
 *
 * Jobs: `ours` (the production build), `floor` (gray-matter + markdown-it to HTML files), `bare` (the same
 * Markdown through Eleventy with a one-line layout), `index` (Pagefind alone over a built folder), `dev`
 * (Eleventy watching, one article edited, time until its page is rewritten), `cached` (a cached build with
 * one article changed).
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import matter from "gray-matter";
import markdownIt from "markdown-it";
import * as pagefind from "pagefind";
import { gzipSync } from "node:zlib";
import { buildSite } from "../src/build.ts";
import { benchRelated } from "./related.ts";
import { createConfig } from "../src/eleventy/config.ts";
import { previewSearch } from "../src/eleventy/preview-search.ts";
import { readSettings, type Settings } from "../src/core/settings.ts";

export interface JobResult {
  job: string;
  /** Wall time of the job itself, after modules are loaded. */
  milliseconds: number;
  /** Peak RSS of this Node process. */
  peakRssMegabytes: number;
  /** CPU time (user + system) of this process and of the Pagefind binary: robust to a busy machine. */
  cpuMilliseconds: number;
  /** Peak RSS and CPU time of the Pagefind binary, where the job ran it (a separate process). */
  pagefindPeakRssMegabytes?: number;
  pagefindCpuMilliseconds?: number;
  pages?: number;
  /**
   * Dev loop only: each edit's time until the page was rewritten, Eleventy's rebuild within it, and (first
   * edit) until the preview's search index held it; the last "edit" adds an article.
   */
  edits?: { untilWritten: number; rebuild: number; untilSearchable?: number }[];
  /** Cached build only: pages taken from the cache, and the timed build's own CPU time (Node). */
  reused?: number;
  cachedCpuMilliseconds?: number;
  initialBuildMilliseconds?: number;
  /** Search payload only: what the search page fetched from `/pagefind/` for the first query. */
  payload?: {
    query: string;
    results: number;
    bytes: number;
    jsGzipSavings: number;
    files: { path: string; bytes: number }[];
  };
}

/** Every article folder's name is fixed; the build date is after every generated date, so none is scheduled. */
export function benchSettings(overrides: Partial<Settings> = {}): Settings {
  return { ...readSettings({}), buildDate: new Date("2026-12-31T12:00:00Z"), ...overrides };
}

const [job, contentDir, outDir, inputDir] = process.argv.slice(2) as [string, string, string, string | undefined];
const quiet = { quietMode: true, configPath: false as unknown as string };

/** The Pagefind binary's high-water RSS and CPU time: it is our child process, so /proc has it while it lives. */
function pagefindUsage(): { pagefindPeakRssMegabytes?: number; pagefindCpuMilliseconds?: number } {
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name: state, ppid, ... utime and stime are the 12th and 13th (clock ticks, 100/s).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) !== process.pid || !stat.includes("(pagefind")) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return {
        pagefindPeakRssMegabytes: hwm ? Number(hwm[1]) / 1024 : undefined,
        pagefindCpuMilliseconds: (Number(fields[11]) + Number(fields[12])) * 10,
      };
    } catch {
      // The process ended between listing and reading.
    }
  }
  return {};
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function ours(): Promise<Partial<JobResult>> {
  const result = await buildSite({ outputDir: outDir, contentDir, settings: benchSettings() });
  return { pages: result.pages, ...pagefindUsage() };
}

async function floor(): Promise<Partial<JobResult>> {
  const md = markdownIt();
  const files = await markdownFiles(contentDir);
  for (const file of files) {
    const { data, content } = matter(await readFile(path.join(contentDir, file), "utf8"));
    const target = path.join(outDir, file.replace(/\.md$/, ""), "index.html");
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `<!doctype html><title>${String(data.title)}</title>${md.render(content)}`);
  }
  return { pages: files.length };
}

async function bare(): Promise<Partial<JobResult>> {
  const eleventy = new Eleventy(inputDir, outDir, { ...quiet, config: (config: any) => config.setQuietMode(true) });
  const written = (await eleventy.write()) as unknown as [unknown[], unknown[]];
  return { pages: written[1]?.length ?? 0 };
}

async function index(): Promise<Partial<JobResult>> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  if (!index || errors.length) throw new Error(errors.join("\n"));
  const added = await index.addDirectory({ path: path.resolve(outDir) });
  if (added.errors.length || added.page_count === 0) throw new Error(`Pagefind read no pages in ${outDir}`);
  const written = await index.writeFiles({ outputPath: path.join(outDir, "pagefind") });
  if (written.errors.length) throw new Error(written.errors.join("\n"));
  return { pages: added.page_count, ...pagefindUsage() };
}

/**
 * The dev loop as `npm start` runs it: Eleventy watching the content folder with the preview's configuration
 * (drafts shown, only changed pages rendered, the preview's search index made again after each rebuild), then
 * one article edited three times and one article added. Each time is from the file being written to the
 * article's page on disk holding the change, so it includes chokidar noticing the change and waiting for the
 * file to settle (Eleventy sets `awaitWriteFinish: 150 ms`), the rebuild and the write. No browser reload.
 * For the first edit, also the time until the preview's search index holds it.
 */
async function dev(): Promise<Partial<JobResult>> {
  let rebuildStarted = 0;
  const rebuilds: number[] = [];
  const settings = benchSettings({ includeUnpublished: true });
  const search = previewSearch(() => undefined);
  const config = createConfig({ contentDir, settings, live: true, search, log: () => undefined });
  const eleventy = new Eleventy("layouts", outDir, {
    ...quiet,
    config: (eleventyConfig: any) => {
      eleventyConfig.on("eleventy.before", () => void (rebuildStarted = performance.now()));
      eleventyConfig.on("eleventy.after", () => void rebuilds.push(performance.now() - rebuildStarted));
      return config(eleventyConfig);
    },
  });
  const started = performance.now();
  await eleventy.init();
  await eleventy.watch();
  const initialBuildMilliseconds = performance.now() - started;
  await search.settled();

  const files = await markdownFiles(contentDir);
  const file = files.find((name) => name.startsWith("blog/"))!;
  const source = path.join(contentDir, file);
  const pageOf = (name: string) => path.join(outDir, name.replace(/\.md$/, ""), "index.html");
  const entry = path.join(outDir, "pagefind", "pagefind-entry.json");
  const original = await readFile(source, "utf8");
  const edits: { untilWritten: number; rebuild: number; untilSearchable?: number }[] = [];
  const timeEdit = async (name: string, text: string, marker: string, searchable: boolean) => {
    const before = rebuilds.length;
    const indexBefore = await readFile(entry, "utf8");
    const editStarted = performance.now();
    await writeFile(path.join(contentDir, name), text);
    for (;;) {
      const html = await readFile(pageOf(name), "utf8").catch(() => "");
      if (html.includes(marker)) break;
      if (performance.now() - editStarted > 600_000) throw new Error(`the edit to ${name} never reached its page`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const untilWritten = performance.now() - editStarted;
    // Let the rebuild finish (the page is written before eleventy.after fires).
    while (rebuilds.length === before) await new Promise((resolve) => setTimeout(resolve, 5));
    let untilSearchable: number | undefined;
    if (searchable) {
      while ((await readFile(entry, "utf8").catch(() => indexBefore)) === indexBefore)
        await new Promise((resolve) => setTimeout(resolve, 10));
      untilSearchable = performance.now() - editStarted;
    }
    await search.settled();
    edits.push({ untilWritten, rebuild: rebuilds.at(-1)!, ...(untilSearchable && { untilSearchable }) });
    await new Promise((resolve) => setTimeout(resolve, 300));
  };
  for (let edit = 1; edit <= 3; edit++) {
    const marker = `Benchmark edit number ${edit} ${Date.now()}.`;
    await timeEdit(file, `${original}\n${marker}\n`, marker, edit === 1);
  }
  const added = `${path.dirname(file)}/benchmark-new-article.md`;
  const body = original.replace(/^title: .*$/m, "title: A new benchmark article");
  await timeEdit(added, `${body}\nA new article.\n`, "A new article.", false);
  await writeFile(source, original);
  await rm(path.join(contentDir, added));
  await eleventy.stopWatch();
  await search.settled();
  const edited = edits.slice(0, 3).map((e) => e.untilWritten);
  return { edits, initialBuildMilliseconds, milliseconds: edited.sort((a, b) => a - b)[1] };
}

/**
 * A cached production build with one article changed: a first build fills the cache (not timed), one
 * article's body is edited, and the build with the cache is timed (the job reports its own time).
 */
async function cached(): Promise<Partial<JobResult>> {
  const cacheDir = path.join(path.dirname(outDir), "bench-cache");
  await rm(cacheDir, { recursive: true, force: true });
  await buildSite({ outputDir: outDir, contentDir, settings: benchSettings(), cacheDir });
  const file = path.join(
    contentDir,
    (await markdownFiles(contentDir)).find((name) => name.startsWith("blog/"))!,
  );
  const original = await readFile(file, "utf8");
  await writeFile(file, `${original}\nOne changed sentence.\n`);
  try {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = await buildSite({ outputDir: outDir, contentDir, settings: benchSettings(), cacheDir });
    const cpu = process.cpuUsage(cpuBefore);
    return {
      milliseconds: performance.now() - started,
      cachedCpuMilliseconds: (cpu.user + cpu.system) / 1000,
      pages: result.pages,
      reused: result.reused,
      ...pagefindUsage(),
    };
  } finally {
    await writeFile(file, original);
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/**
 * What a browser fetches for a first one-word query: headless Chromium opens `/search/?q=<word>` on the
 * built site (`contentDir` here is the built folder) and every response under `/pagefind/` is counted, by
 * the bytes the server sent. Pagefind's index files are gzipped on disk; `pagefind.js` is not, so its
 * gzipped size (what a server with compression sends) is given apart.
 */
async function payload(): Promise<Partial<JobResult>> {
  // Imported here: Playwright alone costs ~1.4 s of CPU to load, which would count against every other job.
  const { launchBrowser } = await import("../tests/support/browser.ts");
  const { serveSite } = await import("../tests/support/serve.ts");
  const query = outDir;
  const server = await serveSite(contentDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const files: { path: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith("/pagefind/")) return;
      pending.push(
        response.body().then(
          (body) => void files.push({ path: url.pathname, bytes: body.length }),
          () => undefined,
        ),
      );
    });
    await page.goto(server.url(`search/?q=${encodeURIComponent(query)}`));
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    const results = await page.locator("[data-search-results] > li").count();
    let jsGzipSavings = 0;
    for (const file of files.filter((f) => f.path.endsWith(".js"))) {
      jsGzipSavings += file.bytes - gzipSync(await readFile(path.join(contentDir, file.path)), { level: 6 }).length;
    }
    files.sort((a, b) => b.bytes - a.bytes);
    return { payload: { query, results, bytes: files.reduce((sum, f) => sum + f.bytes, 0), jsGzipSavings, files } };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function related(): Promise<Partial<JobResult>> {
  const result = benchRelated(Number(contentDir));
  return { pages: result.articles, milliseconds: result.milliseconds };
}

const jobs: Record<string, () => Promise<Partial<JobResult>>> = {
  ours,
  floor,
  bare,
  index,
  dev,
  cached,
  payload,
  related,
};
if (!jobs[job] || !contentDir || !outDir) {
  console.error("usage: npx tsx bench/run.ts ours|floor|bare|index|dev|cached <contentDir> <outDir> [inputDir]");
  console.error("       npx tsx bench/run.ts payload <builtSiteDir> <word>");
  console.error("       npx tsx bench/run.ts related <articles> -");
  process.exit(2);
}
if (job !== "related") await stat(contentDir);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const partial = await jobs[job]!();
const cpu = process.cpuUsage(cpuBefore);
const result: JobResult = {
  job,
  milliseconds: performance.now() - started,
  // (a job may report its own `milliseconds`: the dev loop's edit, related articles without corpus generation)
  cpuMilliseconds: (cpu.user + cpu.system) / 1000,
  ...partial,
  peakRssMegabytes: process.resourceUsage().maxRSS / 1024,
};
console.log(JSON.stringify(result));
await pagefind.close();
process.exit(0);
