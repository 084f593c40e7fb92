import { describe, expect, it } from "vitest";
import { relatedArticles, type RelatedInput } from "../../src/model/related.ts";
import { TermDictionary, tokenize } from "../../src/model/text/tokenize.ts";

const article = (id: string, title: string, text: string, extra: Partial<RelatedInput> = {}): RelatedInput => ({
  id,
  title,
  text,
  tags: [],
  ...extra,
});

/** Three articles on each of four subjects; every subject also uses the sector's shared vocabulary. */
const corpus: RelatedInput[] = [
  article(
    "funding-formula",
    "The national funding formula and school budgets",
    "Local authorities told the Department for Education that the national funding formula leaves school budgets short. Headteachers report that per-pupil funding has not kept pace with costs, and councils cannot top up school budgets from their own resources.",
  ),
  article(
    "high-needs-deficit",
    "High needs block deficits threaten school funding",
    "Children's services directors warn that deficits in the high needs block of the dedicated schools grant are growing. Transfers from school budgets to the high needs block require Schools Forum approval, and the funding formula leaves little room.",
  ),
  article(
    "schools-grant",
    "Dedicated schools grant: what the settlement means for schools",
    "The settlement for the dedicated schools grant raises per-pupil funding by less than inflation. School budgets will be squeezed and headteachers expect the funding formula review to be delayed again.",
  ),
  article(
    "youth-offending",
    "Youth offending teams and the youth justice system",
    "Youth offending teams work with young people who have offended to prevent reoffending. The Youth Justice Board funds youth offending teams, and local authorities say that grant has fallen while demand from the courts has risen.",
  ),
  article(
    "custody-remand",
    "Remand to youth custody must be a last resort",
    "Too many children are remanded to youth custody and later acquitted or given a community sentence. Directors call on the youth justice system to use remand only as a last resort and to fund youth offending teams to offer bail support.",
  ),
  article(
    "diversion",
    "Diversion keeps children out of the youth justice system",
    "Diversion schemes give young people who offend a route away from court. Youth offending teams report that diversion reduces reoffending, and the youth justice board wants diversion offered across every area.",
  ),
  article(
    "adoption-agencies",
    "Regional adoption agencies one year on",
    "Regional adoption agencies now match most children with adoptive families. Adopters say the agencies are quicker to approve them, but children who wait longest for adoption are siblings and older children.",
  ),
  article(
    "adoption-support",
    "The adoption support fund must continue",
    "Adoptive families rely on the adoption support fund for therapy after a child is placed. Adopters and adoption agencies ask government to guarantee the fund beyond next year.",
  ),
  article(
    "early-permanence",
    "Early permanence and foster to adopt",
    "Early permanence placements let babies live with approved adopters while the court decides. Adoption agencies want more adopters trained for foster to adopt so that children avoid moves before adoption.",
  ),
  article(
    "camhs-waits",
    "Waiting times for children's mental health services",
    "Children and young people wait months for mental health treatment from CAMHS. Referrals for anxiety and eating disorders have doubled and mental health services cannot meet demand.",
  ),
  article(
    "mental-health-schools",
    "Mental health teams in schools",
    "Mental health support teams in schools offer early help for anxiety before children are referred to CAMHS. Directors want a mental health team in every school, not in a quarter of them.",
  ),
  article(
    "eating-disorders",
    "Eating disorders among young people rise",
    "Eating disorders in young people have risen sharply. CAMHS waiting lists for eating disorder treatment are the longest in children's mental health services, and anxiety often comes first.",
  ),
];

const topics: string[][] = [
  ["funding-formula", "high-needs-deficit", "schools-grant"],
  ["youth-offending", "custody-remand", "diversion"],
  ["adoption-agencies", "adoption-support", "early-permanence"],
  ["camhs-waits", "mental-health-schools", "eating-disorders"],
];

