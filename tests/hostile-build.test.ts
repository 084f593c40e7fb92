/**
 * What a build leaves behind and how it fails (issue 14): a killed build's folders are cleaned by the next
 * build, `_site` is readable by a web server running as another user, and a broken template is reported as
 * the template's path and line, without a stack or absolute paths.
 */
import Eleventy from "@11ty/eleventy";
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { templateFailure } from "../src/build.ts";
import { describeFailure } from "../src/core/errors.ts";
import { buildSearchIndex } from "../src/publishing/search-index.ts";
import { buildSiteAfresh, SITE_CONTENT, siteSettings } from "./support/fixtures.ts";

const work = await mkdtemp(path.join(tmpdir(), "adcs-hostile-build-"));
afterAll(() => rm(work, { recursive: true, force: true }));

/** Starts a build of the fixture site into `target` in another process and kills it once it is writing. */
async function killedBuild(target: string): Promise<void> {
  const script = path.join(work, "build.mts");
  await writeFile(
    script,
    `import { buildSite } from ${JSON.stringify(path.resolve("src/build.ts"))};
     import { siteSettings } from ${JSON.stringify(path.resolve("tests/support/fixtures.ts"))};
     await buildSite({ outputDir: ${JSON.stringify(target)}, contentDir: ${JSON.stringify(SITE_CONTENT)}, settings: siteSettings() });`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: "ignore" });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    const names = await readdir(path.dirname(target));
    if (names.some((name) => name.startsWith(`${path.basename(target)}.building-`))) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill("SIGKILL");
  await exited;
}

describe("a build after a killed one", () => {
  it("removes the killed build's staging folder, keeps a running build's, and leaves _site readable by others", async () => {
    const parent = path.join(work, "out");
    await mkdir(parent);
    const target = path.join(parent, "_site");
    await killedBuild(target);
    const left = (await readdir(parent)).filter((name) => name.startsWith("_site.building-"));
    expect(left).toHaveLength(1);
    // A folder from before the process id was in the name, and one whose build is still running (this process's parent).
    await mkdir(path.join(parent, "_site.building-AbC123"));
    const running = `_site.building-${process.ppid}-XyZ789`;
    await mkdir(path.join(parent, running));

    await buildSiteAfresh({ outputDir: target, contentDir: SITE_CONTENT, settings: siteSettings() });
    expect((await readdir(parent)).sort()).toEqual(["_site", running]);
    expect((await stat(target)).mode & 0o777).toBe(0o755);
  });
});

describe("a broken template", () => {
  it("is reported as the template's path and line, with what Nunjucks said and no stack", async () => {
    const input = await mkdtemp(path.join(tmpdir(), "adcs-template-"));
    await mkdir(path.join(input, "_includes"));
    await writeFile(path.join(input, "index.njk"), '<p>Home</p>\n{% include "part.njk" %}\n');
    await writeFile(path.join(input, "_includes/part.njk"), "<p>One</p>\n<p>Two</p>\n{% if %}\n");
    const eleventy = new Eleventy(input, path.join(input, "_out"), {
      quietMode: true,
      configPath: false as unknown as string,
    });
    eleventy.disableLogger();
    const error = await eleventy.write().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    const failure = templateFailure(error, input);
    expect(failure).toBeDefined();
    const { text, exitCode } = describeFailure(failure);
    expect(text).toBe(
      "_includes/part.njk:3:7: this template could not be rendered: unexpected token: %}: correct the template (see the Nunjucks documentation for its syntax)",
    );
    expect(exitCode).toBe(1);
    await rm(input, { recursive: true, force: true });
  });

  it("leaves errors that did not come from a template as they are", () => {
    expect(templateFailure(new Error("a bug"))).toBeUndefined();
  });
});

describe("a search index failure", () => {
  it("names the site as given, not the staging folder's absolute path", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "adcs-empty-site-"));
    const failure = await buildSearchIndex(empty, "_site").catch((error: unknown) => error);
    const { text } = describeFailure(failure);
    expect(text).toContain("Search index of _site: reading the site failed");
    expect(text).not.toContain(empty);
    await rm(empty, { recursive: true, force: true });
  });
});
