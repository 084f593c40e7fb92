/**
 * What the commands print when a setting is wrong: the message alone, naming the setting and what would be
 * right, never a stack trace (src/core/errors.ts). Settings are read before anything is built or written.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

async function command(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

const STACK_FRAME = /^\s+at /m;
const BAD_SITE_URL =
  'SITE_URL: "www.example.org/archive" is not the site\'s origin: write it as https://www.example.org, with any path under it in PATH_PREFIX';
const BAD_BUILD_DATE = 'BUILD_DATE: "2026-02-30" is not a date: write it as YYYY-MM-DD (a day in Europe/London)';

describe("a wrong setting", () => {
  it("stops npm run build with a message naming it, and no stack trace", async () => {
    const { code, stderr } = await command(["--import", "tsx", "scripts/build.ts"], {
      SITE_URL: "www.example.org/archive",
    });
    expect(code).toBe(1);
    expect(stderr).toContain(BAD_SITE_URL);
    expect(stderr).toContain("The build failed; _site/ was left as it was.");
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it("says which date is wrong in BUILD_DATE", async () => {
    const { code, stderr } = await command(["--import", "tsx", "scripts/build.ts"], { BUILD_DATE: "2026-02-30" });
    expect(code).toBe(1);
    expect(stderr).toContain(BAD_BUILD_DATE);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it("stops the Eleventy command line (npm start) with the same message", async () => {
    const eleventy = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
    const { code, stderr } = await command([eleventy, "--config=.eleventy.js", "--dryrun"], {
      SITE_URL: "www.example.org/archive",
    });
    expect(code).toBe(1);
    expect(stderr).toContain(BAD_SITE_URL);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it("stops npm run preview with the same message", async () => {
    const { code, stderr } = await command(["--import", "tsx", "scripts/preview.ts"], { BUILD_DATE: "2026-02-30" });
    expect(code).toBe(1);
    expect(stderr).toContain(BAD_BUILD_DATE);
    expect(stderr).not.toMatch(STACK_FRAME);
  });
});
