/**
 * Live search for /search/ over the Pagefind index (written by src/publishing/search-index.ts), with our own accessible
 * markup instead of Pagefind's default UI. The page's markup is in layouts/search.njk.
 *
 * State lives in the URL (see the scheme in layouts/search.njk): a change of filter or sort adds a history
 * entry; typing adds one entry per burst of typing and then keeps replacing it, so Back undoes a search
 * rather than a keystroke. popstate restores the state from the URL.
 * Pagefind's JS API: https://pagefind.app/docs/api/
 */

/** Filters shown, in this order, with their legends; values come from the index. */
const FILTERS = [
  { key: "subject", legend: "Subject" },
  { key: "region", legend: "Region" },
  { key: "kind", legend: "Type" },
  { key: "year", legend: "Year" },
  { key: "author", legend: "Author" },
  { key: "tag", legend: "Tag" },
];
const FILTER_KEYS = FILTERS.map((filter) => filter.key);
/**
 * Results shown at first, then per "Show more results". Each shown result costs its fragment (~2 KB) to
 * fetch, so a first search shows five: it stays within the 120 KB budget as served (115 KB on 2 December
 * 2026; measured in tests/browser/search.test.ts).
 */
const FIRST_PAGE_SIZE = 5;
const PAGE_SIZE = 10;
/**
 * Pagefind's ranking (https://pagefind.app/docs/ranking/), chosen on the judged queries of
 * tests/browser/judged-queries.yaml (tests/browser/search.test.ts): a word as typed counts more above the
 * longer words sharing its stem than by default, and a word's many uses on one page add less, so a long
 * article that keeps mentioning a subject does not outrank the one about it (recall at 5: 0.818 before,
 * 0.842 with these and the acronym searched with its words). Titles keep Pagefind's own weights (an `h1`
 * weighs 7 against 1 for text, and a match in the title metadata multiplies the score by 5); weighting the
 * first paragraph (`data-pagefind-weight="2"`) or the summary metadata (`metaWeights`) ranked worse.
 */
const RANKING = { termSimilarity: 2, termSaturation: 1 };
/** Fewer results than this, and a closer spelling finding more, and the page asks "Did you mean". */
const FEW_RESULTS = 3;
const TYPING_DELAY_MS = 250;

const root = document.querySelector("[data-search]");
if (root) start(root);

