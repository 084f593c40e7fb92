// Adds the other platforms' optional packages (pagefind's and rollup's native binaries for macOS, Windows…)
// to package-lock.json. This machine's registry does not serve them, so `npm install` leaves them out of the
// lock, and then `npm ci` refuses the lock as out of sync. Each entry is marked optional: npm ci skips it on
// a platform it does not fit. Run `node scripts/complete-lockfile.mjs` after any `npm install`.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const added = [];
for (const pkg of Object.values(lock.packages)) {
  for (const [name, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    lock.packages[key] = { version: spec.replace(/^[\^~=]/, ""), optional: true };
    added.push(name);
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync(file, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(
  added.length
    ? `Added ${added.length} optional packages to package-lock.json: ${added.join(", ")}`
    : "package-lock.json already lists every optional package.",
);
