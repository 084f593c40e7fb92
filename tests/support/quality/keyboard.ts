/**
 * Keyboard gate, driven with real Tab/Enter key presses:
 *  1. the first Tab lands on a visible skip link whose target is (inside) `<main>`;
 *  2. activating it moves focus into `<main>` (which needs `tabindex="-1"` to take focus);
 *  3. every element reached by Tab is visible and shows a focus indicator, judged by comparing its
 *     computed outline / box-shadow while focused with the same element unfocused.
 *
 * Call it on a freshly loaded page; it reloads the page once between steps 2 and 3 so the tab
 * walk starts from the top of the document.
 */
import type { Page } from "playwright-core";

export interface KeyboardResult {
  problems: string[];
  /** Short descriptions of the elements in the order Tab reached them (useful when debugging). */
  focusOrder: string[];
}

export interface KeyboardOptions {
  /** Safety stop for the tab walk, in case focus never comes back to the start. */
  maxTabs?: number;
}

interface FocusInfo {
  isBody: boolean;
  description: string;
  inMain: boolean;
  visible: boolean;
  /** For links to a fragment: whether the target exists and lies in (or is) `<main>`. */
  fragmentTarget: "none" | "missing" | "in-main" | "elsewhere";
  isLink: boolean;
}

interface WalkStep {
  isBody: boolean;
  seenBefore: boolean;
  description: string;
  visible: boolean;
  indicator: boolean;
}

export async function checkKeyboard(page: Page, options: KeyboardOptions = {}): Promise<KeyboardResult> {
  const problems: string[] = [];
  await checkSkipLink(page, problems);
  await page.reload({ waitUntil: "load" });
  const focusOrder = await walkFocus(page, problems, options.maxTabs ?? 1000);
  return { problems, focusOrder };
}

async function checkSkipLink(page: Page, problems: string[]): Promise<void> {
  await page.keyboard.press("Tab");
  const first = await page.evaluate(describeFocus);
  if (first.isBody) {
    problems.push("the first Tab focused nothing: expected a skip link as the first focusable element");
    return;
  }
  if (!first.isLink || first.fragmentTarget === "none") {
    problems.push(
      `the first Tab focused ${first.description}: expected a skip link (<a href="#main">) as the first focusable element`,
    );
    return;
  }
  if (first.fragmentTarget === "missing")
    problems.push(`skip link ${first.description} points at an id that does not exist`);
  if (first.fragmentTarget === "elsewhere")
    problems.push(`skip link ${first.description} does not point at <main> or an element inside it`);
  if (!first.visible) problems.push(`skip link ${first.description} is not visible on screen while focused`);

  await page.keyboard.press("Enter");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const after = await page.evaluate(describeFocus);
  if (!after.inMain) {
    problems.push(
      `activating the skip link left focus on ${after.isBody ? "<body>" : after.description}: focus must move into <main> (give <main> tabindex="-1")`,
    );
  }
}

/** Runs in the page: what currently has focus. Self-contained because Playwright serialises it. */
function describeFocus(): FocusInfo {
  const el = document.activeElement;
  const main = document.querySelector("main");
  if (!el || el === document.body || el === document.documentElement) {
    return {
      isBody: true,
      description: "<body>",
      inMain: false,
      visible: false,
      fragmentTarget: "none",
      isLink: false,
    };
  }
  const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
  const description = `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ""}${el.getAttribute("href") ? ` href="${el.getAttribute("href")}"` : ""}>${text}`;
  const rect = el.getBoundingClientRect();
  const visible =
    rect.width > 1 &&
    rect.height > 1 &&
    rect.bottom > 0 &&
    rect.right > 0 &&
    rect.left < innerWidth &&
    rect.top < innerHeight &&
    getComputedStyle(el).visibility !== "hidden";
  let fragmentTarget: FocusInfo["fragmentTarget"] = "none";
  const isLink = el instanceof HTMLAnchorElement;
  if (isLink && el.getAttribute("href")?.startsWith("#") && el.hash.length > 1) {
    const target = document.getElementById(decodeURIComponent(el.hash.slice(1)));
    fragmentTarget = !target ? "missing" : main && (target === main || main.contains(target)) ? "in-main" : "elsewhere";
  }
  return { isBody: false, description, inMain: !!main && main.contains(el), visible, fragmentTarget, isLink };
}

