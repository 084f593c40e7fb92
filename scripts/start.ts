/**
 * `npm start`: the live preview at http://localhost:8080/ (Eleventy's dev server, drafts shown, pages
 * reloaded on save; written to `.cache/preview/`, never `_site/`). Content, data files, templates and assets
 * are rebuilt incrementally in the running server; a change to the code in `src/` cannot be (Node keeps the
 * modules it loaded), so the server is started again with a full build rather than left stale.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { watch } from "node:fs";
import path from "node:path";

const SOURCE_DIR = "src";
const eleventy = path.join("node_modules", ".bin", "eleventy");
const args = ["--serve", "--config=.eleventy.js", "--output=.cache/preview", ...process.argv.slice(2)];

let server: ChildProcess | undefined;
let restarting: NodeJS.Timeout | undefined;

function start(): void {
  server = spawn(eleventy, args, { stdio: "inherit" });
  server.on("exit", (code, signal) => {
    // Stopped by us to restart, or by the person (Ctrl+C reaches both processes): only the latter ends here.
    if (signal !== "SIGTERM" || !restarting) process.exit(code ?? 1);
  });
}

watch(SOURCE_DIR, { recursive: true }, (_event, file) => {
  if (!file?.endsWith(".ts")) return;
  clearTimeout(restarting);
  // Saving several files at once (a branch switch) restarts once.
  restarting = setTimeout(() => {
    console.log(`\n${SOURCE_DIR}/${file} changed: starting the preview again with a full build.\n`);
    const old = server;
    old?.once("exit", () => {
      restarting = undefined;
      start();
    });
    old?.kill("SIGTERM");
  }, 200);
});

start();
