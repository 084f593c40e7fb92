/**
 * Runs the content check over a changed copy of the fixture site's content, for tests of what a change to
 * the content folder does. Each copy is removed after its test.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { checkContent } from "../../src/content/load.ts";
import { formatProblem } from "../../src/content/problems.ts";

const FIXTURE = "tests/fixtures/site/content";

/**
 * `contentWith(change)`: copies the fixture's content, lets `change` alter the copy, and returns every
 * problem as `path:line:col: message`, paths relative to the copy's parent (`content/blog/...`).
 * Call at the top of a test file: it registers the clean-up.
 */
export function contentCopies(): (change: (dir: string) => Promise<unknown>) => Promise<string[]> {
  let work: string | undefined;
  afterEach(async () => {
    if (work) await rm(work, { recursive: true, force: true });
    work = undefined;
  });
  return async (change) => {
    work = await mkdtemp(path.join(tmpdir(), "adcs-content-"));
    const dir = path.join(work, "content");
    await cp(FIXTURE, dir, { recursive: true });
    await change(dir);
    const { problems } = await checkContent(dir, work);
    return problems.map(formatProblem);
  };
}
