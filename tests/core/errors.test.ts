/** People's errors and bugs: src/core/errors.ts. */
import { describe, expect, it } from "vitest";
import { ContentError } from "../../src/content/problems.ts";
import { describeFailure, isUserError, UserError } from "../../src/core/errors.ts";
import { readSettings } from "../../src/core/settings.ts";

describe("UserError", () => {
  it("says where, what is wrong and what would be right, in one line", () => {
    const error = new UserError({
      where: { file: "content/blog/2026/a.md", line: 3, column: 1 },
      problem: "the date is not real",
      fix: "write it as YYYY-MM-DD",
    });
    expect(error.message).toBe("content/blog/2026/a.md:3:1: the date is not real: write it as YYYY-MM-DD");
    expect(new UserError({ where: "SITE_URL", problem: "not an origin" }).message).toBe("SITE_URL: not an origin");
  });

  it("is printed as its message alone; anything else is a bug and keeps its stack", () => {
    expect(describeFailure(new UserError({ problem: "nothing to build" }))).toEqual({
      text: "nothing to build",
      exitCode: 1,
    });
    const bug = describeFailure(new TypeError("x is undefined"));
    expect(bug.exitCode).toBe(70);
    expect(bug.text).toMatch(
      /^Unexpected error \(a bug in adcs-archive, not in your content\):\nTypeError: x is undefined\n\s+at /,
    );
  });

  it("covers content problems and settings, and is recognised across module copies", () => {
    expect(isUserError(new ContentError([{ file: "a.md", line: 1, column: 1, message: "x" }]))).toBe(true);
    expect(() => readSettings({ SITE_URL: "ftp://example.org" })).toThrow(UserError);
    const copy = Object.assign(new Error("from another copy"), { [Symbol.for("adcs-archive.UserError")]: true });
    expect(isUserError(copy)).toBe(true);
    expect(isUserError(new Error("plain"))).toBe(false);
  });

  it("tells Eleventy not to print a stack for it", () => {
    expect(new UserError({ problem: "x" }).skipOriginalStack).toBe(true);
  });
});
