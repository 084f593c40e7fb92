/**
 * Responsive-layout gate, measured in a real browser at several viewport widths:
 *  - no horizontal page scroll (`scrollWidth <= clientWidth`; WCAG 1.4.10 Reflow at 320 px);
 *  - no content in `<main>` sticking out past the viewport edge (catches overflow hidden by
 *    `overflow-x: hidden` on body), unless it sits inside its own horizontal scroller (tables, code);
 *  - no overlapping text blocks: in-flow sibling boxes in `<main>` must not intersect.
 */
import type { Page } from "playwright-core";

export const DEFAULT_WIDTHS = [320, 768, 1280] as const;

export interface LayoutProblem {
  width: number;
  kind: "horizontal-scroll" | "offscreen" | "overlap";
  detail: string;
}

export interface LayoutOptions {
  height?: number;
}

interface Measured {
  kind: LayoutProblem["kind"];
  detail: string;
}

export async function checkLayout(
  page: Page,
  widths: readonly number[] = DEFAULT_WIDTHS,
  options: LayoutOptions = {},
): Promise<LayoutProblem[]> {
  const original = page.viewportSize();
  const problems: LayoutProblem[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: options.height ?? 800 });
    // Let media queries apply and web fonts settle before measuring.
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    for (const m of await page.evaluate(measureLayout)) problems.push({ width, ...m });
  }
  if (original) await page.setViewportSize(original);
  return problems;
}

/** Runs in the page. Self-contained because Playwright serialises it. */
function measureLayout(): Measured[] {
  const found: Measured[] = [];
  const MAX_PER_KIND = 5;
  const root = document.documentElement;
  const viewport = root.clientWidth;
  const describe = (el: Element): string => {
    const cls =
      typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 30);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls}>${text ? ` "${text}"` : ""}`;
  };
  // Visually-hidden helpers (sr-only: 1px box, clipped) are meant to be invisible; ignore them.
  const isHidden = (s: CSSStyleDeclaration, r: DOMRect): boolean =>
    s.display === "none" ||
    s.visibility === "hidden" ||
    r.width <= 1 ||
    r.height <= 1 ||
    (s.clip !== "auto" && s.clip !== "") ||
    (s.clipPath !== "none" && s.clipPath !== "");
  // `position: absolute; left: -10000px` is a deliberate way to hide text visually; only boxes that
  // are partly on screen are layout bugs.
  const deliberatelyOffscreen = (el: Element): boolean => {
    for (let p: Element | null = el; p && p !== document.body; p = p.parentElement) {
      const pos = getComputedStyle(p).position;
      const r = p.getBoundingClientRect();
      if ((pos === "absolute" || pos === "fixed") && (r.right <= 0 || r.left >= viewport)) return true;
    }
    return false;
  };
  const inScroller = (el: Element): boolean => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if (ox === "auto" || ox === "scroll") return true;
    }
    return false;
  };

  if (root.scrollWidth > viewport) {
    const wide = Array.from(document.body.querySelectorAll("*"))
      .filter((el) => el.getBoundingClientRect().right > viewport + 1 && !inScroller(el) && !deliberatelyOffscreen(el))
      .slice(0, 3)
      .map(describe);
    found.push({
      kind: "horizontal-scroll",
      detail: `page scrolls sideways: scrollWidth ${root.scrollWidth} > clientWidth ${viewport}; widest: ${wide.join(", ") || "(unknown)"}`,
    });
  }

  const main = document.querySelector("main") ?? document.body;
  let offscreen = 0;
  for (const el of Array.from(main.querySelectorAll("*"))) {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    if (isHidden(s, r) || s.display === "contents") continue;
    if ((r.right > viewport + 1 || r.left < -1) && !inScroller(el) && !deliberatelyOffscreen(el)) {
      if (offscreen++ < MAX_PER_KIND)
        found.push({
          kind: "offscreen",
          detail: `${describe(el)} spans x=${Math.round(r.left)}..${Math.round(r.right)}, viewport is ${viewport}px wide`,
        });
    }
  }

  // Block-ish, in-flow boxes only: inline boxes wrap across lines and floats are designed to be
  // overlapped by the following block's box (its text flows around them), so neither is comparable.
  const REPLACED = new Set(["IMG", "SVG", "VIDEO", "CANVAS", "PICTURE", "IFRAME", "svg"]);
  let overlaps = 0;
  for (const parent of [main, ...Array.from(main.querySelectorAll("*"))]) {
    const boxes: { el: Element; r: DOMRect }[] = [];
    for (const el of Array.from(parent.children)) {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (isHidden(s, r) || s.display === "inline" || s.display === "contents") continue;
      if (s.position === "absolute" || s.position === "fixed" || s.float !== "none") continue;
      if (!(el.textContent ?? "").trim() && !REPLACED.has(el.tagName)) continue;
      boxes.push({ el, r });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
          if (overlaps++ < MAX_PER_KIND)
            found.push({ kind: "overlap", detail: `${describe(boxes[i]!.el)} overlaps ${describe(boxes[j]!.el)}` });
        }
      }
    }
  }
  return found;
}

export function formatLayoutProblems(problems: readonly LayoutProblem[]): string {
  return problems.map((p) => `@${p.width}px ${p.kind}: ${p.detail}`).join("\n");
}
