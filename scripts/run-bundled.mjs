// Runs a TypeScript script from one cached esbuild bundle: `node scripts/run-bundled.mjs scripts/check.ts [args]`.
//
// Why: under tsx, Node 20 resolves and loads each of the ~150 modules behind `npm run check` one by one
// through tsx's loader thread, about 1 s of CPU on every run before any article is read. One bundled file
// starts in a third of that, which keeps the check well under 2 s. The bundle is kept in
// .cache/run-bundled/ and rebuilt whenever a file that went into it has changed (or is gone).
//
// Plain JavaScript on purpose: it must start without tsx. esbuild is tsx's own dependency, so it is
// resolved from tsx rather than listed again. Not for code that finds files relative to its own module
// (`import.meta.url`): in a bundle that is the bundle's location.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error("usage: node scripts/run-bundled.mjs <script.ts> [arguments]");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// In the checkout's own .cache/, not node_modules/.cache/: two checkouts sharing one node_modules (a git
// worktree) would otherwise run each other's bundles.
const cacheDir = path.join(root, ".cache", "run-bundled");
const name = path.relative(root, path.resolve(entry)).replace(/[^a-z0-9]+/gi, "-");
const bundle = path.join(cacheDir, `${name}.mjs`);
const manifest = path.join(cacheDir, `${name}.json`);

if (!isFresh()) await rebuild();
// The script reads its arguments from process.argv, as if it had been started directly.
process.argv = [process.argv[0], path.resolve(entry), ...args];
await import(pathToFileURL(bundle).href);

function isFresh() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(manifest, "utf8"));
    statSync(bundle);
    return inputs.every((input) => statSync(path.join(root, input)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

async function rebuild() {
  const esbuild = createRequire(import.meta.resolve("tsx"))("esbuild");
  const builtAt = Date.now();
  const result = await esbuild.build({
    entryPoints: [path.resolve(entry)],
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    outfile: bundle,
    logLevel: "error",
    // Bundled CommonJS packages (gray-matter, …) still call require() for Node's built-ins.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
  });
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed, so that two runs rebuilding at once never read half a file.
  const temporary = `.${process.pid}`;
  writeFileSync(bundle + temporary, result.outputFiles[0].contents);
  writeFileSync(manifest + temporary, JSON.stringify({ builtAt, inputs: Object.keys(result.metafile.inputs) }));
  renameSync(bundle + temporary, bundle);
  renameSync(manifest + temporary, manifest);
}
