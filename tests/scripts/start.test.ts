/**
 * The live preview (`npm start`: Eleventy's dev server) on a copy of the fixture site: a content problem
 * replaces every page with the problems panel (file and line), from the first build on, and the terminal
 * lists the same problems without a stack; fixing the file brings the article back.
 */
import { load } from "cheerio";
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE_CONTENT } from "../support/fixtures.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ARTICLE = "blog/2026/school-funding-pressures.md";

let work: string;
let server: ChildProcess | undefined;
let terminal = "";
let base: string;
let file: string;
let original: string;
let broken: string;

/** A port nothing listens on, on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** Fetches a page until `ready` accepts it (the dev server rebuilds after each save), or fails after 60 s. */
async function pageWhen(
  url: string,
  ready: (status: number, html: string) => boolean,
): Promise<{ status: number; html: string }> {
  const until = Date.now() + 60_000;
  let last = { status: 0, html: "" };
  while (Date.now() < until) {
    try {
      const response = await fetch(url, { headers: { accept: "text/html" } });
      last = { status: response.status, html: await response.text() };
      if (ready(last.status, last.html)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${url} never became ready; last answer ${last.status}:\n${last.html.slice(0, 500)}\nterminal:\n${terminal}`,
  );
}

beforeAll(async () => {
  // Outside the project, as editors' content is not under tmp/ (which Eleventy's watcher may ignore).
  work = await mkdtemp(path.join(tmpdir(), "adcs-start-"));
  await cp(path.join(ROOT, SITE_CONTENT), path.join(work, "content"), { recursive: true });
  file = path.join(work, "content", ARTICLE);
  original = await readFile(file, "utf8");
  broken = original.replace(/^title: .*$/m, "title: School funding: pressures");
  await writeFile(file, broken);
  // `npm start` with the copy as its content folder: the same configuration, through a two-line entry.
  const entries = path.join(ROOT, "tmp", `start-test-${process.pid}`);
  await mkdir(entries, { recursive: true });
  const entry = path.join(entries, "eleventy.config.mjs");
  await writeFile(
    entry,
    `import { tsImport } from "tsx/esm/api";\nconst { createConfig } = await tsImport(${JSON.stringify(path.join(ROOT, "src/eleventy/config.ts"))}, import.meta.url);\nexport default createConfig({ contentDir: ${JSON.stringify(path.join(work, "content"))} });\n`,
  );
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [
      path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"),
      "--serve",
      `--config=${entry}`,
      `--output=${path.join(work, "site")}`,
      `--port=${port}`,
    ],
    { cwd: ROOT, env: { ...process.env, BUILD_DATE: "2026-06-01" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  server.stdout!.on("data", (chunk) => (terminal += chunk));
  server.stderr!.on("data", (chunk) => (terminal += chunk));
}, 90_000);

afterAll(async () => {
  // Waited for: the preview may be writing its search index into the folder removed next.
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill();
    await exited;
  }
  await rm(work, { recursive: true, force: true });
  await rm(path.join(ROOT, "tmp", `start-test-${process.pid}`), { recursive: true, force: true });
});

/** The panel's heading and its one problem, read as a person would. */
function panel(html: string): { heading: string; where: string; message: string; count: number } {
  const $ = load(html);
  expect($("html").attr("lang")).toBe("en-GB");
  const items = $("main ol li");
  return {
    heading: $("main h1").text(),
    where: items.find(".where").first().text(),
    message: items.find("p").last().text(),
    count: items.length,
  };
}

const COLON = {
  heading: "The content has 1 problem to fix",
  where: expect.stringMatching(/content\/blog\/2026\/school-funding-pressures\.md:2:8$/),
  message:
    'the title contains a colon, which would start a new field: put the title in double quotes: title: "School funding: pressures" (see EDITING.md#writing-the-fields-correctly)',
  count: 1,
};

describe("npm start", () => {
  it("shows content problems in the page, with file and line, even from the start; the article once fixed", async () => {
    const url = `${base}/blog/2026/school-funding-pressures/`;
    // The server was started on broken content (beforeAll): Eleventy would stop on its first build.
    expect(panel((await pageWhen(url, (status) => status === 500)).html)).toEqual(COLON);

    await writeFile(file, original);
    const good = await pageWhen(url, (status) => status === 200);
    expect(load(good.html)("h1").text().trim()).toBe("School funding pressures");

    await writeFile(file, broken);
    expect(panel((await pageWhen(url, (status) => status === 500)).html)).toEqual(COLON);
    // Every page, not only the broken article's.
    expect(panel((await pageWhen(`${base}/`, (status) => status === 500)).html)).toEqual(COLON);
    // The terminal shows the same list, and no stack.
    expect(terminal).toContain(`${ARTICLE}:2:8: the title contains a colon`);
    expect(terminal).not.toMatch(/\n\s+at /);

    await writeFile(file, original);
    const fixed = await pageWhen(url, (status) => status === 200);
    expect(load(fixed.html)("h1").text().trim()).toBe("School funding pressures");
  }, 180_000);
});
