/**
 * `npm run new -- "Title of the post" --author <key> [--region <key>] [--tags a,b] [--kind regional-update]`
 * Starts a draft article dated today (in London) with valid front-matter and prints where to preview it.
 */
import { parseArgs } from "node:util";
import { runEntryPoint, UserError } from "../src/core/errors.ts";
import { readSettings } from "../src/core/settings.ts";
import { createArticle, parseKind } from "../src/editor/scaffold.ts";

const USAGE = `Usage: npm run new -- "Title of the post" --author <key> [--region <key>] [--tags "Tag one,Tag two"] [--kind regional-update]`;

await runEntryPoint(async () => {
  const { values, positionals } = readArguments();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const created = await createArticle(
    {
      title: positionals.join(" "),
      kind: parseKind(values.kind),
      ...(values.author !== undefined && { author: values.author }),
      ...(values.region !== undefined && { region: values.region }),
      ...(values.tags !== undefined && { tags: values.tags.split(",") }),
    },
    { contentDir: values.content },
  );
  for (const [typed, written] of created.respelled)
    console.log(`The tag "${typed}" is written "${written}" in the archive: used that.`);
  console.log(`Created ${created.file}`);
  console.log(`Preview: http://localhost:8080${readSettings().pathPrefix}${created.url.slice(1)} (after npm start)`);
  console.log("It is a draft: replace the placeholder text, then remove the line `draft: true` to publish it.");
});
if (process.exitCode) console.error(USAGE);

/** Arguments that cannot be read are a person's error: say which (the usage follows). */
function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        author: { type: "string" },
        region: { type: "string" },
        tags: { type: "string" },
        kind: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        // Another content folder (the tests use this).
        content: { type: "string", default: "content" },
      },
    });
  } catch (error) {
    throw new UserError({ where: "npm run new", problem: (error as Error).message });
  }
}
