import { describe, expect, it } from "vitest";
import { londonDay, parseDay } from "../../src/core/calendar.ts";
import { articleDate, describeDate, earliestDay, knownYear, machineDate } from "../../src/model/dates.ts";

describe("dates", () => {
  it("shows a day as '12 July 2019' with a machine-readable datetime", () => {
    const date = articleDate("2019-07-12");
    expect(describeDate(date)).toBe("12 July 2019");
    expect(machineDate(date)).toBe("2019-07-12");
  });

  it("shows a day with no leading zero", () => {
    expect(describeDate(articleDate("2019-03-05"))).toBe("5 March 2019");
  });

  it("shows a month-only date as 'July 2019'", () => {
    const date = articleDate("2019-07");
    expect(describeDate(date)).toBe("July 2019");
    expect(machineDate(date)).toBe("2019-07");
  });

  it("says when a date is not recorded, with what the archive order tells", () => {
    expect(describeDate(articleDate(undefined))).toBe("Date not recorded");
    expect(describeDate(articleDate(undefined, ["2019-06-21", "2019-07"]))).toBe(
      "Date not recorded (between June and July 2019)",
    );
    expect(describeDate(articleDate(undefined, ["2018-12", "2019-01"]))).toBe(
      "Date not recorded (between December 2018 and January 2019)",
    );
    expect(describeDate(articleDate(undefined, ["2019-04-05", "2019-04"]))).toBe("Date not recorded (April 2019)");
    expect(machineDate(articleDate(undefined))).toBeUndefined();
  });

  it("knows the year of a date, or of bounds within one year, and no other", () => {
    expect(knownYear(articleDate("2019-07"))).toBe(2019);
    expect(knownYear(articleDate(undefined, ["2019-06", "2019-07"]))).toBe(2019);
    expect(knownYear(articleDate(undefined, ["2018-12", "2019-01"]))).toBeUndefined();
    expect(knownYear(articleDate(undefined))).toBeUndefined();
  });

  it("rejects days that do not exist", () => {
    expect(parseDay("2019-02-30")).toBeUndefined();
    expect(parseDay("2019-7-1")).toBeUndefined();
    expect(() => articleDate("12/07/2019")).toThrow(/YYYY-MM-DD/);
  });

  it("gives the earliest possible day for sorting", () => {
    expect(earliestDay(articleDate("2019-07"))).toBe("2019-07-01");
    expect(earliestDay(articleDate(undefined, ["2019-06", "2019-07"]))).toBe("2019-06-01");
    expect(earliestDay(articleDate(undefined))).toBeUndefined();
  });

  it("reads 'today' in London, not UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(londonDay(new Date("2019-06-30T23:30:00Z"))).toBe("2019-07-01");
    expect(londonDay(new Date("2019-12-31T23:30:00Z"))).toBe("2019-12-31");
  });
});
