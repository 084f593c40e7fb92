import { describe, expect, it } from "vitest";
import { articleDate } from "../../src/model/dates.ts";
import { newestFirst, type Orderable } from "../../src/model/order.ts";

const article = (url: string, date: string | undefined, order?: number, between?: [string, string]): Orderable => ({
  url,
  kind: "blog",
  date: articleDate(date, between),
  ...(order !== undefined && { legacy: { order } }),
});

const urls = (list: Orderable[]) => list.map((a) => a.url);

describe("newestFirst", () => {
  it("sorts dated articles newest first, whatever order they come in", () => {
    const list = [article("a", "2020-01-01"), article("c", "2021-05-01"), article("b", "2020-06-30")];
    expect(urls(newestFirst(list))).toEqual(["c", "b", "a"]);
  });

  it("keeps migrated articles in the old archive's order, even when a month-only date would sort them otherwise", () => {
    // The archive lists 0 (May 2019, month only) as newer than 1 (20 May 2019): the archive order wins.
    const list = [
      article("one", "2019-05-20", 1),
      article("zero", "2019-05", 0),
      article("two", undefined, 2),
      article("three", "2019-04-01", 3),
    ];
    expect(urls(newestFirst(list))).toEqual(["zero", "one", "two", "three"]);
  });

  it("places undated migrated articles among dated ones and after newer articles", () => {
    const list = [
      article("new", "2026-01-10"),
      article("old-dated", "2019-06-21", 3),
      article("undated", undefined, 2, ["2019-06-21", "2019-07"]),
      article("newest-old", "2019-07-12", 1),
    ];
    expect(urls(newestFirst(list))).toEqual(["new", "newest-old", "undated", "old-dated"]);
  });

  it("breaks ties by URL so the order never depends on input order", () => {
    const a = [article("b", "2020-01-01"), article("a", "2020-01-01")];
    expect(urls(newestFirst(a))).toEqual(urls(newestFirst([...a].reverse())));
  });

  it("does not change its input", () => {
    const list = [article("a", "2020-01-01"), article("b", "2021-01-01")];
    newestFirst(list);
    expect(urls(list)).toEqual(["a", "b"]);
  });
});
