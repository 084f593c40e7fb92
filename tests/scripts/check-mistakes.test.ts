/**
 * `npm run check` over tests/fixtures/mistakes/content: several mistakes in one file, and mistakes in several
 * files. One run reports every one of them, at its own line, in the words an editor reads (asserted word
 * for word); the article saved with a byte-order mark and the draft holding the placeholder are fine.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const M = "tests/fixtures/mistakes/content";
const run = promisify(execFile);

/** `npm run check` on the fixture, "today" being 1 June 2026 (so the Christmas post is scheduled). */
async function check(args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const command = [process.execPath, "scripts/run-bundled.mjs", "scripts/check.ts", "--content", M, ...args] as const;
  try {
    const { stdout, stderr } = await run(command[0], command.slice(1), {
      cwd: ROOT,
      env: { ...process.env, BUILD_DATE: "2026-06-01" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

const EVERY_PROBLEM = [
  `${M}/blog/2025/hidden-in-rounds.md:2:8: the quote mark before "Quotes that never close" is never closed: end the title with the same quote mark on this line: \`title: "Quotes that never close"\` (see EDITING.md#writing-the-fields-correctly)`,
  `${M}/blog/2025/hidden-in-rounds.md:3:1: the file is in the folder "2025" but its date says "2024": move it to blog/2024/hidden-in-rounds.md`,
  `${M}/blog/2025/hidden-in-rounds.md:4:1: unknown author "jane-do": did you mean "jane-doe"?`,
  `${M}/blog/2026/half-written.md:5:1: \`titel\` is not a known field: did you mean \`title\`? (see EDITING.md#the-fields-at-the-top-front-matter)`,
  `${M}/blog/2026/half-written.md:7:1: the text still holds the placeholder "Write the first paragraph here…": replace it with the article's own words, or add \`draft: true\` to the fields until it is ready (see EDITING.md#starting-an-article)`,
  `${M}/blog/2026/three-mistakes.md:2:8: the title contains a colon, which would start a new field: put the title in double quotes: \`title: "Funding: the gap"\` (see EDITING.md#writing-the-fields-correctly)`,
  `${M}/blog/2026/three-mistakes.md:3:1: \`date\` "2026-02-30" is not a real date: write it as YYYY-MM-DD, e.g. \`date: 2026-11-23\``,
  `${M}/blog/2026/three-mistakes.md:5:1: unknown region "north-wst": did you mean "north-west"?`,
  `${M}/blog/2026/three-mistakes.md:6:1: \`summry\` is not a known field: did you mean \`summary\`? (see EDITING.md#the-fields-at-the-top-front-matter)`,
  `${M}/blog/2026/three-mistakes.md:9:51: the link /blog/2026/work-in-progress/ goes to a draft, which is not published: publish that article first (remove its \`draft: true\`), or remove the link (see EDITING.md#drafts)`,
  `${M}/blog/2026/too-early.md:6:22: the link ../coming-soon/ goes to an article scheduled for 2026-12-25, so readers of this one would find no page there until then: date this article 2026-12-25 or later, or remove the link (see EDITING.md#scheduling)`,
  `${M}/regional-updates/2026/london-update.md:3:1: \`date\` "23/11/2026" is not a real date: write it as YYYY-MM-DD: \`date: 2026-11-23\``,
  `${M}/regional-updates/2026/london-update.md:5:1: \`tags\` should be a list, e.g. \`tags: [Funding, SEND]\` (see EDITING.md#the-fields-at-the-top-front-matter)`,
  `${M}/regional-updates/2026/london-update.md:6:1: \`permalink\` is not a known field: an article's address comes from its folder and file name, so rename the file instead (see EDITING.md#where-articles-live)`,
];

describe("npm run check on several mistakes in one file and in several files", () => {
  it("reports all of them in one run, each at its line, in plain words with the fix", async () => {
    const { code, stdout, stderr } = await check();
    expect(code).toBe(1);
    expect(stdout.trimEnd().split("\n")).toEqual(EVERY_PROBLEM);
    expect(stderr.trim()).toBe("14 problems in 5 files: nothing will be published until they are fixed.");
  });

  it("--json gives the same problems, as data for tools", async () => {
    const { code, stdout } = await check(["--json"]);
    expect(code).toBe(1);
    const problems = JSON.parse(stdout) as { file: string; line: number; column: number; message: string }[];
    expect(problems.map(({ file, line, column, message }) => `${file}:${line}:${column}: ${message}`)).toEqual(
      EVERY_PROBLEM,
    );
  });
});
