/** `npm run check -- --explain <file>`: why an article has its subjects, run as editors run it, on the fixture site. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CONTENT = "tests/fixtures/site/content";
const run = promisify(execFile);

async function explain(...files: string[]): Promise<string> {
  const args = [
    "scripts/run-bundled.mjs",
    "scripts/check.ts",
    "--content",
    CONTENT,
    ...files.flatMap((file) => ["--explain", file]),
  ];
  const { stdout } = await run(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, BUILD_DATE: "2026-06-01" },
  });
  return stdout;
}

describe("npm run check -- --explain", () => {
  it("says which subjects the rules gave, by which words and how often, and which were only mentioned in passing", async () => {
    const out = await explain(`${CONTENT}/blog/2026/school-funding-pressures.md`);
    expect(out).toContain(
      [
        `${CONTENT}/blog/2026/school-funding-pressures.md:`,
        "Subjects assigned by the site, by the rules in content/_data/subjects.yaml:",
        '  Funding and finance [funding]: 4 times, 1 in the title (once in the title is enough): "costs" ×2, "budget*" ×1, "funding" ×1',
        "Mentioned too seldom to count (a passing mention):",
        '  SEND and high needs [send]: 2 times (3 needed, or once in the title): "high needs" ×1, "special educational needs" ×1',
      ].join("\n"),
    );
    expect(out).toMatch(/\d+ articles checked, no problems/);
  });

  it("puts an editor's own choice first, and says what the rules would give instead", async () => {
    const out = await explain(`${CONTENT}/blog/2026/a-draft-post.md`);
    expect(out).toContain(
      "Subjects chosen by the editor (`subjects:`): Youth justice, Secrets.\nThe site's rules would give it these instead:\n  none",
    );
  });

  it("says so when the file is no article it can read", async () => {
    expect(await explain(`${CONTENT}/blog/2026/no-such-post.md`)).toContain(
      `${CONTENT}/blog/2026/no-such-post.md: no article here that can be read: its problems are listed below, or the path is wrong`,
    );
  });
});
