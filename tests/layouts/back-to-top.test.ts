import { describe, expect, it } from "vitest";
import { render, textOf } from "./render.ts";

const examples = { default: { text: "Back to top", href: "#top" } };

describe("backToTop", () => {
  it("links to the page's top in words; its arrow is hidden from screen readers", () => {
    const $ = render("back-to-top", examples.default);
    const link = $("a.back-to-top__link");
    expect(textOf(link)).toBe("Back to top");
    expect(link.attr("href")).toBe("#top");
    expect(link.find("svg").attr("aria-hidden")).toBe("true");
    expect(link.find("svg").attr("focusable")).toBe("false");
  });
});