/** @param {HTMLElement} root */
async function start(root) {
  const el = {
    form: /** @type {HTMLFormElement} */ (root.querySelector("[data-search-form]")),
    input: /** @type {HTMLInputElement} */ (root.querySelector("#search-q")),
    body: /** @type {HTMLElement} */ (root.querySelector("[data-search-body]")),
    filters: /** @type {HTMLElement} */ (root.querySelector("[data-search-filters]")),
    panel: /** @type {HTMLDetailsElement} */ (root.querySelector("[data-search-filters-panel]")),
    clear: /** @type {HTMLButtonElement} */ (root.querySelector("[data-search-clear]")),
    sort: /** @type {HTMLSelectElement} */ (root.querySelector("[data-search-sort]")),
    status: /** @type {HTMLElement} */ (root.querySelector("[data-search-status]")),
    results: /** @type {HTMLOListElement} */ (root.querySelector("[data-search-results]")),
    more: /** @type {HTMLButtonElement} */ (root.querySelector("[data-search-more]")),
    unavailable: /** @type {HTMLElement} */ (root.querySelector("[data-search-unavailable]")),
    suggestion: /** @type {HTMLElement} */ (root.querySelector("[data-search-suggestion]")),
    suggestionLink: /** @type {HTMLAnchorElement} */ (root.querySelector("[data-search-suggestion-link]")),
    browse: /** @type {HTMLElement} */ (root.querySelector("[data-search-browse]")),
  };
  const pagefindUrl = new URL(root.dataset.pagefindUrl ?? "/pagefind/pagefind.js", location.href);
  // The index's words with their counts (src/publishing/search-vocabulary.ts), fetched the first time a
  // search finds nothing or little, so a first search that finds something never downloads it.
  const vocabulary = once(() => loadVocabulary(new URL("vocabulary.json", pagefindUrl)));
  const baseTitle = document.title;
  /** @type {{ acronym: string, expansion: string }[]} The glossary (content/_data/glossary.yaml). */
  const glossary = JSON.parse(root.dataset.glossary || "[]");

  let pagefind;
  let totals;
  try {
    pagefind = await import(pagefindUrl.href);
    // Result URLs in the index are site-relative: prefix them with where the site lives (its path prefix).
    // noWorker: the archive's index is small enough to search on the main thread, and skipping the worker
    // saves readers a 43 KB download before their first result (bench/results.md, search payload).
    await pagefind.options({
      baseUrl: root.dataset.baseUrl ?? "/",
      excerptLength: 30,
      noWorker: true,
      ranking: RANKING,
    });
    await pagefind.init();
    totals = await pagefind.filters();
  } catch (error) {
    el.unavailable.hidden = false;
    el.form.hidden = true;
    console.warn("Search could not load its index:", error);
    return;
  }

  const checkboxes = renderFilters(el.filters, totals);
  el.body.hidden = false;
  // The same width as the two-column layout in search.css, where the panel's summary is hidden.
  const wide = window.matchMedia("(min-width: 48em)");
  const unfold = () => {
    if (wide.matches) el.panel.open = true;
  };
  wide.addEventListener("change", unfold);

  let state = readState(location.search, totals);
  let typingEntry = false; // the current history entry was made by typing, and typing goes on replacing it
  let timer = 0;
  let runId = 0;
  /** @type {{ data(): Promise<any> }[]} */
  let pending = [];

  showState(state);
  el.panel.open = wide.matches || countFilters(state.filters) > 0;
  history.replaceState(null, "", urlFor(state));
  search(state);

  el.input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      update({ ...state, q: el.input.value.trim() }, typingEntry ? "replace" : "push");
      typingEntry = true;
    }, TYPING_DELAY_MS);
  });
  el.input.addEventListener("blur", () => {
    typingEntry = false;
  });
  el.form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    update({ ...state, q: el.input.value.trim() }, typingEntry ? "replace" : "push");
    typingEntry = false;
  });
  /** The state with the words as typed so far (a change of filter or sort takes them along at once). */
  function typed() {
    clearTimeout(timer);
    typingEntry = false;
    return { ...state, q: el.input.value.trim() };
  }
  el.filters.addEventListener("change", () => {
    update({ ...typed(), filters: checkedFilters(checkboxes) }, "push");
  });
  el.sort.addEventListener("change", () => {
    update({ ...typed(), sort: el.sort.value === "newest" ? "newest" : "" }, "push");
  });
  el.clear.addEventListener("click", () => {
    update({ ...typed(), filters: {} }, "push");
    el.input.focus();
  });
  el.suggestionLink.addEventListener("click", (event) => {
    event.preventDefault();
    update({ ...typed(), q: el.suggestionLink.dataset.q ?? "" }, "push");
    el.input.focus();
  });
  el.more.addEventListener("click", async () => {
    const first = await showMore(runId);
    first?.querySelector("a")?.focus();
  });
  window.addEventListener("popstate", () => {
    clearTimeout(timer);
    typingEntry = false;
    state = readState(location.search, totals);
    showState(state);
    search(state);
  });

  /**
   * @param {State} next
   * @param {"push" | "replace"} how
   */
  function update(next, how) {
    const url = urlFor(next);
    const same = url === urlFor(state);
    state = next;
    showState(state);
    if (same) return;
    if (how === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    search(state);
  }

  /** Puts the state into the controls (after a popstate, a filter link or the first load). */
  function showState(current) {
    if (el.input.value.trim() !== current.q) el.input.value = current.q;
    el.sort.value = current.sort;
    for (const box of checkboxes) box.checked = (current.filters[box.name] ?? []).includes(box.value);
    el.clear.hidden = countFilters(current.filters) === 0;
    document.title = current.q ? `“${current.q}” – ${baseTitle}` : baseTitle;
  }

  async function search(current) {
    const id = ++runId;
    el.results.setAttribute("aria-busy", "true");
    try {
      await runSearch(current, id);
    } finally {
      if (id === runId) el.results.setAttribute("aria-busy", "false");
    }
  }

  async function runSearch(current, id) {
    const filters = pagefindFilters(current.filters);
    const hasFilters = Object.keys(filters).length > 0;
    if (!current.q && !hasFilters) {
      el.results.replaceChildren();
      el.more.hidden = true;
      showHints("", false);
      announce("");
      updateCounts(checkboxes, totals);
      return;
    }
    let found = await find(current, filters);
    if (id !== runId || !found) return; // a newer search has started (Pagefind returns null for debounced ones)
    // Little or nothing found: a word may be misspelt. With nothing, the closest spelling's results are
    // shown at once, and the status says so; with a few, the closer spelling is offered as a link.
    let corrected = "";
    let offered = "";
    if (current.q && found.results.length < FEW_RESULTS) {
      const correction = correctQuery(current.q, await vocabulary());
      const better = correction ? await find({ ...current, q: correction }, filters) : undefined;
      if (id !== runId) return;
      if (correction && better && better.results.length > found.results.length) {
        if (found.results.length === 0) {
          found = better;
          corrected = correction;
        } else offered = correction;
      }
    }
    updateCounts(checkboxes, found.counts);
    pending = found.results;
    el.results.replaceChildren();
    await showMore(id, FIRST_PAGE_SIZE);
    if (id !== runId) return;
    const count = found.results.length;
    showHints(offered, count === 0);
    if (corrected) announce(describeCorrected(current.q, corrected, count, current));
    else announce(`${describe(count, current)}${offered ? ` Did you mean “${offered}”?` : ""}`);
  }

  /** One search: its results (each fragment fetched once) and the filter counts; undefined if superseded. */
  async function find(current, filters) {
    // Without words there is no relevance to order by, so a filter-only search is newest first.
    const sort = current.sort === "newest" || !current.q ? { date: "desc" } : undefined;
    const words = acronymsSpelt(current.q, glossary);
    const found = await pagefind.search(words || null, { filters, ...(sort && { sort }) });
    if (!found) return undefined;
    const results = found.results.map((result) => ({ data: once(() => result.data()) }));
    if (words && results.length && !matchesQuery(words, await results[0].data())) {
      return { results: [], counts: {} };
    }
    return { results, counts: await facetCounts(words, filters, found.filters) };
  }

  /** Shows "Did you mean" with its link (or hides it), and the browse links when nothing was found. */
  function showHints(offered, nothing) {
    el.suggestion.hidden = !offered;
    el.suggestionLink.textContent = offered;
    el.suggestionLink.dataset.q = offered;
    el.suggestionLink.href = offered ? urlFor({ ...state, q: offered }) : "";
    el.browse.hidden = !nothing;
  }

  /**
   * Counts beside each filter value. Pagefind counts each value with every chosen filter applied, which is
   * right across filters (they narrow) but not within one, where values widen: with "South East" ticked,
   * every other region would show 0. So a filter with values chosen is counted as if it had none.
   */
  async function facetCounts(q, filters, counts) {
    const result = { ...counts };
    for (const key of Object.keys(filters)) {
      const others = Object.fromEntries(Object.entries(filters).filter(([other]) => other !== key));
      if (!q && !Object.keys(others).length) {
        result[key] = totals[key] ?? {};
        continue;
      }
      const wider = await pagefind.search(q || null, { filters: others });
      result[key] = wider?.filters?.[key] ?? {};
    }
    return result;
  }

  /** Renders the next `size` results, fetching their fragments only now; returns the first new item. */
  async function showMore(id, size = PAGE_SIZE) {
    const batch = pending.slice(0, size);
    pending = pending.slice(size);
    const items = await Promise.all(batch.map(async (result) => resultItem(await result.data())));
    if (id !== runId) return undefined;
    el.results.append(...items);
    el.more.hidden = pending.length === 0;
    return items[0];
  }

  /** Sets the live region's text; clearing it first makes a repeated message be announced again. */
  function announce(text) {
    if (el.status.textContent === text) el.status.textContent = "";
    window.setTimeout(() => {
      el.status.textContent = text;
    }, 50);
  }
}

