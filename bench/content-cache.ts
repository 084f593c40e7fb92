/**
 * What the content cache saves: `loadSite` over a seeded synthetic archive without a cache, then with a
 * warm one after one article's body is edited (as in the dev server), and the disk cache's save and load.
 *
 *   npx tsx bench/content-cache.ts                  4,000 articles, 3 runs of each
 *   npx tsx bench/content-cache.ts --articles 1000 --runs 5
 *
 * Not part of `npm run bench`: a measurement for issue 13, printed, not written to results.md.
 */
import { appendFile, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ContentCache } from "../src/content/cache.ts";
import { loadSite, type SiteOptions } from "../src/model/site.ts";
import { generateCorpus, readSentences, writeCorpus } from "./corpus.ts";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

const articles = option("--articles", 4000);
const runs = option("--runs", 3);
const work = await mkdtemp(path.join(os.tmpdir(), "adcs-cache-bench-"));
const contentDir = path.join(work, "content");
await writeCorpus(contentDir, generateCorpus({ articles, sentences: await readSentences("content") }));
const site: SiteOptions = {
  contentDir,
  includeUnpublished: false,
  buildDate: new Date("2026-12-01T12:00:00Z"),
  siteUrl: "https://example.org",
};

interface Time {
  wall: number;
  /** User and system time of this process: what the machine's load does not change. */
  cpu: number;
}

async function time(what: () => Promise<unknown>): Promise<Time> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  await what();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function row(label: string, times: Time[]): void {
  const [wall, cpu] = [times.map((time) => time.wall), times.map((time) => time.cpu)];
  const runs = times.map((time) => `${time.wall.toFixed(0)}/${time.cpu.toFixed(0)}`).join(", ");
  console.log(
    `${label.padEnd(50)} ${median(wall).toFixed(0).padStart(6)} ms wall ${median(cpu).toFixed(0).padStart(6)} ms CPU  (wall/CPU: ${runs})`,
  );
}

try {
  const edited = path.join(contentDir, "blog", (await readdir(path.join(contentDir, "blog")))[0]!);
  const someArticle = path.join(edited, (await readdir(edited))[0]!);
  console.log(`${articles} articles; editing ${path.relative(contentDir, someArticle)}`);

  const cold: Time[] = [];
  for (let run = 0; run < runs; run++) cold.push(await time(() => loadSite(site)));
  row("loadSite, no cache", cold);

  const cache = await ContentCache.open();
  const filling = await time(() => loadSite({ ...site, cache }));
  row("loadSite, empty cache (filling it)", [filling]);

  const unchanged: Time[] = [];
  for (let run = 0; run < runs; run++) unchanged.push(await time(() => loadSite({ ...site, cache })));
  row("loadSite, warm cache, nothing changed", unchanged);

  const oneEdit: Time[] = [];
  for (let run = 0; run < runs; run++) {
    await appendFile(someArticle, `\nAn edit, number ${run}.\n`);
    oneEdit.push(await time(() => loadSite({ ...site, cache })));
  }
  row("loadSite, warm cache, one article's body edited", oneEdit);
  console.log(`  cache stats of the last run: ${JSON.stringify(cache.stats())}`);

  const disk = path.join(work, "cache");
  const saved = await ContentCache.open(disk);
  await loadSite({ ...site, cache: saved });
  row("save to disk", [await time(() => saved.save())]);
  console.log(`  cache file: ${((await stat(path.join(disk, "entries.v8"))).size / 1e6).toFixed(1)} MB`);
  let reopened: ContentCache | undefined;
  row("open from disk", [await time(async () => (reopened = await ContentCache.open(disk)))]);
  row("loadSite, cache from disk, nothing changed", [await time(() => loadSite({ ...site, cache: reopened }))]);
  console.log(`  cache stats: ${JSON.stringify(reopened!.stats())}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
