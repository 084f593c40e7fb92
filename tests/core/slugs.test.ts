import { describe, expect, it } from "vitest";
import { slugify } from "../../src/core/slugs.ts";

describe("slugify", () => {
  it("joins lower-case words with hyphens and drops punctuation and typographic quotes", () => {
    expect(slugify("Do we know what Brexit means for children?")).toBe("do-we-know-what-brexit-means-for-children");
    expect(slugify("Being ‘ACE’ aware – a helpful or harmful approach?")).toBe(
      "being-ace-aware-a-helpful-or-harmful-approach",
    );
    expect(slugify("What’s the purpose of auditing casework?")).toBe("whats-the-purpose-of-auditing-casework");
    expect(slugify("Play & Youth")).toBe("play-and-youth");
    expect(slugify("Café society")).toBe("cafe-society");
    expect(slugify("  Leadership and a duty of optimism...  ")).toBe("leadership-and-a-duty-of-optimism");
  });
});
