/**
 * Digests of plain data (what a page is rendered from), for knowing whether a page must be rendered again.
 *
 * The site model shares objects widely: one article appears on its own page, in a dozen listings, in feeds
 * and in its neighbours' "related" lists. Serialising each page's data whole would copy every shared article
 * again (a listing page's JSON holds twenty article bodies), so the shared objects are digested once
 * (`remember`) and stand for themselves by their digest wherever they appear. Objects are treated as
 * immutable: the model is rebuilt, never edited in place, which is what makes remembering a digest sound.
 * Data is read as `JSON.stringify` reads it (a `Date` by its ISO text; a `Map` or function would be lost, and
 * page data holds none), because V8's serialiser is several times faster than walking objects in JavaScript.
 */
import { createHash } from "node:crypto";

export class Digester {
  readonly #known = new WeakMap<object, string>();
  readonly #replacer = (_key: string, value: unknown): unknown =>
    typeof value === "object" && value !== null ? (this.#known.get(value) ?? value) : value;

  /**
   * Digests each object once, so that wherever it appears later it counts by its digest alone. An object
   * already remembered (the same article object kept by the content cache since an earlier build) is not
   * digested again.
   */
  remember(objects: Iterable<object>): void {
    for (const object of objects) {
      // NUL starts no text of the site's (the content check refuses it), so a digest never equals a value.
      if (!this.#known.has(object)) this.#known.set(object, `\0${this.of(object)}`);
    }
  }

  /** Equal for equal data (property order included), different for different data. */
  of(value: unknown): string {
    return createHash("sha1")
      .update(JSON.stringify(value, this.#replacer) ?? "undefined")
      .digest("base64url");
  }
}
