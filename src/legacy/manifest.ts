/**
 * Remembers a hash of each file the importer wrote, so a later run can tell its own output (safe to
 * replace) from a file an editor has changed since (kept unless forced).
 */
import { createHash } from "node:crypto";

export interface Manifest {
  /** Project-relative path → SHA-256 of the text the importer wrote there. */
  files: Record<string, string>;
}

export type WriteDecision = "write" | "unchanged" | "skip";

export function hashOf(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function decideWrite(current: string | undefined, next: string, recordedHash: string | undefined, force: boolean): WriteDecision {
  if (current === undefined) return "write";
  if (current === next) return "unchanged";
  if (force || (recordedHash !== undefined && hashOf(current) === recordedHash)) return "write";
  return "skip";
}

export function parseManifest(text: string | undefined): Manifest {
  if (!text) return { files: {} };
  const data = JSON.parse(text) as Partial<Manifest>;
  return { files: { ...data.files } };
}

export function manifestJson(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}
