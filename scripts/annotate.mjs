// Turns `npm run check -- --json` (on stdin) into GitHub Actions annotations, so that each content problem
// shows on its line in the pull request: `::error file=…,line=…,col=…::message`.
// https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands#setting-an-error-message
// Plain JavaScript, so that CI runs it before anything is compiled. Exits 1 when there is any problem.
import { text } from "node:stream/consumers";
import { pathToFileURL } from "node:url";

/** Workflow commands read `%`, CR and LF specially everywhere, and `:` and `,` inside properties. */
export function escapeData(value) {
  return String(value).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One annotation per problem, titled so the list in the run's summary says what it is. */
export function annotations(problems) {
  return problems.map(
    ({ file, line, column, message }) =>
      `::error file=${escapeProperty(file)},line=${line},col=${column},title=${escapeProperty("Content problem")}::${escapeData(message)}`,
  );
}

// Run as a script (not imported by its test).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const problems = JSON.parse(await text(process.stdin));
  for (const annotation of annotations(problems)) console.log(annotation);
  if (problems.length) {
    console.log(`${problems.length} content problem(s): see each on its line, or run npm run check.`);
    process.exitCode = 1;
  }
}
