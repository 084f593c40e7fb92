/**
 * `npm run check`: the content check the build runs, on its own and fast. Prints every problem as
 * `path:line:col: message` (editors and terminals turn that into a link to the spot), or with `--json` an
 * array of `{ file, line, column, message }` for CI annotations. Exits 0 only when there are none.
 * `--explain <file>` (repeatable) also prints why each of those articles has its subjects.
 */
import { countText } from "../src/core/words.ts";
import { parseArgs } from "node:util";
import { checkContent } from "../src/content/load.ts";
import { formatProblem, sortProblems } from "../src/content/problems.ts";
import { londonDay } from "../src/core/calendar.ts";
import { runEntryPoint } from "../src/core/errors.ts";
import { readSettings, type Settings } from "../src/core/settings.ts";
import { buildArticle } from "../src/model/article.ts";
import { createMarkdown } from "../src/model/markdown.ts";
import { explainSubjects, subjectEvidence, subjectText } from "../src/model/subjects.ts";
import type { CheckedContent } from "../src/content/load.ts";
import path from "node:path";

await runEntryPoint(async () => {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      // Another content folder (the test fixtures use this).
      content: { type: "string", default: "content" },
      // An article's file: print the subjects it gets and the words that gave them.
      explain: { type: "string", multiple: true, default: [] },
    },
  });

  // BUILD_DATE, when set, is "today" for scheduled articles, as in the build.
  const settings = readSettings();
  const checked = await checkContent(values.content, process.cwd(), londonDay(settings.buildDate));
  const { articles, problems, warnings } = checked;
  for (const file of values.explain) console.log(explain(file, checked, settings));
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

/** Why the article in `file` has its subjects, or why that cannot be said. */
function explain(file: string, { articles, data }: CheckedContent, settings: Settings): string {
  const shown = path.relative(process.cwd(), path.resolve(file)).split(path.sep).join("/");
  const valid = articles.find((article) => article.file === shown);
  if (!valid) return `${shown}: no article here that can be read: its problems are listed below, or the path is wrong`;
  if (!data.subjects) return `${shown}: this site has no content/_data/subjects.yaml, so no subjects`;
  // The text the build reads: the body rendered as the pages render it.
  const md = createMarkdown({ siteOrigin: settings.siteUrl });
  const article = buildArticle(valid, data, md, londonDay(settings.buildDate));
  const fm = valid.frontMatter;
  const evidence = subjectEvidence(subjectText(fm.title, fm.summary, article.text), data.subjects);
  const chosen = fm.subjects && data.subjects.filter((subject) => fm.subjects!.includes(subject.key));
  return [`${shown}:`, ...explainSubjects(evidence, chosen)].join("\n");
}
