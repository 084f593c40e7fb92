import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decideWrite, hashOf } from "../../src/legacy/manifest.ts";
import { runImport } from "../../src/legacy/import.ts";

const PROJECT = join(import.meta.dirname, "../..");
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "legacy-import-"));
  await cp(join(PROJECT, "legacy/export"), join(root, "legacy/export"), { recursive: true });
  await cp(join(PROJECT, "legacy/corrections.yaml"), join(root, "legacy/corrections.yaml"));
  await mkdir(join(root, "content/_data"), { recursive: true });
  await cp(join(PROJECT, "content/_data/regions.yaml"), join(root, "content/_data/regions.yaml"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function snapshot(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(root, join(entry.parentPath, entry.name)), await readFile(join(entry.parentPath, entry.name)));
  }
  return files;
}

const ARTICLE = "content/blog/2019/grow-your-own.md";

describe("running the import", () => {
  it("writes every article once, and a second run changes no byte", async () => {
    const first = await runImport({ root });
    expect(first.written).toHaveLength(103);
    expect(first.authorsAdded).toHaveLength(10);
    const before = await snapshot();

    const second = await runImport({ root });
    expect(second).toMatchObject({ written: [], skipped: [], authorsAdded: [] });
    expect(second.unchanged).toHaveLength(103);
    expect(await snapshot()).toEqual(before);
  });

  it("leaves a file an editor changed, unless forced", async () => {
    await runImport({ root });
    const imported = await readFile(join(root, ARTICLE), "utf8");
    const edited = imported.replace("Grow your own", "Growing our own");
    await writeFile(join(root, ARTICLE), edited);

    const report = await runImport({ root });
    expect(report.skipped).toEqual([ARTICLE]);
    expect(await readFile(join(root, ARTICLE), "utf8")).toBe(edited);
    expect((await runImport({ root })).skipped).toEqual([ARTICLE]);

    const forced = await runImport({ root, force: true });
    expect(forced.written).toEqual([ARTICLE]);
    expect(await readFile(join(root, ARTICLE), "utf8")).toBe(imported);
  });
});

describe("the write decision", () => {
  it("replaces the importer's own earlier output but not an editor's file", () => {
    expect(decideWrite(undefined, "new", undefined, false)).toBe("write");
    expect(decideWrite("same", "same", undefined, false)).toBe("unchanged");
    expect(decideWrite("old output", "new output", hashOf("old output"), false)).toBe("write");
    expect(decideWrite("edited", "new output", hashOf("old output"), false)).toBe("skip");
    expect(decideWrite("not ours", "new output", undefined, false)).toBe("skip");
    expect(decideWrite("edited", "new output", hashOf("old output"), true)).toBe("write");
  });
});