/** Deterministic Fisher-Yates, so a failing permutation can be reproduced. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe("relatedArticles", () => {
  // Until issue 17 every list had four entries, the last two off subject: articles sharing only the
  // sector's common words ("children", "services", "local", "young people") filled them. A list now
  // stops where the scores fall away.
  it("puts an article's own subject first and leaves out what shares only the sector's words", () => {
    const related = relatedArticles(corpus);
    let offSubject = 0;
    for (const topic of topics) {
      for (const id of topic) {
        const list = related.get(id)!;
        const mates = topic.filter((other) => other !== id);
        expect(mates, id).toContain(list[0]);
        expect(list.length, id).toBeLessThanOrEqual(3);
        offSubject += list.filter((other) => !mates.includes(other)).length;
      }
    }
    // "Dedicated schools grant" lists "Mental health teams in schools": schools are both their subjects.
    expect(offSubject).toBeLessThanOrEqual(2);
  });

  it("shows no article when none is close: one word most articles use is not enough", () => {
    const brexit = article(
      "brexit",
      "Children after Brexit",
      // Shares with the corpus only "children", which 8 of its 12 articles use.
      "Children face changes once the country quits the European Union: toy safety rules, cross-border cases and the rights of EU citizens' families rest on European law.",
    );
    const related = relatedArticles([...corpus, brexit]);
    expect(related.get("brexit")).toEqual([]);
    for (const list of related.values()) expect(list).not.toContain("brexit");
  });

  it("counts words written together as a phrase, above the same words apart", () => {
    // "a-apart" and "z-phrase" use the same words as often; only z-phrase writes "high needs" together,
    // and without the phrase a tie would put a-apart first.
    const query = article(
      "query",
      "Pressure on high needs",
      "Councils report high needs overspends. The high needs block cannot meet demand.",
    );
    const phrase = article(
      "z-phrase",
      "Budgets",
      "Schools say high needs costs rose. Spending on high needs keeps growing.",
    );
    const apart = article(
      "a-apart",
      "Budgets",
      "Schools say needs costs rose, high. Spending on needs keeps growing high.",
    );
    const list = relatedArticles([...corpus, query, phrase, apart], { limit: 10 }).get("query")!;
    expect(list).toContain("z-phrase");
    expect(list.indexOf("a-apart") === -1 || list.indexOf("a-apart") > list.indexOf("z-phrase")).toBe(true);
  });

  it("gives every published article a list and never lists an article as related to itself", () => {
    const related = relatedArticles(corpus);
    expect([...related.keys()].sort()).toEqual(corpus.map((input) => input.id).sort());
    for (const [id, list] of related) {
      expect(list).not.toContain(id);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it("is deterministic and independent of input order", () => {
    const expected = [...relatedArticles(corpus)].sort();
    expect([...relatedArticles(corpus)].sort()).toEqual(expected);
    for (const seed of [1, 2, 3, 42, 2024]) {
      expect([...relatedArticles(shuffled(corpus, seed))].sort()).toEqual(expected);
    }
  });

  it("never suggests a draft and gives drafts no list", () => {
    const draft = article("draft-funding", corpus[0]!.title, corpus[0]!.text, { draft: true });
    const related = relatedArticles([...corpus, draft]);
    expect(related.has("draft-funding")).toBe(false);
    for (const list of related.values()) expect(list).not.toContain("draft-funding");
    expect(related).toEqual(relatedArticles(corpus));
  });

  it("respects limit", () => {
    for (const list of relatedArticles(corpus, { limit: 1 }).values()) expect(list).toHaveLength(1);
    for (const list of relatedArticles(corpus, { limit: 2 }).values()) expect(list.length).toBeLessThanOrEqual(2);
    for (const list of relatedArticles(corpus, { limit: 0 }).values()) expect(list).toEqual([]);
    expect(() => relatedArticles(corpus, { limit: -1 })).toThrow(RangeError);
    expect(() => relatedArticles(corpus, { limit: 1.5 })).toThrow(RangeError);
  });

  it("returns shorter lists when few articles share any terms", () => {
    expect(relatedArticles([])).toEqual(new Map());
    expect(relatedArticles([corpus[0]!])).toEqual(new Map([["funding-formula", []]]));
  });

  it("rejects duplicate ids", () => {
    expect(() => relatedArticles([...corpus, corpus[0]!])).toThrow(/duplicate/);
  });

  describe("boosts", () => {
    // "twin-a" and "twin-b" have identical content, so only a boost can separate them.
    const text = "Kinship carers looking after grandchildren need financial allowances and legal advice.";
    const base = (extra: { a?: Partial<RelatedInput>; b?: Partial<RelatedInput> } = {}): RelatedInput[] => [
      ...corpus,
      article("kinship", "Support for kinship carers", text, {
        tags: ["kinship"],
        region: "north-west",
        author: "ann",
      }),
      article("twin-a", "Kinship care allowances", text, extra.a),
      article("twin-b", "Kinship care allowances", text, extra.b),
    ];
    const firstTwo = (inputs: RelatedInput[]) => relatedArticles(inputs).get("kinship")!.slice(0, 2);

    it("breaks an exact tie by id when nothing else differs", () => {
      expect(firstTwo(base())).toEqual(["twin-a", "twin-b"]);
    });

    it("lets a shared tag break a tie, ignoring case and spacing", () => {
      expect(firstTwo(base({ b: { tags: [" Kinship "] } }))).toEqual(["twin-b", "twin-a"]);
    });

    it("lets the same region or the same author break a tie", () => {
      expect(firstTwo(base({ b: { region: "north-west" } }))).toEqual(["twin-b", "twin-a"]);
      expect(firstTwo(base({ b: { author: "ann" } }))).toEqual(["twin-b", "twin-a"]);
    });

    it("does not let boosts outweigh a difference in subject", () => {
      const related = relatedArticles([
        ...corpus,
        article(
          "diversion-2",
          "Diversion from court",
          "Youth offending teams and diversion from the youth justice system.",
          {
            tags: ["funding"],
            region: "london",
            author: "bo",
          },
        ),
        article(
          "formula-2",
          "Formula funding for school budgets",
          "School budgets under the national funding formula.",
          {
            tags: ["funding"],
            region: "london",
            author: "bo",
          },
        ),
      ]);
      expect(related.get("diversion-2")!.slice(0, 3)).not.toContain("formula-2");
    });
  });
});

describe("relatedArticles across builds", () => {
  // The dev server passes each article's object as `source`, and an unchanged article's terms are then
  // taken from the build before: the lists must be exactly those of counting every article afresh.
  it("gives the same lists with remembered terms as counted afresh, after an article changes", () => {
    const sources = new Map(corpus.map((input) => [input.id, {}]));
    const withSources = (inputs: readonly RelatedInput[]) =>
      inputs.map((input) => ({ ...input, source: sources.get(input.id)! }));
    relatedArticles(withSources(corpus));
    const changed = corpus[2]!.id;
    const edited = corpus.map((input) =>
      input.id === changed
        ? { ...input, text: `${input.text} Regional adoption agencies and early permanence.` }
        : input,
    );
    sources.set(changed, {});
    expect(relatedArticles(withSources(edited))).toEqual(relatedArticles(edited));
    expect(relatedArticles(withSources(shuffled(edited, 7)))).toEqual(relatedArticles(edited));
  });
});

describe("tokenize", () => {
  it("lower-cases, drops stop-words, numbers and single letters, and stems", () => {
    expect(tokenize("The Councils' 2019 budgets were A cut, and they're funding fewer schools")).toEqual([
      "council",
      "budget",
      "cut",
      "fund",
      "fewer",
      "school",
    ]);
  });

  it("keeps apostrophes inside words and drops possessive s", () => {
    expect(tokenize("children's services’ don’t")).toEqual(["children", "servic"]);
  });

  it("treats accented letters as part of words", () => {
    expect(tokenize("Café naïve")).toEqual(["café", "naïv"]);
  });

  it("numbers terms in first-seen order", () => {
    const dictionary = new TermDictionary();
    const ids: number[] = [];
    dictionary.forEachTermId("schools and funding; school funding", (id) => ids.push(id));
    expect(ids).toEqual([0, 1, 0, 1]);
    expect([0, 1].map((id) => dictionary.term(id))).toEqual(["school", "fund"]);
    expect(dictionary.size).toBe(2);
  });

  it("says which terms directly follow another: a space or hyphen joins, a stop-word or punctuation does not", () => {
    const dictionary = new TermDictionary();
    const follows: [string, boolean][] = [];
    dictionary.forEachTermId("High needs. Children in care services; sector-led work", (id, joined) =>
      follows.push([dictionary.term(id), joined]),
    );
    expect(follows).toEqual([
      ["high", false],
      ["need", true],
      ["children", false],
      ["care", false],
      ["servic", true],
      ["sector", false],
      ["led", true],
      ["work", true],
    ]);
  });

  it("numbers a phrase with the terms, once, and spells it out", () => {
    const dictionary = new TermDictionary();
    const ids: number[] = [];
    dictionary.forEachTermId("high needs", (id) => ids.push(id));
    const phrase = dictionary.phraseId(ids[0]!, ids[1]!);
    expect(phrase).toBe(2);
    expect(dictionary.phraseId(ids[0]!, ids[1]!)).toBe(phrase);
    expect(dictionary.phraseId(ids[1]!, ids[0]!)).not.toBe(phrase);
    expect(dictionary.term(phrase)).toBe("high need");
    expect(dictionary.size).toBe(4);
  });
});
