import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSite, type StaticServer } from "./serve.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "serve-"));
  const files: Record<string, string> = {
    "index.html": "home",
    "blog/index.html": "blog",
    "404.html": "custom 404",
    "pagefind/wasm.en.pagefind": "x",
    "pagefind/pagefind.wasm": "\0asm",
    "css/site.css": "body{}",
  };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function get(
  server: StaticServer,
  pathname: string,
): Promise<{ status: number; type: string | null; body: string; location: string | null }> {
  const res = await fetch(server.origin + pathname, { redirect: "manual" });
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    body: await res.text(),
    location: res.headers.get("location"),
  };
}

describe("serveSite", () => {
  it("serves folders as index.html, assets with their content types, and 404.html for unknown paths", async () => {
    const server = await serveSite(dir);
    try {
      expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await get(server, "/")).toMatchObject({ status: 200, body: "home", type: "text/html; charset=utf-8" });
      expect(await get(server, "/blog/")).toMatchObject({ status: 200, body: "blog" });
      expect(await get(server, "/blog")).toMatchObject({ status: 301, location: "/blog/" });
      expect(await get(server, "/css/site.css")).toMatchObject({ status: 200, type: "text/css; charset=utf-8" });
      expect(await get(server, "/pagefind/pagefind.wasm")).toMatchObject({ status: 200, type: "application/wasm" });
      expect(await get(server, "/nope/")).toMatchObject({
        status: 404,
        body: "custom 404",
        type: "text/html; charset=utf-8",
      });
      expect((await get(server, "/%2e%2e/%2e%2e/etc/passwd")).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("serves under a path prefix and refuses paths outside it", async () => {
    const server = await serveSite(dir, { pathPrefix: "archive-prefix" });
    try {
      expect(server.baseUrl).toBe(`${server.origin}/archive-prefix/`);
      expect(server.url("/blog/")).toBe(`${server.origin}/archive-prefix/blog/`);
      expect(await get(server, "/archive-prefix/blog/")).toMatchObject({ status: 200, body: "blog" });
      expect(await get(server, "/archive-prefix")).toMatchObject({ status: 301, location: "/archive-prefix/" });
      expect(await get(server, "/blog/")).toMatchObject({ status: 404, body: "custom 404" });
    } finally {
      await server.close();
    }
  });

  it("closes promptly even with keep-alive connections open", async () => {
    const server = await serveSite(dir);
    await fetch(server.baseUrl, { keepalive: true }).then((r) => r.text());
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