async function walkFocus(page: Page, problems: string[], maxTabs: number): Promise<string[]> {
  const focusable = await page.evaluate(recordUnfocusedStyles);
  const limit = Math.min(maxTabs, focusable * 2 + 10);
  const order: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const step = await page.evaluate(inspectFocusStep);
    if (step.isBody || step.seenBefore) return order; // focus left the page or wrapped: walk complete
    order.push(step.description);
    if (!step.visible) problems.push(`${step.description} receives focus but is not visible on screen`);
    else if (!step.indicator)
      problems.push(`${step.description} shows no visible focus indicator (outline or box-shadow)`);
  }
  problems.push(`focus did not return to the start after ${limit} Tab presses (possible keyboard trap)`);
  return order;
}

type FocusStyle = {
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  outlineOffset: string;
  boxShadow: string;
};
type FocusWindow = Window & { __unfocused?: Map<Element, FocusStyle>; __seen?: Set<Element> };

/** Runs in the page: snapshot outline/box-shadow of every tabbable element before anything is focused. */
function recordUnfocusedStyles(): number {
  const w = window as FocusWindow;
  w.__unfocused = new Map();
  w.__seen = new Set();
  (document.activeElement as HTMLElement | null)?.blur?.();
  for (const el of Array.from(document.querySelectorAll<HTMLElement>("*"))) {
    if (el.tabIndex < 0) continue;
    const s = getComputedStyle(el);
    w.__unfocused.set(el, {
      outlineStyle: s.outlineStyle,
      outlineWidth: s.outlineWidth,
      outlineColor: s.outlineColor,
      outlineOffset: s.outlineOffset,
      boxShadow: s.boxShadow,
    });
  }
  return w.__unfocused.size;
}

/** Runs in the page: describe the focused element and decide whether its focus is visible. */
function inspectFocusStep(): WalkStep {
  const w = window as FocusWindow;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) {
    return { isBody: true, seenBefore: false, description: "<body>", visible: false, indicator: false };
  }
  const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
  const description = `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ""}${el.getAttribute("href") ? ` href="${el.getAttribute("href")}"` : ""}>${text}`;
  if (w.__seen?.has(el)) return { isBody: false, seenBefore: true, description, visible: true, indicator: true };
  w.__seen?.add(el);

  const rect = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const visible =
    rect.width > 1 &&
    rect.height > 1 &&
    rect.bottom > 0 &&
    rect.right > 0 &&
    rect.left < innerWidth &&
    rect.top < innerHeight &&
    s.visibility !== "hidden";

  const now: FocusStyle = {
    outlineStyle: s.outlineStyle,
    outlineWidth: s.outlineWidth,
    outlineColor: s.outlineColor,
    outlineOffset: s.outlineOffset,
    boxShadow: s.boxShadow,
  };
  // Elements missed by the snapshot (e.g. made tabbable later) are compared with "no indicator".
  const before: FocusStyle = w.__unfocused?.get(el) ?? {
    outlineStyle: "none",
    outlineWidth: "0px",
    outlineColor: "",
    outlineOffset: "0px",
    boxShadow: "none",
  };
  const transparent = (c: string): boolean =>
    c === "transparent" || /rgba\([^)]*,\s*0\)$/.test(c) || /\/\s*0\)$/.test(c);
  const outlineShows = (f: FocusStyle): boolean =>
    f.outlineStyle !== "none" && parseFloat(f.outlineWidth) > 0 && !transparent(f.outlineColor);
  const outlineChanged =
    outlineShows(now) &&
    (!outlineShows(before) ||
      now.outlineStyle !== before.outlineStyle ||
      now.outlineWidth !== before.outlineWidth ||
      now.outlineColor !== before.outlineColor ||
      now.outlineOffset !== before.outlineOffset);
  const shadowChanged = now.boxShadow !== "none" && now.boxShadow !== before.boxShadow;
  return { isBody: false, seenBefore: false, description, visible, indicator: outlineChanged || shadowChanged };
}

export function formatKeyboardProblems(result: KeyboardResult): string {
  return [...result.problems, `focus order: ${result.focusOrder.join(" → ") || "(none)"}`].join("\n");
}
