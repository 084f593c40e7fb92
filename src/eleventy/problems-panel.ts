/**
 * The live preview's problems panel (`npm start` only). When the content has problems, every page of the
 * preview is replaced by one accessible page listing them with file and line, and the terminal prints the
 * same list (never a stack); the next good rebuild clears it and the pages come back. The dev server's
 * live reload refreshes the open page either way.
 *
 * Kept apart from the rest of the configuration: two hooks, one around the model loader (`guard`) and one
 * dev-server middleware, so that a later dev server (issue 13, incremental builds) can reuse the pieces.
 */
import { countText } from "../core/words.ts";
import { rmSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { DATA_FILES } from "../content/load.ts";
import { formatProblem, type ContentError, type Problem } from "../content/problems.ts";
import { isUserError } from "../core/errors.ts";

export interface ProblemsPanel {
  /**
   * Wraps the loader of the site model: a content problem is recorded and printed, and the last good
   * model is rendered meanwhile (the panel hides it). Before any good model, `empty` makes one, so that
   * the server starts even when the content has problems (Eleventy stops on an error in its first build).
   */
  guard<T>(load: () => Promise<T>, empty: () => Promise<T>): () => Promise<T>;
  /** Dev-server middleware: answers every page request with the panel while there are problems. */
  middleware(request: IncomingMessage, response: ServerResponse, next: () => void): void;
}

export function problemsPanel(log: (text: string) => void = console.error): ProblemsPanel {
  let problems: readonly Problem[] = [];
  return {
    guard<T>(load: () => Promise<T>, empty: () => Promise<T>) {
      let attempt: Promise<T> | undefined;
      let guarded: Promise<T> | undefined;
      let lastGood: { value: T } | undefined;
      return () => {
        const next = load();
        // Both globals read one model per rebuild: report each rebuild's problems once.
        if (next !== attempt) {
          attempt = next;
          guarded = next.then(
            (value) => {
              if (problems.length) log("The content problems are fixed: the preview shows the pages again.");
              problems = [];
              lastGood = { value };
              return value;
            },
            (error: unknown) => {
              if (!isContentError(error)) throw error;
              problems = error.problems;
              log(terminalText(problems));
              return lastGood ? lastGood.value : empty();
            },
          );
        }
        return guarded!;
      };
    },
    middleware(request, response, next) {
      if (!problems.length || !isPageRequest(request)) return next();
      response.statusCode = 500;
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      response.end(request.method === "HEAD" ? undefined : problemsPage(problems));
    },
  };
}

/** A content folder with no articles and empty data files: the model behind the panel before any good one. */
export async function emptyContent(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "adcs-preview-empty-"));
  // Gone with the dev server: nothing is left in the system's temporary folder.
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  for (const { path: file } of Object.values(DATA_FILES)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), "{}\n");
  }
  return dir;
}

/** By its mark rather than `instanceof`: tsx may load the module that threw it twice (see core/errors.ts). */
function isContentError(error: unknown): error is ContentError {
  return isUserError(error) && Array.isArray((error as Partial<ContentError>).problems);
}

/** What the terminal prints: the same list as the panel and `npm run check`. */
export function terminalText(problems: readonly Problem[]): string {
  return `${heading(problems)}. Every page of the preview lists them until they are fixed:\n${problems.map(formatProblem).join("\n")}`;
}

/** The panel: a page of its own, readable without the site's stylesheet, each problem with its place. */
export function problemsPage(problems: readonly Problem[]): string {
  const items = problems
    .map(
      (problem) =>
        `<li><p class="where"><code>${escape(`${problem.file}:${problem.line}:${problem.column}`)}</code></p><p>${words(problem.message)}</p></li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(heading(problems))} – preview</title>
<style>
body { font-family: system-ui, sans-serif; font-size: 1.1875rem; line-height: 1.5; margin: 0; color: #0b0c0c; background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; border-left: 0.5rem solid #d4351c; }
h1 { font-size: 2rem; line-height: 1.2; margin-top: 0; }
ol { padding-left: 1.5rem; }
li { margin-bottom: 1.25rem; }
li p { margin: 0; }
.where { font-weight: bold; }
code { font-family: ui-monospace, monospace; font-size: 0.95em; overflow-wrap: anywhere; }
</style>
</head>
<body>
<main id="content-problems">
<h1>${escape(heading(problems))}</h1>
<p>This preview shows no page until they are fixed. Each says the file, line and column, what is wrong and what would be right. Save the file and this page reloads by itself.</p>
<ol>
${items}
</ol>
<p>The same list is in the terminal where <code>npm start</code> runs, and from <code>npm run check</code>.</p>
</main>
</body>
</html>
`;
}

function heading(problems: readonly Problem[]): string {
  return `The content has ${countText(problems.length, "problem")} to fix`;
}

/** Pages, not the files they load: a GET or HEAD for a folder or an `.html` file, or one a browser navigates to. */
function isPageRequest(request: IncomingMessage): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const pathname = new URL(request.url ?? "/", "http://preview").pathname;
  if (pathname.startsWith("/.11ty/")) return false;
  return pathname.endsWith("/") || pathname.endsWith(".html") || request.headers["sec-fetch-dest"] === "document";
}

/** A message as HTML: escaped, with its `code` spans (field names, corrected lines) shown as code. */
function words(message: string): string {
  return escape(message).replace(/`([^`]+)`/g, "<code>$1</code>");
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