/**
 * @typedef {{ q: string, filters: Record<string, string[]>, sort: "" | "newest" }} State
 */

/**
 * Reads the state from a query string, keeping only filter values the index knows.
 * @returns {State}
 */
function readState(search, totals) {
  const params = new URLSearchParams(search);
  /** @type {Record<string, string[]>} */
  const filters = {};
  for (const key of FILTER_KEYS) {
    const known = totals[key] ?? {};
    const values = [...new Set(params.getAll(key))].filter((value) => value in known);
    if (values.length) filters[key] = values;
  }
  return { q: (params.get("q") ?? "").trim(), filters, sort: params.get("sort") === "newest" ? "newest" : "" };
}

/** The page's URL for a state: `?q=…&region=…&sort=newest`, parameters in a fixed order. */
function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort) params.set("sort", state.sort);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ""}`;
}

/**
 * Whether the best result really matched every word of the query. Pagefind replaces a word it cannot find
 * with its longest prefix that is in the index, however short, so "xylophone" finds every "X"
 * (https://github.com/Pagefind/pagefind/issues/780, not configurable in 1.6). That helps a half-typed or
 * slightly misspelt word ("safeguardin", "fundign"), so a match is accepted when it shares at least half of
 * the word (and 3 letters) with what the page says; otherwise the search is reported as finding nothing.
 * Words matched only in metadata have no locations in the text and are accepted.
 */
function matchesQuery(query, data) {
  const terms = query.split(/\s+/).map(normaliseWord).filter(Boolean);
  const locations = data.locations ?? [];
  if (!terms.length || !locations.length) return true;
  const words = String(data.content ?? "").split(/\s+/);
  const matched = locations.map((index) => normaliseWord(words[index] ?? ""));
  return terms.every((term) => {
    const needed = Math.min(term.length, Math.max(3, Math.ceil(term.length / 2)));
    return matched.some((word) => commonPrefixLength(term, word) >= needed);
  });
}

/**
 * The query as searched: an acronym typed in capitals ("SEND") is searched with the words it stands for.
 * Every article that writes either holds both in the index (src/model/glossary.ts), so nothing is lost;
 * Pagefind ignores case, but requiring the words keeps out every page with the verb "send" only, and keeping
 * the acronym ranks the articles that use it often above those naming it once. Typed in lower case, a word is a word.
 */
function acronymsSpelt(query, glossary) {
  return query
    .split(/\s+/)
    .map((word) => {
      const entry = glossary.find(({ acronym }) => word === acronym || word === `${acronym}s`);
      return entry ? `${entry.acronym} ${entry.expansion}` : word;
    })
    .join(" ");
}

/**
 * The query with each word the archive never uses replaced by the closest word it does, or "" when there
 * is nothing to correct. Closest by edit distance counting a swap of two neighbouring letters as one edit
 * ("safegaurding" → "safeguarding"), within 1 edit for words up to 5 letters and 2 for longer ones; among
 * equally close words the one the archive uses most wins.
 * @param {string} query
 * @param {Map<string, number>} words
 */
function correctQuery(query, words) {
  if (!words.size) return "";
  let changed = false;
  const corrected = query.split(/\s+/).map((typed) => {
    const word = normaliseWord(typed);
    if (word.length < 3 || words.has(word) || /\d/.test(word)) return typed;
    const limit = word.length <= 5 ? 1 : 2;
    let best = { word: "", distance: Infinity, count: 0 };
    for (const [candidate, count] of words) {
      if (Math.abs(candidate.length - word.length) > limit) continue;
      const distance = editDistance(word, candidate, limit);
      if (distance < best.distance || (distance === best.distance && count > best.count)) {
        best = { word: candidate, distance, count };
      }
    }
    if (best.distance > limit) return typed;
    changed = true;
    return best.word;
  });
  return changed ? corrected.join(" ") : "";
}

/**
 * Edits between two words (insert, delete, replace, or swap two neighbours: the optimal string alignment
 * distance); anything above `limit` is reported as `limit + 1`, which lets a long vocabulary be scanned fast.
 */
function editDistance(a, b, limit) {
  let before = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length], limit + 1);
}

/** The vocabulary as a map of word to count; empty if it cannot be fetched (search still works without it). */
async function loadVocabulary(url) {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const { words } = await response.json();
    return new Map(words);
  } catch (error) {
    console.warn("Search could not load its vocabulary for spelling suggestions:", error);
    return new Map();
  }
}

function normaliseWord(word) {
  return word
    .toLocaleLowerCase("en-GB")
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

function commonPrefixLength(a, b) {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

/** Calls `load` the first time only, so a result's fragment is fetched once however often it is asked for. */
function once(load) {
  let promise;
  return () => (promise ??= load());
}

/** Pagefind's filter object: any of the chosen values within a filter, all filters together. */
function pagefindFilters(filters) {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, values]) => values.length)
      .map(([key, values]) => [key, { any: values }]),
  );
}

function countFilters(filters) {
  return Object.values(filters).reduce((sum, values) => sum + values.length, 0);
}

/**
 * The search as corrected, for a query that found nothing: "No results for “safegaurding”. Showing 12
 * results for “safeguarding”."
 */
function describeCorrected(typed, corrected, count, state) {
  const [first] = describe(0, { ...state, q: typed }).split(".");
  return `${first}. Showing ${describe(count, { ...state, q: corrected })}.`;
}

/** "12 results for “funding”", "1 result for “UASC” with 2 filters", "No results for “xyz”". */
function describe(count, state) {
  const chosen = countFilters(state.filters);
  const forWords = state.q ? ` for “${state.q}”` : "";
  const withFilters = chosen ? ` with ${chosen} ${chosen === 1 ? "filter" : "filters"}` : "";
  if (count === 0)
    return `No results${forWords}${withFilters}. Check the spelling, try other words${chosen ? " or clear the filters" : ""}.`;
  return `${count} ${count === 1 ? "result" : "results"}${forWords}${withFilters}`;
}

/**
 * One fieldset of checkboxes per filter, built once from the index's values; counts change with each search.
 * @returns {HTMLInputElement[]}
 */
function renderFilters(container, totals) {
  const boxes = [];
  for (const { key, legend } of FILTERS) {
    const values = Object.keys(totals[key] ?? {}).sort(key === "year" ? (a, b) => Number(b) - Number(a) : compareNames);
    if (!values.length) continue;
    const fieldset = make("fieldset", "search-filter");
    fieldset.append(make("legend", "search-filter__legend", legend));
    const list = make("ul", "search-filter__list");
    values.forEach((value, index) => {
      const id = `search-filter-${key}-${index}`;
      const item = make("li", "search-filter__item");
      const box = /** @type {HTMLInputElement} */ (make("input", "search-filter__input"));
      box.type = "checkbox";
      box.id = id;
      box.name = key;
      box.value = value;
      const label = /** @type {HTMLLabelElement} */ (make("label", "search-filter__label", value));
      label.htmlFor = id;
      const count = make("span", "search-filter__count");
      label.append(" ", count);
      item.append(box, label);
      list.append(item);
      boxes.push(box);
    });
    fieldset.append(list);
    container.append(fieldset);
  }
  return boxes;
}

function compareNames(a, b) {
  return a.localeCompare(b, "en-GB", { sensitivity: "base" });
}

/** Shows, by each value, how many results there would be with it chosen. */
function updateCounts(boxes, counts) {
  for (const box of boxes) {
    const count = counts[box.name]?.[box.value] ?? 0;
    const span = /** @type {HTMLElement} */ (box.labels?.[0]?.querySelector(".search-filter__count"));
    span.textContent = `(${count})`;
    box.closest("li")?.classList.toggle("search-filter__item--none", count === 0);
  }
}

/** @returns {Record<string, string[]>} */
function checkedFilters(boxes) {
  /** @type {Record<string, string[]>} */
  const filters = {};
  for (const box of boxes) if (box.checked) (filters[box.name] ??= []).push(box.value);
  return filters;
}

/** One result: title link, kind, date and author, then the excerpt with the matched words marked. */
function resultItem(data) {
  const item = make("li", "search-result");
  const heading = make("h3", "search-result__title");
  const link = /** @type {HTMLAnchorElement} */ (make("a", "search-result__link", data.meta?.title ?? data.url));
  link.href = data.url;
  heading.append(link);
  const details = [data.meta?.kind, data.meta?.date, data.meta?.author].filter(Boolean).join(" · ");
  item.append(heading);
  if (details) item.append(make("p", "search-result__meta", details));
  const excerpt = make("p", "search-result__excerpt");
  excerpt.append(...markedText(data.excerpt || data.meta?.summary || ""));
  item.append(excerpt);
  return item;
}

/**
 * Pagefind's excerpt is HTML (escaped text with `<mark>` around matches). It is parsed in an inert
 * document and rebuilt from text and `mark` only, so nothing else from the index can reach the page.
 */
function markedText(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const nodes = [];
  for (const node of parsed.body.firstChild?.childNodes ?? []) {
    if (node.nodeName === "MARK") nodes.push(make("mark", "search-result__match", node.textContent ?? ""));
    else nodes.push(document.createTextNode(node.textContent ?? ""));
  }
  return nodes;
}

/** @returns {HTMLElement} */
function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
