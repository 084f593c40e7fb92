/**
 * Runtime-health gate: collects everything that goes wrong while a page loads and runs —
 * console errors, uncaught exceptions, failed requests and HTTP error responses.
 * Attach before navigating so nothing is missed.
 */
import type { ConsoleMessage, Page, Request, Response } from "playwright-core";

export interface PageIssue {
  kind: "console" | "pageerror" | "requestfailed" | "http";
  message: string;
  url?: string;
}

export interface PageWatcher {
  readonly issues: PageIssue[];
  /** Stops collecting (removes the listeners). */
  dispose(): void;
}

export interface WatchOptions {
  /** Expected issues to leave out, e.g. the 404 status of a deliberately missing page. */
  ignore?: (issue: PageIssue) => boolean;
}

export function watchPage(page: Page, options: WatchOptions = {}): PageWatcher {
  const issues: PageIssue[] = [];
  const add = (issue: PageIssue): void => {
    if (!options.ignore?.(issue)) issues.push(issue);
  };
  const onConsole = (msg: ConsoleMessage): void => {
    if (msg.type() === "error") add({ kind: "console", message: msg.text(), url: msg.location().url || undefined });
  };
  const onPageError = (error: Error): void => add({ kind: "pageerror", message: error.message });
  const onRequestFailed = (request: Request): void =>
    add({ kind: "requestfailed", message: request.failure()?.errorText ?? "request failed", url: request.url() });
  const onResponse = (response: Response): void => {
    if (response.status() >= 400) add({ kind: "http", message: `HTTP ${response.status()}`, url: response.url() });
  };
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  page.on("requestfailed", onRequestFailed);
  page.on("response", onResponse);
  return {
    issues,
    dispose() {
      page.off("console", onConsole);
      page.off("pageerror", onPageError);
      page.off("requestfailed", onRequestFailed);
      page.off("response", onResponse);
    },
  };
}

export function formatPageIssues(issues: readonly PageIssue[]): string {
  return issues.map((i) => `${i.kind}: ${i.message}${i.url ? ` (${i.url})` : ""}`).join("\n");
}
