/**
 * The content cache: the work done for one file (reading, checking, rendering) kept by what it was done
 * from, so that an unchanged article is never parsed, checked or rendered again. The dev server keeps one
 * cache across rebuilds (in memory); a production build opens it from `.cache/content/` and saves it at
 * the end.
 *
 * Each entry belongs to one file and one part of the work (`check`, `links`, `article`…) and holds the
 * key it was computed for: a SHA-256 of everything the result depends on. A file has one entry per part,
 * so an edited file replaces its entry, and entries of files that are gone are dropped at the next run
 * (`retain`). On disk, the key also covers the code that computes the results (the sources of
 * `src/core`, `src/content`, `src/model`, the lockfile's dependency versions, the Node version): a change
 * to any of them starts from an empty cache, never from stale results. A cache file that is corrupt, or
 * written by other code, is ignored.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { crc32 } from "node:zlib";

/** The file's format: with the code fingerprint (which changes with any source file), what a file must say to be read. */
const FORMAT = "adcs-content-cache 1";
const CACHE_FILE = "entries.v8";
/** The folders whose code computes what is cached (fingerprinted for the disk cache). */
const CODE_FOLDERS = ["src/core", "src/content", "src/model"];
/** A CRC-32 of the rest of the file: a file cut short or damaged on disk is never read. */
const CHECKSUM_BYTES = 4;

export interface CacheStats {
  /** Article files whose checked result came from the cache in the last run. */
  hits: number;
  /** Article files read, parsed and checked again in the last run. */
  misses: number;
  /** The same, for each part of the work (`check`, `links`, `article`, `terms`). */
  parts: Record<string, { hits: number; misses: number }>;
}

interface Entry {
  key: string;
  value: unknown;
}

/** SHA-256 (hex) of structured-cloneable values (strings, bytes, numbers, arrays, plain objects, Maps), in order. */
export function digest(...inputs: unknown[]): string {
  const hash = createHash("sha256");
  for (const input of inputs) {
    if (typeof input === "string") hash.update(`s${input.length}:`).update(input);
    else if (input instanceof Uint8Array) hash.update(`b${input.length}:`).update(input);
    else hash.update(serialize(input));
  }
  return hash.digest("hex");
}

export class ContentCache {
  readonly #entries: Map<string, Entry>;
  /** Where the cache is saved, with the fingerprint of the code it was made by; absent when kept in memory only. */
  readonly #disk: { file: string; code: string } | undefined;
  #parts: CacheStats["parts"] = {};
  /** What each object made from a cached result was made from, so that work done on it can be keyed cheaply. */
  readonly #made = new WeakMap<object, string>();

  private constructor(entries: Map<string, Entry>, disk?: { file: string; code: string }) {
    this.#entries = entries;
    this.#disk = disk;
  }

  /**
   * A cache kept in memory only (`dir` undefined: the dev server's), or loaded from `dir` (e.g.
   * `.cache/content`) and saved there by `save()`. A cache file that cannot be trusted is ignored.
   */
  static async open(dir?: string): Promise<ContentCache> {
    if (dir === undefined) return new ContentCache(new Map());
    const code = await codeFingerprint();
    // Without the sources (a bundled script) the code cannot be fingerprinted, so nothing is read or saved.
    if (code === undefined) return new ContentCache(new Map());
    const file = path.join(path.resolve(dir), CACHE_FILE);
    return new ContentCache((await readEntries(file, code)) ?? new Map(), { file, code });
  }

