/** scripts/annotate.mjs: `npm run check -- --json` as GitHub annotations on the pull request's lines. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { annotations } from "../../scripts/annotate.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

describe("annotations", () => {
  it("puts each problem on its file, line and column, escaping what workflow commands read specially", () => {
    expect(
      annotations([
        { file: "content/blog/2026/a,b.md", line: 2, column: 8, message: 'put it in quotes: `title: "A: b"`\n100%' },
      ]),
    ).toEqual([
      '::error file=content/blog/2026/a%2Cb.md,line=2,col=8,title=Content problem::put it in quotes: `title: "A: b"`%0A100%25',
    ]);
  });

  it("annotates what npm run check --json reports, and fails the step", async () => {
    const check = await run(
      process.execPath,
      ["scripts/run-bundled.mjs", "scripts/check.ts", "--json", "--content", "tests/fixtures/mistakes/content"],
      { cwd: ROOT, env: { ...process.env, BUILD_DATE: "2026-06-01" } },
    ).catch((error: { stdout: string }) => error);
    const annotated = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, ["scripts/annotate.mjs"], { cwd: ROOT }, (error, stdout) =>
        resolve({ code: error ? (error.code as number) : 0, stdout }),
      );
      child.stdin!.end(check.stdout);
    });
    expect(annotated.code).toBe(1);
    const lines = annotated.stdout.trim().split("\n");
    expect(lines).toContain(
      '::error file=tests/fixtures/mistakes/content/blog/2026/three-mistakes.md,line=5,col=1,title=Content problem::unknown region "north-wst": did you mean "north-west"?',
    );
    expect(lines.filter((line) => line.startsWith("::error "))).toHaveLength(14);
  });
});
