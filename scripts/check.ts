/**
 * `npm run check`: the content check the build runs, on its own and fast. Prints every problem as
 * `path:line:col: message` (editors and terminals turn that into a link to the spot), or with `--json` an
 * array of `{ file, line, column, message }` for CI annotations. Exits 0 only when there are none.
 */
import { countText } from "../src/core/words.ts";
import { parseArgs } from "node:util";
import { checkContent } from "../src/content/load.ts";
import { formatProblem, sortProblems } from "../src/content/problems.ts";
import { londonDay } from "../src/core/calendar.ts";
import { runEntryPoint } from "../src/core/errors.ts";
import { readSettings } from "../src/core/settings.ts";

await runEntryPoint(async () => {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      // Another content folder (the test fixtures use this).
      content: { type: "string", default: "content" },
    },
  });

  // BUILD_DATE, when set, is "today" for scheduled articles, as in the build.
  const { articles, problems, warnings } = await checkContent(
    values.content,
    process.cwd(),
    londonDay(readSettings().buildDate),
  );
  const sorted = sortProblems(problems);
  // Warnings (placeholders in the site data) do not stop a build: they go to stderr, apart from the problems.
  if (!values.json)
    for (const warning of sortProblems(warnings))
      console.error(formatProblem({ ...warning, message: `warning: ${warning.message}` }));
  if (values.json) {
    console.log(JSON.stringify(sorted, null, 2));
  } else if (sorted.length) {
    for (const problem of sorted) console.log(formatProblem(problem));
    const files = new Set(sorted.map((problem) => problem.file)).size;
    console.error(
      `\n${countText(sorted.length, "problem")} in ${countText(files, "file")}: nothing will be published until they are fixed.`,
    );
  } else {
    console.log(`${countText(articles.length, "article")} checked, no problems`);
  }
  process.exitCode = sorted.length ? 1 : 0;
});
