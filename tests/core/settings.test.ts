/** Settings read from the environment: src/core/settings.ts (the feed size; the others are tested with errors). */
import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/core/errors.ts";
import { readSettings } from "../../src/core/settings.ts";

describe("FEED_ENTRIES", () => {
  it("is 20 entries a feed document unless set", () => {
    expect(readSettings({}).feedEntries).toBe(20);
    expect(readSettings({ FEED_ENTRIES: "50" }).feedEntries).toBe(50);
  });

  it("refuses anything but a whole number above 0, saying what would be right", () => {
    for (const value of ["0", "-3", "2.5", "twenty", "1e3"]) {
      let error: unknown;
      try {
        readSettings({ FEED_ENTRIES: value });
      } catch (thrown) {
        error = thrown;
      }
      expect(isUserError(error), value).toBe(true);
      expect((error as Error).message, value).toContain(`FEED_ENTRIES: "${value}" is not a number of entries`);
      expect((error as Error).message, value).toContain("a whole number above 0");
    }
  });
});
