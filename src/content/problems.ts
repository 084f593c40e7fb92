import { UserError } from "../core/errors.ts";
import { countText } from "../core/words.ts";

/** A problem in an editor's file, told the way editors' tools can jump to it: `path:line:col: message`. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatProblem({ file, line, column, message }: Problem): string {
  return `${file}:${line}:${column}: ${message}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  );
}

/** Thrown when content is wrong: carries every problem so that one run reports them all. */
export class ContentError extends UserError {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    const problem = `Content has ${countText(sorted.length, "problem")}; nothing was built`;
    super({ problem, fix: "correct each one in its file (see EDITING.md)" }, `${problem}:\n${sorted.map(formatProblem).join("\n")}`);
    this.problems = sorted;
  }
}
