/** The cached bundle behind `npm run check` must never run stale code: it is rebuilt when a source changes. */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "run-bundled-"));
  await mkdir(path.join(dir, "scripts"));
  await mkdir(path.join(dir, "src"));
  await copyFile(path.join(ROOT, "scripts/run-bundled.mjs"), path.join(dir, "scripts/run-bundled.mjs"));
  // The runner's cache goes under node_modules/.cache: give the copy its own folder that links to the real packages.
  await mkdir(path.join(dir, "node_modules"));
  await symlink(path.join(ROOT, "node_modules/tsx"), path.join(dir, "node_modules/tsx"));
  await writeFile(
    path.join(dir, "scripts/hello.ts"),
    'import { word } from "../src/word.ts";\nconst name: string = process.argv[2] ?? "";\nconsole.log(`${word} ${name}`);\nprocess.exitCode = 3;\n',
  );
  await writeFile(path.join(dir, "src/word.ts"), 'export const word: string = "hello";\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const hello = () =>
  run(process.execPath, ["scripts/run-bundled.mjs", "scripts/hello.ts", "editor"], { cwd: dir }).catch(
    (error) => error,
  );

it("runs a TypeScript script with its arguments and exit code, and reruns it from the cache", async () => {
  expect(await hello()).toMatchObject({ code: 3, stdout: "hello editor\n" });
  expect(await hello()).toMatchObject({ code: 3, stdout: "hello editor\n" });
});

it("rebuilds when a module the script imports changes", async () => {
  await hello();
  await writeFile(path.join(dir, "src/word.ts"), 'export const word: string = "goodbye";\n');
  // Make sure the change is newer than the cached build even on file systems with coarse timestamps.
  const later = new Date(Date.now() + 5_000);
  await utimes(path.join(dir, "src/word.ts"), later, later);
  expect(await hello()).toMatchObject({ stdout: "goodbye editor\n" });
});
