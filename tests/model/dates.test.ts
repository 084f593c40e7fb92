import { describe, expect, it } from "vitest";
import { londonDay, parseDay } from "../../src/core/calendar.ts";
import { articleDate, dateWords, describeDate, earliestDay, knownYear } from "../../src/model/dates.ts";

describe("dates", () => {
  it("shows a recorded day as '12 July 2019', no leading zero, with a machine-readable datetime", () => {
    expect(dateWords(articleDate("2019-07-12"))).toEqual({ text: "12 July 2019", datetime: "2019-07-12" });
    expect(describeDate(articleDate("2019-03-05", undefined, "confirmed"))).toBe("5 March 2019");
  });

  it("shows a recorded month as 'July 2019', marked up as the month", () => {
    expect(dateWords(articleDate("2019-07"))).toEqual({ text: "July 2019", datetime: "2019-07" });
    expect(describeDate(articleDate("2019-07"))).toBe("July 2019");
  });

  it("says plainly when a month was worked out, and how, never looking like a recorded one", () => {
    expect(dateWords(articleDate("2018-07", undefined, "inferred"))).toEqual({
      text: "July 2018",
      datetime: "2018-07",
      qualifier: "estimated",
      note: "The old site did not record this article’s date; it was worked out from the article’s text.",
    });
    expect(describeDate(articleDate("2018-07", undefined, "inferred"))).toBe("July 2018 (estimated)");
    expect(dateWords(articleDate("2019-09", undefined, "title")).note).toBe(
      "The old site did not record this article’s date; it was taken from the article’s title.",
    );
  });

  it("gives an estimate from the archive's order as a range, with no <time> and no 'not recorded' in brackets", () => {
    expect(dateWords(articleDate(undefined, ["2019-06-21", "2019-07"]))).toEqual({
      text: "Between June and July 2019",
      qualifier: "estimated",
      note: "The old site did not record this article’s date; it comes between articles the old archive dates 21 June 2019 and July 2019.",
    });
    expect(describeDate(articleDate(undefined, ["2018-12", "2019-01"]))).toBe(
      "Between December 2018 and January 2019 (estimated)",
    );
    expect(describeDate(articleDate(undefined, ["2019-04-05", "2019-04"]))).toBe("April 2019 (estimated)");
  });

  it("says 'Date not recorded' alone when nothing is known", () => {
    expect(dateWords(articleDate(undefined))).toEqual({ text: "Date not recorded" });
    expect(describeDate(articleDate(undefined))).toBe("Date not recorded");
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