  /** Writes the cache where it was opened from (a no-op for a cache in memory): a new file, then renamed over the old. */
  async save(): Promise<void> {
    if (!this.#disk) return;
    const { file, code } = this.#disk;
    const payload = serialize({ format: FORMAT, code, entries: [...this.#entries] });
    const checksum = Buffer.alloc(CHECKSUM_BYTES);
    checksum.writeUInt32BE(crc32(payload));
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await mkdir(path.dirname(file), { recursive: true });
    try {
      const handle = await open(temporary, "w");
      try {
        await handle.writev([checksum, payload]);
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } finally {
      await rm(temporary, { force: true });
    }
    await removeStaleTemporaries(path.dirname(file));
  }

  /** What the last run (since `retain`) found in the cache and computed again. */
  stats(): CacheStats {
    const check = this.#parts.check ?? { hits: 0, misses: 0 };
    return { hits: check.hits, misses: check.misses, parts: structuredClone(this.#parts) };
  }

  /**
   * Starts a run over the files that exist now (as problems name them): entries of any other file are
   * dropped, so neither memory nor the saved cache grows with deleted files, and the counts start again.
   */
  retain(files: ReadonlySet<string>): void {
    for (const slot of this.#entries.keys()) if (!files.has(fileOf(slot))) this.#entries.delete(slot);
    this.#parts = {};
  }

  /**
   * The cached result of `part` for `file` when it was computed for `key` and `valid` accepts it, else
   * undefined (counted as a miss: the caller computes it and calls `set`).
   */
  get<T>(part: string, file: string, key: string, valid: (value: T) => boolean = () => true): T | undefined {
    const entry = this.#entries.get(slotOf(part, file));
    const hit = entry !== undefined && entry.key === key && valid(entry.value as T);
    const counts = (this.#parts[part] ??= { hits: 0, misses: 0 });
    if (hit) counts.hits++;
    else counts.misses++;
    return hit ? (entry.value as T) : undefined;
  }

  set<T>(part: string, file: string, key: string, value: T): T {
    this.#entries.set(slotOf(part, file), { key, value });
    return value;
  }

  /** Records that `value` was made from what `key` stands for (`keyOf`). */
  made<T extends object>(value: T, key: string): T {
    this.#made.set(value, key);
    return value;
  }

  /** The key `value` was made from, when it came from `made`: a cheaper stand-in for hashing it whole. */
  keyOf(value: object): string | undefined {
    return this.#made.get(value);
  }

  /** `compute()`, or its result cached for `key`. */
  through<T>(part: string, file: string, key: string, compute: () => T): T {
    return this.get<T>(part, file, key) ?? this.set(part, file, key, compute());
  }
}

/** One thing a computation read of a `Watched` context, and the answer it got (`all`: the whole field). */
export type Read = [field: string, question: "has" | "get" | "value" | "all", key: string, answer: string];

/**
 * A context shared by every file's check (the articles' URLs, when each appears, today), read through views
 * that record what each check asked of it. A check's result stays true while every question it asked still
 * gets the same answer, so a file whose links point at unchanged articles is not checked again when another
 * article is added, moved or rescheduled. Reading a whole set or map (its size, or iterating it, as "did you
 * mean" does) ties the result to all of it.
 */
export class Watched<C extends Record<string, unknown>> {
  readonly #context: C;
  readonly #wholes = new Map<string, string>();

  constructor(context: C) {
    this.#context = context;
  }

  /** The context as `reads` records each question asked of it: Sets and Maps by key, other values whole. */
  view(reads: Read[]): C {
    const view: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(this.#context)) {
      const ask = (question: Read[1], key = "") => reads.push([field, question, key, this.#answer(field, question, key)]);
      if (value instanceof Set || value instanceof Map) view[field] = recording(value, ask);
      else Object.defineProperty(view, field, { enumerable: true, get: () => (ask("value"), value) });
    }
    return view as C;
  }

  /** Whether every question in `reads` gets the answer it got when it was recorded. */
  holds(reads: readonly Read[]): boolean {
    return reads.every(([field, question, key, answer]) => this.#answer(field, question, key) === answer);
  }

  #answer(field: string, question: Read[1], key: string): string {
    const value = this.#context[field];
    if (question === "value") return JSON.stringify(value) ?? "undefined";
    if (question === "all") {
      const known = this.#wholes.get(field);
      if (known !== undefined) return known;
      const whole = value instanceof Set || value instanceof Map ? digest([...value]) : digest(value);
      this.#wholes.set(field, whole);
      return whole;
    }
    const collection = value as ReadonlySet<string> | ReadonlyMap<string, unknown>;
    if (question === "has") return String(collection.has(key));
    return JSON.stringify((collection as ReadonlyMap<string, unknown>).get(key)) ?? "undefined";
  }
}

type Ask = (question: Read[1], key?: string) => void;

/**
 * `collection` as `ask` records each lookup by key (`has`, `get`); any other use (size, iteration) reads it
 * whole. A Map's `has` is recorded as `get`, whose answer answers it too.
 */
function recording<T extends ReadonlySet<unknown> | ReadonlyMap<unknown, unknown>>(collection: T, ask: Ask): T {
  return new Proxy(collection, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if ((property === "has" || property === "get") && typeof value === "function") {
        return (key: unknown) => {
          ask(target instanceof Map ? "get" : "has", String(key));
          return value.call(target, key);
        };
      }
      ask("all");
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function slotOf(part: string, file: string): string {
  return `${file}\0${part}`;
}

function fileOf(slot: string): string {
  return slot.slice(0, slot.lastIndexOf("\0"));
}

/** The saved entries, or undefined when the file is missing, damaged or made by other code. */
async function readEntries(file: string, code: string): Promise<Map<string, Entry> | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes || bytes.length <= CHECKSUM_BYTES) return undefined;
  const payload = bytes.subarray(CHECKSUM_BYTES);
  if (crc32(payload) !== bytes.readUInt32BE(0)) return undefined;
  try {
    const saved = deserialize(payload) as { format?: unknown; code?: unknown; entries?: unknown };
    if (saved.format !== FORMAT || saved.code !== code || !Array.isArray(saved.entries)) return undefined;
    return new Map(saved.entries as [string, Entry][]);
  } catch {
    return undefined;
  }
}

/** Temporary files left by a build that was killed while saving. */
async function removeStaleTemporaries(dir: string): Promise<void> {
  const mine = `.${process.pid}.`;
  for (const name of await readdir(dir)) {
    if (name.startsWith(`${CACHE_FILE}.`) && name.endsWith(".tmp") && !name.includes(mine)) await rm(path.join(dir, name), { force: true });
  }
}

/**
 * A fingerprint of the code whose results are cached: its sources, the dependency versions the lockfile
 * pins and the Node version. Undefined when the sources are not beside this module (a bundled script).
 */
async function codeFingerprint(): Promise<string | undefined> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  if (!existsSync(path.join(root, "src", "content", "cache.ts"))) return undefined;
  const hash = createHash("sha256").update(`${FORMAT}\0${process.version}\0`);
  const lockfile = path.join(root, "package-lock.json");
  const sources = (
    await Promise.all(
      CODE_FOLDERS.map(async (folder) =>
        (await readdir(path.join(root, folder), { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(entry.parentPath, entry.name)),
      ),
    )
  ).flat();
  for (const file of [...sources.sort(), ...(existsSync(lockfile) ? [lockfile] : [])]) {
    hash.update(`${path.relative(root, file)}\0`).update(await readFile(file)).update("\0");
  }
  return hash.digest("hex");
}
