/**
 * URL slugs: lower case, words joined by hyphens, punctuation and typographic quotes dropped.
 * A published slug must not change (it would need a redirect), so this function must stay stable.
 *
 * Letters and digits of any script get a slug: those with no Latin form of their own (Greek, Cyrillic,
 * Chinese…) are transliterated with any-ascii, so "Ελληνικά" is `ellinika` and a tag in any language has a
 * page whose address every tool can carry. Only letters and digits are transliterated: symbols and
 * punctuation are dropped as before ("£5m" stays `5m`, not `gbp5m`), so every slug made from Latin text is
 * what it always was (tests/core/slugs.test.ts checks the whole archive). The package is pinned to an exact
 * version in package.json, and the tests pin the slugs of several scripts, so an update cannot move a page.
 */
import anyAscii from "any-ascii";

/** A run of letters or digits outside ASCII (after accents are taken off). */
const OTHER_SCRIPT = /(?:(?![\u0000-\u007f])[\p{L}\p{N}])+/gu;

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(OTHER_SCRIPT, anyAscii)
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘`"“”]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
