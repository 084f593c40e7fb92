/**
 * The header's "Menu" button on narrow screens (GOV.UK's service navigation pattern). Without this script the
 * button stays hidden and the navigation and search are a plain list; with it, they fold behind the button,
 * which says whether they are open (aria-expanded) and closes them with Escape.
 */
const toggle = /** @type {HTMLButtonElement | null} */ (document.querySelector("[data-menu-toggle]"));
const menu = /** @type {HTMLElement | null} */ (document.querySelector("[data-menu]"));

if (toggle && menu) {
  const setOpen = (/** @type {boolean} */ open) => {
    toggle.setAttribute("aria-expanded", String(open));
    menu.dataset.open = String(open);
  };
  setOpen(false);
  toggle.hidden = false;
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
}
