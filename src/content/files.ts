/**
 * The one rule for what may be read and published from the content folder: regular files, and nothing
 * else. A symbolic link is refused wherever it is: under `content/images/` Eleventy would copy the link and
 * the Pages upload would follow it (`ln -s /etc/hostname content/images/leak.txt` publishes the build
 * machine's file), and a linked article would bring in text from outside the repository. Other special
 * files (a pipe, a socket) would hang or fail the read.
 */
import { readdir, readlink } from "node:fs/promises";
import path from "node:path";
import type { Problem } from "./problems.ts";

export interface ContentFiles {
  /** Every regular file under the content folder, as absolute paths, sorted. */
  files: string[];
  problems: Problem[];
}

/**
 * Walks `contentDir` without following links. `show` turns a path into the form problems name it.
 *
 * @example await contentFiles("content", show) // { files: [".../content/blog/2019/x.md", ...], problems: [] }
 */
export async function contentFiles(contentDir: string, show: (file: string) => string): Promise<ContentFiles> {
  const root = path.resolve(contentDir);
  // Recursive readdir does not descend into linked folders: the link itself is listed, and refused below.
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) files.push(file);
    else if (entry.isSymbolicLink()) {
      const target = await readlink(file);
      const message = `this is a symbolic link to ${target}; links are never read or published (one could publish files from outside the repository): delete it, or put a copy of the file itself there`;
      problems.push({ file: show(file), line: 1, column: 1, message });
    } else if (!entry.isDirectory()) {
      problems.push({ file: show(file), line: 1, column: 1, message: "this is not an ordinary file (a pipe, socket or device): remove it from the content folder" });
    }
  }
  return { files: files.sort(), problems };
}
