/**
 * Errors for people. A `UserError` says where the problem is (a file and line, or a setting), what is
 * wrong and what would be right; entry points print its message alone. Any other error is a bug in this
 * code: it keeps its stack, because a developer needs it.
 *
 * After Eleventy's `Errors/` and govuk-frontend's `errors/`: one base class, a subclass per kind of input.
 */

/** Where a problem is: a file (relative to the project), with a line and column where known. */
export interface Place {
  file: string;
  line?: number;
  column?: number;
}

export interface UserErrorDetails {
  /** A file position, or the name of what was wrong (`SITE_URL`, `npm run new`). */
  where?: Place | string;
  /** What is wrong, in plain words. */
  problem: string;
  /** What would be right, e.g. "write it as YYYY-MM-DD". */
  fix?: string;
}

/** `path:line:col`, the form editors' tools jump to. */
export function formatPlace(place: Place | string): string {
  if (typeof place === "string") return place;
  return [place.file, place.line, place.column].filter((part) => part !== undefined).join(":");
}

/**
 * Marks people's errors across module instances: tsx's `tsImport` and test runners can load this file
 * twice, and `instanceof` would then miss an error thrown by the other copy.
 */
const USER_ERROR = Symbol.for("adcs-archive.UserError");

export class UserError extends Error {
  readonly [USER_ERROR] = true;
  /** Eleventy prints the messages of an error chain, and its stack unless this says not to (`Errors/EleventyErrorHandler.js`). */
  readonly skipOriginalStack = true;
  readonly where: Place | string | undefined;
  readonly problem: string;
  readonly fix: string | undefined;

  constructor({ where, problem, fix }: UserErrorDetails, message?: string) {
    super(
      message ??
        [where === undefined ? undefined : formatPlace(where), fix ? `${problem}: ${fix}` : problem]
          .filter(Boolean)
          .join(": "),
    );
    this.name = new.target.name;
    this.where = where;
    this.problem = problem;
    this.fix = fix;
  }
}

/**
 * What an entry point prints when it fails: a person's error as its message, a bug with its stack.
 * Returns the exit code to use.
 */
export function isUserError(error: unknown): error is UserError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[USER_ERROR] === true;
}

export function describeFailure(error: unknown): { text: string; exitCode: number } {
  if (isUserError(error)) return { text: error.message, exitCode: 1 };
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { text: `Unexpected error (a bug in adcs-archive, not in your content):\n${text}`, exitCode: 70 };
}

/** Runs an entry point's work, printing any failure as `describeFailure` says and setting the exit code. */
export async function runEntryPoint(work: () => Promise<void> | void): Promise<void> {
  try {
    await work();
  } catch (error) {
    const { text, exitCode } = describeFailure(error);
    console.error(text);
    process.exitCode = exitCode;
  }
}
